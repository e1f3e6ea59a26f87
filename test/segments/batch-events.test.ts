import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { inTx } from '../../src/http/context.ts';
import { outboxHandlers } from '../../src/jobs/handlers.ts';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../src/jobs/outbox.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createGroup, emitPurchaseEvent, importOrderHistory, purchaseMetrics, type PurchaseEvent } from '../../src/modules/segments/index.ts';
import { makeCompany } from '../helpers/auth.ts';
import { unique } from '../helpers/unique.ts';
import { metricsApp, type MetricsApp } from './metrics-fixture.ts';

/**
 * Counts the statements sent inside transactions opened on `db` (every Drizzle query goes through
 * the session's prepareQuery; BEGIN and COMMIT are counted per transaction).
 */
function countingDb(db: Db, counter: { n: number }): Db {
  const session = (s: object) =>
    new Proxy(s, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== 'prepareQuery' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          counter.n += 1;
          return (value as (...a: unknown[]) => unknown).apply(receiver, args);
        };
      },
    });
  const tx = (t: object) => new Proxy(t, { get: (target, key, receiver) => (key === 'session' ? session(Reflect.get(target, key, receiver) as object) : Reflect.get(target, key, receiver)) });
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      return (fn: (t: Db) => Promise<unknown>, config?: unknown) => {
        counter.n += 2;
        return target.transaction((t) => fn(tx(t) as Db), config as undefined);
      };
    },
  });
}

describe('segments handle the purchase events of one claim as a batch', () => {
  let t: MetricsApp;
  let dispatcher: OutboxDispatcher;
  const statements = { n: 0 };
  let drill: string;
  let hammer: string;
  beforeAll(async () => {
    t = await metricsApp('2026-06-30T12:00:00Z');
    dispatcher = startOutboxDispatcher({ database: t.database, handlers: outboxHandlers(), ctxFor: (db) => systemCtx(countingDb(db, statements), { clock: t.clock }), maxAttempts: 1 }, false);
    const ids = await t.database.query<{ id: string; sku: string }>("select id, sku from variants where sku in ('DRL-001', 'HAM-001')");
    drill = ids.find((r) => r.sku === 'DRL-001')!.id;
    hammer = ids.find((r) => r.sku === 'HAM-001')!.id;
  });
  afterAll(async () => {
    await dispatcher.stop();
    await t.close();
  });
  beforeEach(async () => {
    await dispatcher.drain();
  });

  const emit = (events: readonly PurchaseEvent[]) => inTx(t.ctx(), async (tx) => {
    for (const e of events) await emitPurchaseEvent(tx, e);
  });
  const pending = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from outbox_events where dispatched_at is null'))[0]!.n;

  /** A scenario's events for one set of companies; refs are made unique per set. */
  type Step =
    | { kind: 'placed'; company: number; order: number; sku: 'drill' | 'hammer'; amount: number; daysAgo: number }
    | { kind: 'cancelled'; company: number; order: number }
    | { kind: 'overdue'; company: number; invoice: number; amount: number }
    | { kind: 'paid'; company: number; invoice: number }
    | { kind: 'opened'; company: number; quote: number }
    | { kind: 'closed'; company: number; quote: number };

  const eventsOf = (steps: readonly Step[], companies: readonly string[], tag: string): PurchaseEvent[] =>
    steps.map((s): PurchaseEvent => {
      const companyId = companies[s.company]!;
      switch (s.kind) {
        case 'placed': {
          const variantId = s.sku === 'drill' ? drill : hammer;
          const placedAt = new Date(Date.parse('2026-06-30T10:00:00Z') - s.daysAgo * 86_400_000).toISOString();
          return { type: 'order.placed', aggregateId: `ord_${tag}_${s.order}`, payload: { companyId, orderNumber: `SO-${s.order}`, placedAt, currency: 'PKR', total: s.amount, lines: [{ variantId, sku: s.sku === 'drill' ? 'DRL-001' : 'HAM-001', quantity: 1, amount: s.amount }] } };
        }
        case 'cancelled':
          return { type: 'order.cancelled', aggregateId: `ord_${tag}_${s.order}`, payload: { companyId, cancelledAt: '2026-06-30T11:00:00Z' } };
        case 'overdue':
          return { type: 'invoice.overdue', aggregateId: `inv_${tag}_${s.invoice}`, payload: { companyId, currency: 'PKR', amountDue: s.amount, dueAt: '2026-06-01T00:00:00Z' } };
        case 'paid':
          return { type: 'invoice.paid', aggregateId: `inv_${tag}_${s.invoice}`, payload: { companyId, paidAt: '2026-06-30T11:00:00Z' } };
        case 'opened':
          return { type: 'quote.opened', aggregateId: `quo_${tag}_${s.quote}`, payload: { companyId, openedAt: '2026-06-20T00:00:00Z' } };
        case 'closed':
          return { type: 'quote.closed', aggregateId: `quo_${tag}_${s.quote}`, payload: { companyId, closedAt: '2026-06-30T11:00:00Z', outcome: 'accepted' } };
      }
    });

  /** What a set of companies ended with: metrics, memberships and the join/leave log, with companies by index. */
  async function outcome(companies: readonly string[], groupIds: readonly string[]) {
    const index = (id: string) => companies.indexOf(id);
    const metrics = [];
    for (const id of companies) {
      const { companyId: _id, asOf: _asOf, ...m } = await purchaseMetrics(t.ctx(), id);
      metrics.push(m);
    }
    const list = `{${companies.join(',')}}`;
    const members = await t.database.query<{ group_id: string; company_id: string }>('select group_id, company_id from customer_group_members where company_id = any($1::text[]) order by group_id, company_id', [list]);
    const log = await t.database.query<{ group_id: string; company_id: string; change: string; reason: string }>(
      'select group_id, company_id, change, reason from customer_group_membership_log where company_id = any($1::text[]) order by id',
      [list],
    );
    return {
      metrics,
      members: members.map((m) => [groupIds.indexOf(m.group_id), index(m.company_id)]).sort(),
      log: log.map((l) => [groupIds.indexOf(l.group_id), index(l.company_id), l.change, l.reason]),
    };
  }

  /** Runs `steps` for two fresh sets of companies: one event per claim for the first, all in one claim for the second. */
  async function compare(steps: readonly Step[], companiesPerSet: number, industry: string, groupIds: readonly string[]) {
    const make = async () => {
      const out: string[] = [];
      for (let i = 0; i < companiesPerSet; i++) out.push((await makeCompany(t, { industry })).id);
      return out;
    };
    const [one, batch] = [await make(), await make()];
    await dispatcher.drain(); // their company.created events
    for (const e of eventsOf(steps, one, unique('one', '_'))) {
      await emit([e]);
      expect(await dispatcher.drain()).toBe(1);
    }
    await emit(eventsOf(steps, batch, unique('batch', '_')));
    expect(await dispatcher.drain()).toBe(steps.length);
    expect(await pending()).toBe(0);
    return { one: await outcome(one, groupIds), batch: await outcome(batch, groupIds) };
  }

  const groupsFor = async (industry: string) => [
    (await createGroup(t.ctx(), { name: unique(`Drill buyers ${industry}`), rule: `industry = "${industry}" and spend_90d >= 1000.00 PKR and categories_bought contains "power-tools"` })).id,
    (await createGroup(t.ctx(), { name: unique(`Quoting ${industry}`), rule: `industry = "${industry}" and open_quote_count >= 1` })).id,
    (await createGroup(t.ctx(), { name: unique(`Late ${industry}`), rule: `industry = "${industry}" and overdue_invoice_amount > 0.00 PKR` })).id,
  ];

  it('ten events for several companies in one claim give the metrics, memberships and join/leave log of one at a time', async () => {
    const industry = unique('batch', '_');
    const groups = await groupsFor(industry);
    const steps: Step[] = [
      { kind: 'placed', company: 0, order: 1, sku: 'drill', amount: 1500_00, daysAgo: 1 },
      { kind: 'placed', company: 1, order: 2, sku: 'hammer', amount: 500_00, daysAgo: 2 },
      { kind: 'placed', company: 2, order: 3, sku: 'drill', amount: 2000_00, daysAgo: 100 },
      { kind: 'opened', company: 3, quote: 1 },
      { kind: 'placed', company: 1, order: 4, sku: 'drill', amount: 800_00, daysAgo: 0 },
      { kind: 'overdue', company: 4, invoice: 1, amount: 75_00 },
      { kind: 'placed', company: 3, order: 5, sku: 'drill', amount: 1200_00, daysAgo: 3 },
      { kind: 'cancelled', company: 0, order: 1 },
      { kind: 'paid', company: 4, invoice: 1 },
      { kind: 'closed', company: 3, quote: 1 },
    ];
    const { one, batch } = await compare(steps, 5, industry, groups);
    expect(batch).toEqual(one);
    // The scenario moves people: joins and leaves of every group, with reasons.
    expect(one.log.map(([g, c, change]) => `${g}:${c}:${change}`)).toEqual(['0:0:joined', '1:3:joined', '0:1:joined', '2:4:joined', '0:3:joined', '0:0:left', '2:4:left', '1:3:left']);
    expect(one.metrics[1]).toMatchObject({ order_count_lifetime: 2, spend_90d: { PKR: 1300_00 } });
  });

  it('handles ten orders of ten companies in one claim with about the statements of one order alone', async () => {
    const companies: string[] = [];
    for (let i = 0; i < 11; i++) companies.push((await makeCompany(t)).id);
    await dispatcher.drain();
    const order = (i: number, tag: string): PurchaseEvent => ({
      type: 'order.placed',
      aggregateId: unique(`ord_count_${tag}`, '_'),
      payload: { companyId: companies[i]!, orderNumber: `SO-${i}`, placedAt: '2026-06-29T10:00:00Z', currency: 'PKR', total: 100_00, lines: [{ variantId: drill, sku: 'DRL-001', quantity: 1, amount: 100_00 }] },
    });
    await emit([order(10, 'alone')]);
    statements.n = 0;
    expect(await dispatcher.drain()).toBe(1);
    const alone = statements.n;

    await emit(companies.slice(0, 10).map((_, i) => order(i, 'ten')));
    statements.n = 0;
    expect(await dispatcher.drain()).toBe(10);
    const ten = statements.n;
    // One by one (before batch consumers), one order cost ≈ 23 statements and ten ≈ 170; now the
    // claim's transaction, the consumer's savepoint and ≈ 10 statements of segments are shared.
    expect(alone).toBeLessThanOrEqual(20);
    expect(ten).toBeLessThanOrEqual(alone + 4);
  });

  it('moves an order re-imported under another company, with its lines, and refreshes both companies', async () => {
    const [a, b] = [await makeCompany(t), await makeCompany(t)];
    const ref = unique('SO-move');
    const item = (companyId: string, amount: number) => ({ externalRef: ref, companyId, orderedAt: '2026-06-29T10:00:00Z', currency: 'PKR', lines: [{ sku: 'DRL-001', quantity: 1, amount }, { sku: 'HAM-001', quantity: 2, amount: 10_00 }] });
    expect(await importOrderHistory(t.ctx(), { source: 'erp-move', orders: [item(a.id, 500_00)] })).toMatchObject({ created: 1, updated: 0, companies: 1 });
    expect(await importOrderHistory(t.ctx(), { source: 'erp-move', orders: [item(b.id, 700_00)] })).toMatchObject({ created: 0, updated: 1, companies: 2 });
    expect(await purchaseMetrics(t.ctx(), a.id)).toMatchObject({ order_count_lifetime: 0, spend_lifetime: {}, categories_bought: [] });
    expect(await purchaseMetrics(t.ctx(), b.id)).toMatchObject({ order_count_lifetime: 1, spend_lifetime: { PKR: 710_00 } });
    const lines = await t.database.query<{ company_id: string; line_no: number; amount: string }>(
      "select o.company_id, l.line_no, l.amount::text as amount from purchase_orders o join purchase_order_lines l on l.order_id = o.id where o.source = 'erp-move' and o.external_ref = $1 order by l.line_no",
      [ref],
    );
    expect(lines).toEqual([
      { company_id: b.id, line_no: 1, amount: '70000' },
      { company_id: b.id, line_no: 2, amount: '1000' },
    ]);
  });

  it('batch handling of any sequence of purchase events leaves the metrics and log that one at a time does (property)', async () => {
    const industry = unique('prop', '_');
    const groups = await groupsFor(industry);
    const step = (orders: number): fc.Arbitrary<Step> =>
      fc.oneof(
        fc.record({ kind: fc.constant('placed' as const), company: fc.nat(2), order: fc.nat(orders), sku: fc.constantFrom('drill' as const, 'hammer' as const), amount: fc.integer({ min: 1, max: 3000_00 }), daysAgo: fc.nat(400) }),
        fc.record({ kind: fc.constant('cancelled' as const), company: fc.nat(2), order: fc.nat(orders) }),
        fc.record({ kind: fc.constant('overdue' as const), company: fc.nat(2), invoice: fc.nat(2), amount: fc.integer({ min: 1, max: 100_00 }) }),
        fc.record({ kind: fc.constant('paid' as const), company: fc.nat(2), invoice: fc.nat(2) }),
        fc.record({ kind: fc.constant('opened' as const), company: fc.nat(2), quote: fc.nat(2) }),
        fc.record({ kind: fc.constant('closed' as const), company: fc.nat(2), quote: fc.nat(2) }),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(step(4), { minLength: 1, maxLength: 10 }), async (steps) => {
        const { one, batch } = await compare(steps, 3, industry, groups);
        expect(batch).toEqual(one);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
