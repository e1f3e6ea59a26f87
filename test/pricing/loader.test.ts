import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { loadForCompany } from '../../src/modules/pricing/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';

/** A Db that counts the statements it is asked to run (select builders and raw execute). */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if ((prop === 'execute' || prop === 'select') && typeof value === 'function') {
        return (...args: unknown[]) => { n++; return (value as (...a: unknown[]) => unknown).apply(target, args); };
      }
      return value;
    },
  });
  return { db: proxy, count: () => n };
}

describe('pricing loader', () => {
  let t: TestApp;
  let admin: SignedIn;
  const variantIds: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
    const res = await t.app.inject({
      method: 'POST', url: '/api/admin/products', headers: admin.headers,
      payload: { name: 'Loader Widget', status: 'active', variants: Array.from({ length: 20 }, (_, i) => ({ sku: `LDR-${i}` })) },
    });
    expect(res.statusCode, res.body).toBe(201);
    variantIds.push(...(res.json().variants as { id: string }[]).map((v) => v.id));
  });
  afterAll(async () => t.close());

  it('loads a company\'s lists, entries and contracts in the same number of queries for 1 or 20 variants and many lists', async () => {
    // A retry starts, like the first attempt, with no price lists: the first attempt's list for
    // everyone would also reach this attempt's company. This file's only lists are this test's.
    await t.database.query('delete from price_lists');
    const parent = await makeCompany(t);
    const company = await makeCompany(t, { parentId: parent.id });
    const other = await makeCompany(t);
    const post = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/admin/price-lists', headers: admin.headers, payload: body as object });
    const lists: string[] = [];
    for (const [i, target] of [
      { type: 'company', companyId: company.id, includeDescendants: false },
      { type: 'company', companyId: parent.id, includeDescendants: true },
      { type: 'company', companyId: parent.id, includeDescendants: false },
      { type: 'company', companyId: other.id, includeDescendants: true },
      { type: 'everyone' },
    ].entries()) {
      const res = await post({ name: `L${i}`, currency: 'PKR', status: 'active', targets: [target] });
      expect(res.statusCode, res.body).toBe(201);
      lists.push(res.json().id as string);
      const put = await t.app.inject({
        method: 'PUT', url: `/api/admin/price-lists/${lists[i]}/entries`, headers: admin.headers,
        payload: { items: variantIds.map((variantId, k) => ({ variantId, unitPrice: 1000 + k })) },
      });
      expect(put.json().created).toBe(20);
    }
    const scope = { companyId: company.id, ancestors: [parent.id], groupIds: [], channel: null };
    const one = counting(t.database.db);
    const a = await loadForCompany(one.db, { ...scope, variantIds: variantIds.slice(0, 1) });
    const many = counting(t.database.db);
    const b = await loadForCompany(many.db, { ...scope, variantIds });
    expect(one.count()).toBe(4);
    expect(many.count()).toBe(4);
    // Own list, the parent's list that includes descendants, everyone — not the parent's private
    // list nor another company's.
    const reached = [lists[0], lists[1], lists[4]].sort();
    expect(a.lists.map((l) => l.id).sort()).toEqual(reached);
    expect(b.lists.find((l) => l.id === lists[0])?.entries).toHaveLength(20);
    expect(a.lists.find((l) => l.id === lists[0])?.entries).toHaveLength(1);
  });
});
