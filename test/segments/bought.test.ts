import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../src/http/context.ts';
import { outboxHandlers } from '../../src/jobs/handlers.ts';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../src/jobs/outbox.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { COUNTED_STATUSES, emitPurchaseEvent, importOrderHistory, purchaseMetrics, refreshMetrics, type PurchaseEvent } from '../../src/modules/segments/index.ts';
import { makeCompany } from '../helpers/auth.ts';
import { metricsApp, type MetricsApp } from './metrics-fixture.ts';
import { unique } from '../helpers/unique.ts';

const counted = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');

/** The definition the metrics used before purchase_bought: every line of every counted order. */
const REFERENCE = `with bought as (
    select distinct o.company_id, l.category_id, l.category_slug, l.brand_slug
    from purchase_order_lines l join purchase_orders o on o.id = l.order_id
    where o.status in (${counted}) and o.company_id = any ($1::text[])
  ), cats as (
    select distinct b.company_id, coalesce(a.slug, b.category_slug) as slug
    from bought b
    left join categories c on c.id = b.category_id
    left join categories a on left(c.path, length(a.path)) = a.path
    where coalesce(a.slug, b.category_slug) is not null
  ), brands as (
    select distinct company_id, brand_slug as slug from bought where brand_slug is not null
  )
  select 'c' as k, company_id, slug from cats union all select 'b', company_id, slug from brands`;

/** Counted orders per company and combination, recomputed from the lines: what purchase_bought must hold. */
const COUNTS = `select o.company_id, l.category_id, l.category_slug, l.brand_slug, count(distinct o.id)::int as orders
  from purchase_orders o join purchase_order_lines l on l.order_id = o.id
  where o.status in (${counted}) and o.company_id = any ($1::text[])
  group by 1, 2, 3, 4`;

describe('purchase_bought keeps categories_bought and brands_bought exact', () => {
  let t: MetricsApp;
  let dispatcher: OutboxDispatcher;
  let ids: string[] = [];
  beforeAll(async () => {
    t = await metricsApp('2026-06-30T12:00:00Z');
    dispatcher = startOutboxDispatcher({ database: t.database, handlers: outboxHandlers(), ctxFor: (db) => systemCtx(db, { clock: t.clock }), maxAttempts: 1 }, false);
  });
  afterAll(async () => {
    await dispatcher.stop();
    await t.close();
  });

  const variantId = async (sku: string) => (await t.database.query<{ id: string }>('select id from variants where sku = $1', [sku]))[0]!.id;
  const send = async (...events: PurchaseEvent[]) => {
    await inTx(t.ctx(), async (tx) => {
      for (const e of events) await emitPurchaseEvent(tx, e);
    });
    await dispatcher.drain();
  };
  const placed = async (id: string, companyId: string, skus: (string | null)[], at = '2026-06-20T10:00:00Z'): Promise<PurchaseEvent> => ({
    type: 'order.placed',
    aggregateId: id,
    payload: {
      companyId,
      orderNumber: id,
      placedAt: at,
      currency: 'PKR',
      total: skus.length * 100,
      // null: a SKU no longer in the catalog, recorded without category or brand.
      lines: await Promise.all(skus.map(async (sku, i) => ({ variantId: sku ? await variantId(sku) : null, sku: sku ?? `GONE-${i}`, quantity: 1, amount: 100 }))),
    },
  });
  const cancelled = (id: string, companyId: string): PurchaseEvent => ({ type: 'order.cancelled', aggregateId: id, payload: { companyId, cancelledAt: '2026-06-29T10:00:00Z' } });

  /** Metrics as the service exposes them vs the old definition, after a one-company and a full refresh. */
  const bought = async (companyId: string) => {
    const m = await purchaseMetrics(t.ctx(), companyId);
    return { categories: m.categories_bought, brands: m.brands_bought };
  };
  const reference = async () => {
    const rows = await t.database.query<{ k: string; company_id: string; slug: string }>(REFERENCE, [ids]);
    const of = (id: string, k: string) => rows.filter((r) => r.company_id === id && r.k === k).map((r) => r.slug).sort();
    return new Map(ids.map((id) => [id, { categories: of(id, 'c'), brands: of(id, 'b') }]));
  };
  const key = (r: { company_id: string; category_id: string | null; category_slug: string | null; brand_slug: string | null; orders: number }) =>
    `${r.company_id}|${r.category_id ?? '∅'}|${r.category_slug ?? '∅'}|${r.brand_slug ?? '∅'}|${r.orders}`;
  const expectExact = async () => {
    const want = await t.database.query<Parameters<typeof key>[0]>(COUNTS, [ids]);
    const have = await t.database.query<Parameters<typeof key>[0]>('select company_id, category_id, category_slug, brand_slug, orders from purchase_bought where company_id = any ($1::text[])', [ids]);
    expect(have.map(key).sort()).toEqual(want.map(key).sort());
    const ref = await reference();
    for (const id of ids) expect(await bought(id)).toEqual(ref.get(id));
    await refreshMetrics(t.ctx());
    for (const id of ids) expect(await bought(id)).toEqual(ref.get(id));
    return ref;
  };

  it('follows orders placed, cancelled, placed again and imported, exactly as a scan of every line would', async () => {
    const [a, b, c] = [await makeCompany(t, { legalName: 'Shared Hammers' }), await makeCompany(t, { legalName: 'Lone Drill' }), await makeCompany(t, { legalName: 'Mixed Bag' })];
    ids = [a.id, b.id, c.id];

    // A: two orders share hammers/stanley; B: the only bosch order and an acme one; C: a line with nothing known.
    await send(
      await placed('ord_b_a1', a.id, ['HAM-001', 'HAM-002', 'DRL-001']),
      await placed('ord_b_a2', a.id, ['HAM-001']),
      await placed('ord_b_b1', b.id, ['DRL-001']),
      await placed('ord_b_b2', b.id, ['HAM-100']),
      await placed('ord_b_c1', c.id, ['FST-440', null, 'SCR-001']),
    );
    let ref = await expectExact();
    expect(ref.get(a.id)).toEqual({ categories: ['hammers', 'hand-tools', 'power-tools', 'tools'], brands: ['bosch', 'stanley'] });
    expect(ref.get(b.id)).toEqual({ categories: ['hammers', 'hand-tools', 'power-tools', 'tools'], brands: ['acme', 'bosch'] });

    // A's other hammer order still counts; B's only bosch order does not any more.
    await send(cancelled('ord_b_a2', a.id), cancelled('ord_b_b1', b.id));
    ref = await expectExact();
    expect(ref.get(a.id)!.categories).toContain('hammers');
    expect(await bought(b.id)).toEqual({ categories: ['hammers', 'hand-tools', 'tools'], brands: ['acme'] });
    // Cancelled twice (a re-delivered event): nothing more is taken away.
    await send(cancelled('ord_b_b1', b.id));
    await expectExact();

    // Placed again (re-delivered after a cancellation is undone upstream): counted once more.
    await send(await placed('ord_b_b1', b.id, ['DRL-001']));
    ref = await expectExact();
    expect(ref.get(b.id)!.brands).toEqual(['acme', 'bosch']);
    // Re-delivered as is: counted once.
    await send(await placed('ord_b_b1', b.id, ['DRL-001']));
    await expectExact();

    // The ERP history: new orders (one cancelled), then a re-import that changes lines, status and company.
    const run = unique('run'); // order refs are unique per source: a retry must not update the first attempt's
    const imported = (orders: { ref: string; company: string; status: 'placed' | 'delivered' | 'cancelled'; skus: string[] }[]) =>
      importOrderHistory(t.ctx(), {
        source: 'erp',
        orders: orders.map((o) => ({ externalRef: `${run}-${o.ref}`, companyId: o.company, orderedAt: '2026-05-01T09:00:00Z', currency: 'PKR', status: o.status, lines: o.skus.map((sku) => ({ sku, quantity: 2, amount: 50 })) })),
      });
    const first = await imported([
      { ref: 'ERP-1', company: c.id, status: 'delivered', skus: ['DRL-001', 'HAM-200'] },
      { ref: 'ERP-2', company: c.id, status: 'cancelled', skus: ['HAM-100'] },
      { ref: 'ERP-3', company: a.id, status: 'delivered', skus: ['FST-440', 'FST-440'] },
    ]);
    expect(first).toMatchObject({ created: 3, failed: 0 });
    ref = await expectExact();
    expect(ref.get(c.id)!.brands).toEqual(['acme', 'bosch', 'stanley']);

    const second = await imported([
      { ref: 'ERP-1', company: c.id, status: 'delivered', skus: ['HAM-200'] },
      { ref: 'ERP-2', company: c.id, status: 'placed', skus: ['HAM-100'] },
      { ref: 'ERP-3', company: b.id, status: 'delivered', skus: ['FST-440'] },
    ]);
    expect(second).toMatchObject({ updated: 3, failed: 0 });
    ref = await expectExact();
    expect(ref.get(c.id)).toEqual({ categories: ['fasteners', 'hammers', 'hand-tools', 'tools'], brands: ['acme', 'stanley'] });
    expect(ref.get(a.id)!.categories).not.toContain('fasteners');
    expect(ref.get(b.id)!.categories).toContain('fasteners');

    // Everything cancelled: nothing is left bought, and no zero rows linger.
    for (const [id, company] of [['ord_b_a1', a.id], ['ord_b_b1', b.id], ['ord_b_b2', b.id], ['ord_b_c1', c.id]] as const) await send(cancelled(id, company));
    await imported([
      { ref: 'ERP-1', company: c.id, status: 'cancelled', skus: ['HAM-200'] },
      { ref: 'ERP-2', company: c.id, status: 'cancelled', skus: ['HAM-100'] },
      { ref: 'ERP-3', company: b.id, status: 'cancelled', skus: ['FST-440'] },
    ]);
    await expectExact();
    expect(await t.database.query('select 1 from purchase_bought where company_id = any ($1::text[])', [ids])).toEqual([]);
    for (const id of ids) expect(await bought(id)).toEqual({ categories: [], brands: [] });
  });

  it('forgets a deleted variant in the history but keeps its SKU, and the counts stay exact', async () => {
    const f = await makeCompany(t, { legalName: 'Variant Gone' });
    ids = [f.id];
    const [product] = await t.database.query<{ id: string }>("select id from products where slug = 'wood-screws'");
    await t.database.query("insert into variants (id, product_id, sku, name, status) values ('var_bought_gone', $1, 'FST-GONE', 'Retired screws', 'active')", [product!.id]);
    await send(await placed('ord_b_f1', f.id, ['FST-GONE', 'HAM-001']));
    const line = () => t.database.query<{ variant_id: string | null; sku: string; category_slug: string | null }>("select variant_id, sku, category_slug from purchase_order_lines where order_id = (select id from purchase_orders where external_ref = 'ord_b_f1') and sku = 'FST-GONE'");
    expect(await line()).toEqual([{ variant_id: 'var_bought_gone', sku: 'FST-GONE', category_slug: 'fasteners' }]);
    const before = await expectExact();
    await t.database.query("delete from variants where id = 'var_bought_gone'");
    expect(await line()).toEqual([{ variant_id: null, sku: 'FST-GONE', category_slug: 'fasteners' }]);
    expect(await expectExact()).toEqual(before);
  });

  it('rebuilds the counts when a bought category is deleted, and drops them with their company or a truncated history', async () => {
    const d = await makeCompany(t, { legalName: 'Category Gone' });
    const e = await makeCompany(t, { legalName: 'Company Gone' });
    ids = [d.id, e.id];
    const [cat] = await t.database.query<{ id: string }>(
      "insert into categories (id, slug, name, parent_id, path, depth, position) values ('cat_bought_gone', 'to-retire', 'To Retire', null, 'cat_bought_gone/', 0, 9) returning id",
    );
    const [product] = await t.database.query<{ id: string }>("select id from products where slug = 'wood-screws'");
    await t.database.query('update products set category_id = $1 where id = $2', [cat!.id, product!.id]);
    await send(await placed('ord_b_d1', d.id, ['FST-440']), await placed('ord_b_d2', d.id, ['HAM-001']), await placed('ord_b_e1', e.id, ['FST-440']));
    await t.database.query("update products set category_id = (select id from categories where slug = 'fasteners') where id = $1", [product!.id]);
    await expectExact();

    await t.database.query('delete from categories where id = $1', [cat!.id]);
    // The history forgets the category's id and keeps its slug.
    expect(await t.database.query("select category_id, category_slug from purchase_order_lines where category_slug = 'to-retire'")).toEqual([
      { category_id: null, category_slug: 'to-retire' },
      { category_id: null, category_slug: 'to-retire' },
    ]);
    const ref = await expectExact();
    // The line keeps the slug it was recorded with.
    expect(ref.get(d.id)!.categories).toContain('to-retire');
    await send(cancelled('ord_b_d1', d.id));
    expect((await expectExact()).get(d.id)!.categories).not.toContain('to-retire');

    await t.database.query('delete from companies where id = $1', [e.id]);
    expect(await t.database.query('select 1 from purchase_bought where company_id = $1', [e.id])).toEqual([]);

    // Wiping the history in bulk leaves nothing bought behind.
    await t.database.exec('truncate purchase_orders cascade');
    expect(await t.database.query('select 1 from purchase_bought')).toEqual([]);
  });
});
