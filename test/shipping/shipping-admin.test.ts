import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { staffSession, type SignedIn } from '../helpers/auth.ts';

describe('shipping methods over HTTP', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  it('creates a method with zone and weight bands, edits the bands, and deletes it', async () => {
    const payload = {
      name: 'Express',
      carrier: 'Aramex',
      currency: 'AED',
      freeThreshold: 100_000,
      estimatedDays: { min: 1, max: 2 },
      zones: [{ country: 'ae', region: '' }, { country: 'SA', region: 'Riyadh' }],
      bands: [{ maxGrams: 5_000, amount: 4_500 }, { maxGrams: 1_000, amount: 2_500 }],
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/shipping-methods', headers: admin.headers, payload });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ name: 'Express', active: true, zones: [{ country: 'AE', region: '' }, { country: 'SA', region: 'Riyadh' }], bands: [{ maxGrams: 1_000, amount: 2_500 }, { maxGrams: 5_000, amount: 4_500 }] });

    const dup = await t.app.inject({ method: 'POST', url: '/api/admin/shipping-methods', headers: admin.headers, payload: { ...payload, bands: [{ maxGrams: 1_000, amount: 1 }, { maxGrams: 1_000, amount: 2 }] } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'bands[1].maxGrams' });

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/admin/shipping-methods/${m.id}`, headers: admin.headers, payload: { bands: [{ maxGrams: 30_000, amount: 9_000 }], active: false } });
    expect(patched.json()).toMatchObject({ active: false, bands: [{ maxGrams: 30_000, amount: 9_000 }], zones: [{ country: 'AE' }, { country: 'SA' }] });
    expect((await t.app.inject({ url: '/api/admin/shipping-methods', headers: admin.headers })).json().items).toHaveLength(1);

    const catalog = await staffSession(t, 'catalog_manager');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/shipping-methods/${m.id}`, headers: catalog.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/shipping-methods/${m.id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/admin/shipping-methods/${m.id}`, headers: admin.headers })).statusCode).toBe(404);
  });
});
