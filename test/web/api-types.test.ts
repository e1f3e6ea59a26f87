import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeApiTypes } from '../../scripts/gen-api-types.ts';

/**
 * The web app's API types are generated from the server's OpenAPI document and committed. When a
 * route changes and nobody re-runs `npm run gen:api`, this fails, so the web build never
 * type-checks against a stale API.
 */
describe('generated web API types', () => {
  it('match the server routes (run `npm run gen:api` if this fails)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'precis-api-'));
    try {
      await writeApiTypes(dir);
      const read = (base: string, name: string) => readFileSync(path.join(base, name), 'utf8');
      const committedDir = new URL('../../web/api/', import.meta.url).pathname;
      expect(read(committedDir, 'schema.d.ts') === read(dir, 'schema.d.ts'), 'web/api/schema.d.ts is stale: run `npm run gen:api` and commit the result').toBe(true);
      expect(JSON.parse(read(committedDir, 'openapi.json'))).toEqual(JSON.parse(read(dir, 'openapi.json')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
