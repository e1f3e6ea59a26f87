import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../scripts/gen-errors-doc.ts';

describe('docs/ERRORS.md', () => {
  it('lists every code of the registry (regenerate with npx tsx scripts/gen-errors-doc.ts)', () => {
    expect(readFileSync(new URL('../docs/ERRORS.md', import.meta.url), 'utf8')).toBe(renderErrorsDoc());
  });
});
