import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';

describe('server skeleton', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reports liveness and readiness with the database reachable', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('serves Prometheus metrics', async () => {
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes OpenAPI 3.1', async () => {
    const res = await t.app.inject('/openapi.json');
    expect(res.json().openapi).toBe('3.1.0');
  });

  it('answers unknown routes with problem+json 404 and echoes a request id', async () => {
    const res = await t.app.inject({ url: '/api/store/nope', headers: { 'x-request-id': 'abc-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('serves the web app for every non-API page and keeps API 404s as problems', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { buildApp } = await import('../src/app.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'precis-web-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    const web = await buildApp({ config: t.config, database: t.database, mailer: { send: async () => undefined, close: () => undefined }, webDir: dir });
    try {
      for (const page of ['/', '/admin', '/admin/companies', '/products/hammer-1?x=1']) {
        const res = await web.inject(page);
        expect(res.statusCode, page).toBe(200);
        expect(res.headers['content-type']).toContain('text/html');
      }
      expect((await web.inject('/app.js')).body).toBe('console.log(1)');
      expect((await web.inject('/missing.js')).statusCode).toBe(404);
      const api = await web.inject('/api/store/nothing-here');
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await web.close();
    }
  });
});
