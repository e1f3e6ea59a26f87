/** Writes docs/ERRORS.md from the error-code registry (src/lib/errors.ts). `npx tsx scripts/gen-errors-doc.ts` */
import { writeFileSync } from 'node:fs';
import { ERROR_CODES } from '../src/lib/errors.ts';

export function renderErrorsDoc(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { status, title }]) => `| \`${code}\` | ${status} | ${title} |`);
  return [
    '# Error codes',
    '',
    'Every error response is RFC 9457 `application/problem+json`:',
    '',
    '```json',
    '{ "type": "https://precis.dev/errors/validation-failed", "title": "The request is not valid", "status": 400,',
    '  "detail": "email must match format \\"email\\"", "code": "VALIDATION_FAILED", "field": "email",',
    '  "errors": [{ "field": "email", "message": "must match format \\"email\\"" }], "instance": "/api/admin/staff" }',
    '```',
    '',
    '`code` is stable: clients branch on it, never on `detail` (which is for people and may change).',
    '`field` names the request field at fault where there is one. Generated from `src/lib/errors.ts`',
    'by `npx tsx scripts/gen-errors-doc.ts`; a test fails when this page is stale.',
    '',
    '| code | status | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/ERRORS.md', import.meta.url), renderErrorsDoc());
}
