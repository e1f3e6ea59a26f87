import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { buyerSession, staffSession, type SignedIn } from './helpers/auth.ts';

/**
 * Sends a battery of malformed and out-of-range input to every route the OpenAPI document lists,
 * signed in as whoever the route is for. Nothing may answer 500; whatever is refused must be a
 * 4xx problem+json with a stable code (and, for validation failures, the field at fault).
 */
interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

const GARBAGE_IDS = ['does-not-exist', 'cmp_00000000000000000000000000', '%00', "' or 1=1 --", 'x'.repeat(600)];

/** A value of the wrong type for a schema, for every type a field can have. */
function wrongValue(schema: JsonSchema | undefined): unknown {
  const t = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
  switch (t) {
    case 'string':
      return { not: 'a string' };
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'maybe';
    case 'array':
      return 'not an array';
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return { deeply: { wrong: [1, 2, 3] } };
  }
}

/** Request bodies that no route may accept. */
function badBodies(schema: JsonSchema | undefined): { label: string; payload: string }[] {
  const out = [
    { label: 'malformed JSON', payload: '{"a": ' },
    { label: 'a JSON array', payload: '[1,2,3]' },
    { label: 'a JSON string', payload: '"hello"' },
    { label: 'an unknown property', payload: JSON.stringify({ zzUnknownProperty: 1 }) },
  ];
  for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
    out.push({ label: `${name} of the wrong type`, payload: JSON.stringify({ [name]: wrongValue(prop) }) });
    const t = Array.isArray(prop.type) ? prop.type[0] : prop.type;
    if (t === 'string') out.push({ label: `${name} far too long`, payload: JSON.stringify({ [name]: 'x'.repeat(100_000) }) });
    if (t === 'integer' || t === 'number') out.push({ label: `${name} out of range`, payload: JSON.stringify({ [name]: -1e18 }) });
  }
  return out;
}

describe('bad input never gets a 500', () => {
  let t: TestApp;
  let buyer: SignedIn;
  let staff: SignedIn;
  let apiKey: string;
  let spec: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffSession(t, 'admin');
    buyer = await buyerSession(t, { role: 'admin' });
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: staff.headers,
      payload: { name: 'sweep', scopes: ['catalog:read', 'catalog:write', 'inventory:write', 'companies:read'] },
    });
    expect(key.statusCode).toBe(201);
    apiKey = (key.json() as { key: string }).key;
    spec = (await t.app.inject('/openapi.json')).json();
  }, 120_000);
  afterAll(async () => t.close());

  function authFor(path: string): Record<string, string> {
    if (path.startsWith('/api/admin/')) return staff.headers;
    if (path.startsWith('/api/store/')) return buyer.headers;
    if (path.startsWith('/api/integrations/')) return { authorization: `Bearer ${apiKey}` };
    return {};
  }

  // Signing out would end the session the sweep runs under; it takes no input to get wrong.
  const skip = (path: string) => path.endsWith('/auth/logout');

  it('answers every malformed request with a 4xx problem+json', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (skip(path) || !path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const M = method.toUpperCase();
        const params = op.parameters ?? [];
        const concrete = (id: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const cases: { label: string; url: string; payload?: string; contentType?: string }[] = [];
        const base = concrete('does-not-exist');
        if (path.includes('{')) for (const id of GARBAGE_IDS) cases.push({ label: `path id ${id.slice(0, 20)}`, url: concrete(id), ...(M === 'GET' || M === 'DELETE' ? {} : { payload: '{}' }) });
        for (const q of params.filter((p) => p.in === 'query')) {
          const bad = wrongValue(q.schema);
          cases.push({ label: `query ${q.name}`, url: `${base}?${q.name}=${encodeURIComponent(typeof bad === 'string' ? bad : JSON.stringify(bad))}` });
          cases.push({ label: `query ${q.name} huge`, url: `${base}?${q.name}=${'9'.repeat(5000)}` });
        }
        const json = op.requestBody?.content?.['application/json'];
        if (json) {
          const url = path.includes('{') ? concrete('cmp_00000000000000000000000000') : path;
          for (const b of badBodies(json.schema)) cases.push({ label: `body: ${b.label}`, url, payload: b.payload, contentType: 'application/json' });
          cases.push({ label: 'body: wrong content type', url, payload: 'a=1', contentType: 'application/x-www-form-urlencoded' });
        }
        // CSV uploads: files that are not CSV at all, or break off inside a quoted cell.
        if (op.requestBody?.content?.['text/csv']) {
          const url = path.includes('{') ? concrete('cmp_00000000000000000000000000') : path;
          for (const [label, payload] of [['empty', ''], ['binary', '\u0000\u00ff\u0001'], ['unclosed quote', '"a,b\n1,2'], ['one huge cell', 'x'.repeat(100_000)]]) {
            cases.push({ label: `csv body: ${label}`, url, payload: payload!, contentType: 'text/csv' });
          }
        }
        for (const c of cases) {
          sent += 1;
          const res = await t.app.inject({
            method: M as 'GET',
            url: c.url,
            headers: { ...authFor(path), ...(c.contentType ? { 'content-type': c.contentType } : c.payload ? { 'content-type': 'application/json' } : {}) },
            ...(c.payload !== undefined ? { payload: c.payload } : {}),
          });
          const where = `${M} ${path} [${c.label}] → ${res.statusCode}`;
          if (res.statusCode >= 500) {
            failures.push(`${where}: ${res.body.slice(0, 200)}`);
            continue;
          }
          if (res.statusCode >= 400) {
            const ct = String(res.headers['content-type'] ?? '');
            const body = res.headers['content-type'] ? (res.json() as { code?: string; status?: number; field?: string }) : {};
            if (!ct.includes('application/problem+json') || typeof body.code !== 'string' || body.status !== res.statusCode) failures.push(`${where}: not problem+json: ${res.body.slice(0, 200)}`);
            else if (body.code === 'VALIDATION_FAILED' && !body.field) failures.push(`${where}: validation error without a field`);
          } else if (c.label.startsWith('body:') && c.label !== 'body: an unknown property') {
            // Some bodies are valid after all (e.g. an optional field); but never malformed JSON or a non-object.
            if (/malformed|JSON array|JSON string|wrong content type/.test(c.label)) failures.push(`${where}: accepted`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 300_000);
});
