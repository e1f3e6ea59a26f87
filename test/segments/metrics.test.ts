import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, importOrderHistory, importOrderHistoryCsv, listMembers, purchaseMetrics, refreshAllAndReevaluate } from '../../src/modules/segments/index.ts';
import { makeCompany } from '../helpers/auth.ts';
import { metricsApp, type MetricsApp } from './metrics-fixture.ts';
import { unique } from '../helpers/unique.ts';

const NOW = '2026-06-30T12:00:00.000Z';
const DAY = 86_400_000;
const ago = (days: number, extraMs = 0) => new Date(new Date(NOW).getTime() - days * DAY - extraMs).toISOString();

describe('purchase metrics from imported order history', () => {
  let t: MetricsApp;
  beforeAll(async () => {
    t = await metricsApp(NOW);
  });
  afterAll(async () => t.close());

  it('counts spend and orders per window, inclusive at the window start, per currency', async () => {
    const c = await makeCompany(t, { legalName: 'Windows Ltd' });
    const run = unique('run'); // order refs are unique per source: a retry must not update the first attempt's
    const order = (ref: string, at: string, amount: number, currency = 'PKR', status?: 'cancelled' | 'on_hold') => ({
      externalRef: `${run}-${ref}`,
      companyId: c.id,
      orderedAt: at,
      currency,
      ...(status ? { status } : {}),
      lines: [{ sku: 'HAM-001', quantity: 2, amount }],
    });
    const res = await importOrderHistory(t.ctx(), {
      orders: [
        order('W-30', ago(30), 100_00), // exactly 30 days ago: inside the 30-day window
        order('W-30x', ago(30, 1), 200_00), // one millisecond earlier: outside it, inside 90
        order('W-90', ago(90), 400_00),
        order('W-365', ago(365), 800_00),
        order('W-366', ago(366), 1600_00), // lifetime only
        order('W-USD', ago(1), 50_00, 'USD'),
        order('W-cancel', ago(2), 9999_00, 'PKR', 'cancelled'),
        order('W-hold', ago(2), 9999_00, 'PKR', 'on_hold'),
      ],
    });
    expect(res).toMatchObject({ created: 8, updated: 0, failed: 0, errors: [], companies: 1 });
    const m = await purchaseMetrics(t.ctx(), c.id);
    expect(m).toMatchObject({
      spend_30d: { PKR: 100_00, USD: 50_00 },
      spend_90d: { PKR: 700_00, USD: 50_00 },
      spend_365d: { PKR: 1500_00, USD: 50_00 },
      spend_lifetime: { PKR: 3100_00, USD: 50_00 },
      order_count_30d: 2,
      order_count_90d: 4,
      order_count_365d: 5,
      order_count_lifetime: 6,
      // 3100.00 over 5 PKR orders = 620.00; USD alone
      average_order_value: { PKR: 620_00, USD: 50_00 },
      first_order_at: ago(366),
      last_order_at: ago(1),
      categories_bought: ['hammers', 'hand-tools', 'tools'],
      brands_bought: ['stanley'],
      asOf: NOW,
    });
  });

  it('re-importing updates orders instead of duplicating them, and reports bad orders by index and field', async () => {
    const c = await makeCompany(t, { legalName: 'Idempotent Ltd' });
    const run = unique('run'); // order refs are unique per source: a retry must not update the first attempt's
    const first = await importOrderHistory(t.ctx(), {
      source: 'erp',
      orders: [
        { externalRef: `${run}-SO-1`, companyId: c.id, orderedAt: ago(5), currency: 'PKR', lines: [{ sku: 'ham-001', quantity: 1, amount: 100_00 }] },
        { externalRef: `${run}-SO-2`, companyId: c.id, orderedAt: ago(6), currency: 'PKR', lines: [{ sku: 'DRL-001', quantity: 1, amount: 300_00 }] },
      ],
    });
    expect(first).toMatchObject({ created: 2, updated: 0, failed: 0 });
    const again = await importOrderHistory(t.ctx(), {
      source: 'erp',
      orders: [
        { externalRef: `${run}-SO-1`, companyId: c.id, orderedAt: ago(5), currency: 'PKR', lines: [{ sku: 'FST-440', quantity: 3, amount: 150_00 }] },
        { externalRef: `${run}-SO-3`, companyId: 'cmp_nosuchcompany', orderedAt: ago(5), currency: 'PKR', lines: [{ sku: 'HAM-001', quantity: 1, amount: 1 }] },
        { externalRef: `${run}-SO-4`, companyId: c.id, orderedAt: ago(5), currency: 'PKR', lines: [{ sku: 'HAM-001', quantity: 1, amount: 1 }, { sku: 'NOPE-1', quantity: 1, amount: 1 }] },
        { externalRef: `${run}-SO-5`, companyId: c.id, orderedAt: '2027-01-01T00:00:00Z', currency: 'PKR', lines: [{ sku: 'HAM-001', quantity: 1, amount: 1 }] },
      ],
    });
    expect(again).toMatchObject({ created: 0, updated: 1, failed: 3 });
    expect(again.errors).toEqual([
      { index: 1, field: 'companyId', message: 'No company has id cmp_nosuchcompany' },
      { index: 2, field: 'lines[1].sku', message: 'No variant has SKU NOPE-1' },
      { index: 3, field: 'orderedAt', message: '2027-01-01T00:00:00Z is in the future' },
    ]);
    const m = await purchaseMetrics(t.ctx(), c.id);
    // SO-1 now holds the fasteners line only; SO-2 unchanged; nothing counted twice.
    expect(m).toMatchObject({ order_count_lifetime: 2, spend_lifetime: { PKR: 450_00 }, categories_bought: ['fasteners', 'power-tools', 'tools'], brands_bought: ['acme', 'bosch'] });
  });

  it('imports CSV with per-row errors naming the field, keeping a bad order out whole, and is idempotent', async () => {
    const a = await makeCompany(t, { legalName: 'Csv A' });
    const b = await makeCompany(t, { legalName: 'Csv B' });
    const run = unique('run'); // order refs are unique per source: a retry must not update the first attempt's
    const csv = [
      'order_ref,company_id,ordered_at,currency,sku,quantity,amount,status',
      `${run}-A-1,${a.id},2026-06-01,PKR,HAM-001,2,1500.50,`,
      `${run}-A-1,${a.id},2026-06-01,PKR,DRL-001,1,99.50,`,
      `${run}-B-1,${b.id},2026-05-01T08:00:00Z,PKR,HAM-001,1,10.00,delivered`,
      `${run}-B-1,${b.id},2026-05-01T08:00:00Z,PKR,NOPE-9,1,10.00,delivered`,
      `${run}-C-1,cmp_unknown,2026-05-01,PKR,HAM-001,1,10.00,`,
      `${run}-D-1,${a.id},2026-13-01,PKR,HAM-001,0,12.345,shipped-ish`,
    ].join('\n');
    const res = await importOrderHistoryCsv(t.ctx(), csv);
    expect(res).toMatchObject({ created: 1, updated: 0, failed: 4 });
    expect(res.errors).toEqual([
      { row: 4, field: 'order_ref', message: `order ${run}-B-1 not imported: row 5 of it has errors` },
      { row: 5, field: 'sku', message: 'No variant has SKU NOPE-9' },
      { row: 6, field: 'company_id', message: 'No company has id cmp_unknown' },
      { row: 7, field: 'ordered_at', message: 'expected a date like 2026-01-31 or 2026-01-31T10:15:00Z, got "2026-13-01"' },
      { row: 7, field: 'status', message: expect.stringContaining('got "shipped-ish"') },
      { row: 7, field: 'quantity', message: 'expected a whole number from 1 to 100000000, got "0"' },
      { row: 7, field: 'amount', message: 'PKR has 2 decimal places; "12.345" has 3' },
    ]);
    expect((await purchaseMetrics(t.ctx(), a.id)).spend_lifetime).toEqual({ PKR: 1600_00 });
    expect((await purchaseMetrics(t.ctx(), b.id)).order_count_lifetime).toBe(0);

    const again = await importOrderHistoryCsv(t.ctx(), csv);
    expect(again).toMatchObject({ created: 0, updated: 1, failed: 4 });
    expect((await purchaseMetrics(t.ctx(), a.id))).toMatchObject({ spend_lifetime: { PKR: 1600_00 }, order_count_lifetime: 1 });
  });

  it('refuses a CSV whose header is wrong, naming the column', async () => {
    await expect(importOrderHistoryCsv(t.ctx(), 'order_ref,company_id,ordered_at,currency,sku,quantity\n')).rejects.toMatchObject({ code: 'CSV_INVALID', field: 'amount' });
  });

  it('moves a company into a spend group on import and out again when its spend window passes', async () => {
    const ind = `metrics_${Date.now()}`;
    const c = await makeCompany(t, { legalName: 'Big Spender Ltd', industry: ind });
    const group = await createGroup(t.ctx(), { name: `Big spenders ${ind}`, rule: `industry = "${ind}" and spend_30d >= 50000.00 PKR` });
    expect(group.memberCount).toBe(0);
    const res = await importOrderHistory(t.ctx(), { orders: [{ externalRef: `BIG-${ind}`, companyId: c.id, orderedAt: ago(10), currency: 'PKR', lines: [{ sku: 'HAM-001', quantity: 100, amount: 60_000_00 }] }] });
    expect(res).toMatchObject({ companies: 1, joined: 1 });
    const members = await listMembers(t.ctx(), group.id, {});
    expect(members.items.map((m) => m.companyId)).toEqual([c.id]);
    expect(members.items[0]!.reason).toContain('spend_30d');

    // 21 days later the order is 31 days old: the nightly job recomputes windows and the company leaves.
    t.clock.advanceDays(21);
    try {
      const run = await refreshAllAndReevaluate(t.ctx());
      expect(run.left).toBeGreaterThanOrEqual(1);
      expect((await listMembers(t.ctx(), group.id, {})).items).toEqual([]);
      expect((await purchaseMetrics(t.ctx(), c.id)).spend_30d).toEqual({});
    } finally {
      t.clock.set(NOW);
    }
  });
});
