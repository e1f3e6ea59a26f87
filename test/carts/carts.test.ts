import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { cartStore, pkr, type Cart } from './fixture.ts';

describe('store carts', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof cartStore>>;
  beforeAll(async () => {
    t = await createTestApp();
    s = await cartStore(t);
  });
  afterAll(async () => t.close());

  const events = async (cartId: string) =>
    t.database.query<{ type: string; actor_id: string | null; data: Record<string, unknown> }>('select type, actor_id, data from cart_events where cart_id = $1 order by at, id', [cartId]);

  it('adds to the current cart (made on first add), merges the same item, prices every line and sums exactly', async () => {
    await s.dropCurrentCart(s.builder);
    expect((await s.call(s.builder, 'GET', '/api/store/carts/current')).statusCode).toBe(404);
    const first = await s.cart(s.builder, 'POST', '/api/store/carts/current/lines', { sku: 'sfp-1', quantity: 60, note: 'for site A' });
    expect(first).toMatchObject({ name: 'My cart', access: 'owner', isCurrent: true, currency: 'PKR', lineCount: 1 });
    const again = await s.cart(s.builder, 'POST', `/api/store/carts/${first.id}/lines`, { sku: 'SFP-1', quantity: 40 });
    expect(again.lines).toHaveLength(1);
    // 100 reaches the builders' volume tier: the whole line is re-priced.
    expect(again.lines[0]).toMatchObject({ sku: 'SFP-1', quantity: 100, note: 'for site A', unitPrice: pkr(7_920), lineTotal: pkr(792_000), priceKind: 'volume', problems: [] });
    const withContract = await s.cart(s.builder, 'POST', `/api/store/carts/${first.id}/lines`, { sku: 'SFP-2', quantity: 3 });
    expect(withContract.lines.map((l) => [l.sku, l.unitPrice, l.priceKind])).toEqual([['SFP-1', pkr(7_920), 'volume'], ['SFP-2', pkr(10_000), 'contract']]);
    expect(withContract.subtotal).toEqual(pkr(792_000 + 30_000));
    expect(withContract.problemLines).toBe(0);
    const current = await s.cart(s.builder, 'GET', '/api/store/carts/current');
    expect(current.id).toBe(first.id);
    // answer=line: only the added line comes back, with the whole cart's totals.
    const slim = await s.cart(s.builder, 'POST', '/api/store/carts/current/lines?answer=line', { sku: 'SFP-2', quantity: 1 });
    expect(slim).toMatchObject({ partial: true, lineCount: 2, subtotal: pkr(792_000 + 40_000), lines: [{ sku: 'SFP-2', quantity: 4 }] });
    expect(slim.lines).toHaveLength(1);
    await s.cart(s.builder, 'PATCH', `/api/store/carts/${first.id}/lines/${slim.lines[0]!.id}`, { quantity: 3 });
    const ev = await events(first.id);
    expect(ev.map((e) => e.type)).toEqual(['created', 'line_added', 'line_added', 'line_added', 'line_added', 'line_changed']);
    expect(ev[2]!.data).toMatchObject({ source: 'cart', lines: [{ added: 40, quantity: 100 }] });
    expect(ev.every((e) => e.actor_id === s.builder.user.id)).toBe(true);
  });

  it('reports problems per line — quantity rules, stock, no price — without failing, and records the error shown', async () => {
    const c = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'Problems', makeCurrent: false }, 201);
    expect(c).toMatchObject({ name: 'Problems', isCurrent: false, lines: [], subtotal: pkr(0) });
    const url = `/api/store/carts/${c.id}/lines`;
    await s.cart(s.builder, 'POST', url, { sku: 'SFP-10', quantity: 3 });
    await s.cart(s.builder, 'POST', url, { sku: 'SFP-2', quantity: 7 });
    await s.cart(s.builder, 'POST', url, { sku: 'SFP-3', quantity: 1 });
    const body = await s.cart(s.builder, 'POST', url, { sku: 'SFP-11', quantity: 200 });
    const by = new Map(body.lines.map((l) => [l.sku, l]));
    expect(by.get('SFP-10')!.problems.map((p) => [p.code, p.message, p.limit])).toEqual([
      ['QUANTITY_BELOW_MIN', 'Order at least 5', 5],
      ['QUANTITY_NOT_INCREMENT', 'Order in multiples of 5', 5],
    ]);
    expect(by.get('SFP-2')!.problems).toEqual([{ code: 'INSUFFICIENT_STOCK', message: 'Only 5 in stock', limit: 5 }]);
    expect(by.get('SFP-3')).toMatchObject({ unitPrice: null, problems: [{ code: 'PRICE_UNAVAILABLE' }] });
    // Backorders take any quantity: no problem, the quantity that ships later is shown.
    expect(by.get('SFP-11')).toMatchObject({ problems: [], backorderQuantity: 200, available: 0 });
    expect(body.problemLines).toBe(3);
    expect(body.subtotal).toEqual(pkr(3 * 50_000 + 7 * 10_000 + 200 * 900));
    const fixed = await s.cart(s.builder, 'PATCH', `/api/store/carts/${c.id}/lines/${by.get('SFP-10')!.id}`, { quantity: 10 });
    expect(fixed.lines.find((l) => l.sku === 'SFP-10')!.problems).toEqual([]);
    const removed = await s.cart(s.builder, 'DELETE', `/api/store/carts/${c.id}/lines/${by.get('SFP-3')!.id}`);
    expect(removed.lines.map((l) => l.sku)).toEqual(['SFP-10', 'SFP-2', 'SFP-11']);
    const ev = await events(c.id);
    expect(ev.map((e) => e.type)).toContain('validation_error');
    expect(ev.filter((e) => e.type === 'line_changed')[0]!.data).toMatchObject({ from: 3, to: 10 });
    expect(ev.filter((e) => e.type === 'line_removed')[0]!.data).toMatchObject({ quantity: 1 });
  });

  it('records the problems shown when they change, not again on every change that leaves them as they were', async () => {
    const c = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'Stalls', makeCurrent: false }, 201);
    const url = `/api/store/carts/${c.id}/lines`;
    const shown = async () => (await events(c.id)).filter((e) => e.type === 'validation_error').map((e) => e.data);
    const short = await s.cart(s.builder, 'POST', url, { sku: 'SFP-2', quantity: 7 }); // 5 in stock
    expect(await shown()).toHaveLength(1);
    await s.cart(s.builder, 'POST', url, { sku: 'SFP-1', quantity: 1 }); // the same problem still shown
    expect(await shown()).toHaveLength(1);
    const lineId = short.lines[0]!.id;
    await s.cart(s.builder, 'PATCH', `${url}/${lineId}`, { quantity: 5 }); // fixed: nothing to record
    await s.cart(s.builder, 'PATCH', `${url}/${lineId}`, { quantity: 6 }); // back again: recorded again
    await s.cart(s.builder, 'POST', url, { sku: 'SFP-10', quantity: 3 }); // a new problem on another line
    const recorded = await shown();
    expect(recorded).toHaveLength(3);
    expect(recorded[2]).toMatchObject({ problemLines: 2, lines: [{ sku: 'SFP-2', codes: ['INSUFFICIENT_STOCK'] }, { sku: 'SFP-10', codes: ['QUANTITY_BELOW_MIN', 'QUANTITY_NOT_INCREMENT'] }] });
  });

  it("answers another company's cart with 404, exactly like a missing one", async () => {
    const mine = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'Private' }, 201);
    const missing = 'crt_00000000000000000000000000';
    for (const [method, path, payload] of [
      ['GET', '', undefined],
      ['POST', '/lines', { sku: 'SFP-1', quantity: 1 }],
      ['PATCH', '', { name: 'Mine now' }],
      ['DELETE', '', undefined],
    ] as const) {
      const theirs = await s.call(s.outsider, method, `/api/store/carts/${mine.id}${path}`, payload);
      const none = await s.call(s.outsider, method, `/api/store/carts/${missing}${path}`, payload);
      expect([theirs.statusCode, none.statusCode], `${method} ${path}`).toEqual([404, 404]);
      expect(theirs.json().code).toBe(none.json().code);
    }
    // Colleagues do not see a cart that is not shared with them either.
    expect((await s.call(s.colleague, 'GET', `/api/store/carts/${mine.id}`)).statusCode).toBe(404);
  });

  it('answers a hidden SKU exactly like an unknown one, and marks a line whose item became hidden', async () => {
    const c = await s.cart(s.outsider, 'POST', '/api/store/carts', { name: 'Bolts' }, 201);
    await s.cart(s.outsider, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-10', quantity: 5 });
    const hide = await s.call(s.admin, 'POST', '/api/admin/shared-catalogs', {
      name: 'No bolts for the outsider', status: 'active',
      rules: [{ effect: 'exclude', kind: 'product', value: s.bolts.id }],
      assignments: [{ type: 'company', companyId: s.outsider.company.id, includeDescendants: false }],
    });
    expect(hide.statusCode, hide.body).toBe(201);
    // The hiding catalog goes again, so that a retry can add SFP-10 as the first attempt did.
    try {
      const hidden = await s.call(s.outsider, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-11', quantity: 100 });
      const unknown = await s.call(s.outsider, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-99', quantity: 100 });
      expect([hidden.statusCode, unknown.statusCode]).toEqual([422, 422]);
      expect({ ...hidden.json(), detail: '', instance: '' }).toEqual({ ...unknown.json(), detail: '', instance: '' });
      expect(hidden.json()).toMatchObject({ code: 'SKU_UNKNOWN', field: 'sku' });
      const after = await s.cart(s.outsider, 'GET', `/api/store/carts/${c.id}`);
      expect(after.lines[0]).toMatchObject({ sku: 'SFP-10', productName: '', unitPrice: null, available: null, problems: [{ code: 'ITEM_UNAVAILABLE' }] });
      expect(after.subtotal).toEqual(pkr(0));
    } finally {
      await s.call(s.admin, 'DELETE', `/api/admin/shared-catalogs/${hide.json().id}`);
    }
  });

  it('shares a cart with colleagues to view or edit; only the owner manages shares', async () => {
    const c = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'Team cart', makeCurrent: false }, 201);
    const shares = await s.call(s.builder, 'GET', `/api/store/carts/${c.id}/shares`);
    expect(shares.statusCode, shares.body).toBe(200);
    expect(shares.json().colleagues.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Colleague Cole', 'Viewer Vi']));
    // Someone of another company cannot be given a share: 404 like an unknown user.
    expect((await s.call(s.builder, 'PUT', `/api/store/carts/${c.id}/shares/${s.outsider.user.id}`, { access: 'edit' })).statusCode).toBe(404);

    const view = await s.call(s.builder, 'PUT', `/api/store/carts/${c.id}/shares/${s.colleague.userId}`, { access: 'view' });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().shares).toEqual([expect.objectContaining({ userId: s.colleague.userId, access: 'view' })]);
    expect(await s.cart(s.colleague, 'GET', `/api/store/carts/${c.id}`)).toMatchObject({ access: 'view', owner: { id: s.builder.user.id } });
    const refused = await s.call(s.colleague, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-1', quantity: 1 });
    expect(refused.statusCode).toBe(403);

    await s.cart(s.builder, 'PUT', `/api/store/carts/${c.id}/shares/${s.colleague.userId}`, { access: 'edit' });
    const edited = await s.cart(s.colleague, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-1', quantity: 2 });
    expect(edited).toMatchObject({ access: 'edit', lines: [{ sku: 'SFP-1', quantity: 2 }] });
    expect((await s.call(s.colleague, 'GET', `/api/store/carts/${c.id}/shares`)).statusCode).toBe(403);
    expect((await s.call(s.colleague, 'DELETE', `/api/store/carts/${c.id}`)).statusCode).toBe(403);
    const list = await s.call(s.colleague, 'GET', '/api/store/carts');
    expect(list.json().items.map((i: Cart) => i.id)).toContain(c.id);

    // A viewer (read-only role) reads a cart shared with them but cannot change it.
    await s.cart(s.builder, 'PUT', `/api/store/carts/${c.id}/shares/${s.viewer.userId}`, { access: 'edit' });
    expect((await s.cart(s.viewer, 'GET', `/api/store/carts/${c.id}`)).lines).toHaveLength(1);
    expect((await s.call(s.viewer, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-1', quantity: 1 })).statusCode).toBe(403);

    expect((await s.call(s.builder, 'DELETE', `/api/store/carts/${c.id}/shares/${s.colleague.userId}`)).statusCode).toBe(204);
    expect((await s.call(s.colleague, 'GET', `/api/store/carts/${c.id}`)).statusCode).toBe(404);
  });

  it('never loses a line or a quantity when colleagues add at the same time', async () => {
    const c = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'Busy', makeCurrent: false }, 201);
    await s.cart(s.builder, 'PUT', `/api/store/carts/${c.id}/shares/${s.colleague.userId}`, { access: 'edit' });
    const url = `/api/store/carts/${c.id}/lines`;
    const adds = [
      ...Array.from({ length: 8 }, (_, i) => s.call(i % 2 ? s.builder : s.colleague, 'POST', url, { sku: 'SFP-1', quantity: 1 })),
      s.call(s.builder, 'POST', url, { sku: 'SFP-2', quantity: 1 }),
      s.call(s.colleague, 'POST', url, { sku: 'SFP-10', quantity: 5 }),
      s.call(s.builder, 'POST', url, { sku: 'SFP-11', quantity: 100 }),
    ];
    const results = await Promise.all(adds);
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 200));
    const after = await s.cart(s.builder, 'GET', `/api/store/carts/${c.id}`);
    expect(after.lines.map((l) => [l.sku, l.quantity]).sort()).toEqual([['SFP-1', 8], ['SFP-10', 5], ['SFP-11', 100], ['SFP-2', 1]]);
  });

  it('lists carts a page at a time, renames, switches the current cart and deletes', async () => {
    const who = s.colleague;
    const made: Cart[] = [];
    for (const name of ['A', 'B', 'C']) made.push(await s.cart(who, 'POST', '/api/store/carts', { name }, 201));
    const p1 = await s.call(who, 'GET', '/api/store/carts?limit=2');
    expect(p1.json().items.map((c: Cart) => c.name)).toEqual(['C', 'B']);
    const p2 = await s.call(who, 'GET', `/api/store/carts?limit=2&cursor=${p1.json().nextCursor}`);
    expect(p2.json().items.map((c: Cart) => c.name)).toContain('A');
    expect((await s.cart(who, 'GET', '/api/store/carts/current')).name).toBe('C');
    expect((await s.cart(who, 'POST', `/api/store/carts/${made[0]!.id}/current`)).isCurrent).toBe(true);
    expect((await s.cart(who, 'PATCH', `/api/store/carts/${made[0]!.id}`, { name: 'Renamed' })).name).toBe('Renamed');
    expect((await s.cart(who, 'GET', '/api/store/carts/current')).name).toBe('Renamed');
    expect((await s.call(who, 'DELETE', `/api/store/carts/${made[0]!.id}`)).statusCode).toBe(204);
    expect((await s.call(who, 'GET', '/api/store/carts/current')).statusCode).toBe(404);
    expect((await s.call(who, 'GET', '/api/store/carts?cursor=nope')).statusCode).toBe(400);
  });
});
