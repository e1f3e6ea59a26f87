import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../src/http/context.ts';
import { outboxHandlers } from '../../src/jobs/handlers.ts';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../src/jobs/outbox.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createGroup, emitPurchaseEvent, listMembers, purchaseMetrics, type PurchaseEvent } from '../../src/modules/segments/index.ts';
import { makeCompany } from '../helpers/auth.ts';
import { metricsApp, type MetricsApp } from './metrics-fixture.ts';
import { unique } from '../helpers/unique.ts';

describe('purchase events keep metrics and membership current', () => {
  let t: MetricsApp;
  let dispatcher: OutboxDispatcher;
  beforeAll(async () => {
    t = await metricsApp('2026-06-30T12:00:00Z');
    dispatcher = startOutboxDispatcher({ database: t.database, handlers: outboxHandlers(), ctxFor: (db) => systemCtx(db, { clock: t.clock }), maxAttempts: 1 }, false);
  });
  afterAll(async () => {
    await dispatcher.stop();
    await t.close();
  });

  const emit = (e: PurchaseEvent) => inTx(t.ctx(), (tx) => emitPurchaseEvent(tx, e));
  const memberIds = async (groupId: string) => (await listMembers(t.ctx(), groupId, {})).items.map((m) => m.companyId);
  const logOf = (groupId: string) => t.database.query<{ company_id: string; change: string; reason: string }>('select company_id, change, reason from customer_group_membership_log where group_id = $1 order by id', [groupId]);
  const pending = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from outbox_events where dispatched_at is null'))[0]!.n;
  const variantId = async (sku: string) => (await t.database.query<{ id: string }>('select id from variants where sku = $1', [sku]))[0]!.id;

  it('order.placed records the order, updates spend and brings the company into a spend group with the join logged', async () => {
    const ind = `ev_${Date.now()}`;
    const c = await makeCompany(t, { legalName: 'Event Buyer', industry: ind });
    const group = await createGroup(t.ctx(), { name: `Drill buyers ${ind}`, rule: `industry = "${ind}" and spend_90d >= 1000.00 PKR and categories_bought contains "power-tools"` });
    const placed: PurchaseEvent = {
      type: 'order.placed',
      aggregateId: 'ord_event_1',
      payload: { companyId: c.id, orderNumber: 'SO-1001', placedAt: '2026-06-29T10:00:00Z', currency: 'PKR', total: 1500_00, lines: [{ variantId: await variantId('DRL-001'), sku: 'DRL-001', quantity: 3, amount: 1500_00 }] },
    };
    await emit(placed);
    await dispatcher.drain();
    expect(await pending()).toBe(0);
    expect(await purchaseMetrics(t.ctx(), c.id)).toMatchObject({ spend_90d: { PKR: 1500_00 }, order_count_lifetime: 1, categories_bought: ['power-tools', 'tools'], brands_bought: ['bosch'], last_order_at: '2026-06-29T10:00:00.000Z' });
    expect(await memberIds(group.id)).toEqual([c.id]);
    const [joined] = await logOf(group.id);
    expect(joined).toMatchObject({ company_id: c.id, change: 'joined' });
    expect(joined!.reason).toMatch(/spend_90d = 1,500\.00 PKR/);

    // Delivered twice (at-least-once): nothing is counted twice, nothing logged again.
    await emit(placed);
    await dispatcher.drain();
    expect((await purchaseMetrics(t.ctx(), c.id)).order_count_lifetime).toBe(1);
    expect(await logOf(group.id)).toHaveLength(1);

    await emit({ type: 'order.cancelled', aggregateId: 'ord_event_1', payload: { companyId: c.id, cancelledAt: '2026-06-30T08:00:00Z' } });
    await dispatcher.drain();
    expect(await purchaseMetrics(t.ctx(), c.id)).toMatchObject({ spend_90d: {}, order_count_lifetime: 0, categories_bought: [] });
    expect(await memberIds(group.id)).toEqual([]);
    expect((await logOf(group.id)).map((l) => l.change)).toEqual(['joined', 'left']);
  });

  it('quotes and invoices move open_quote_count and overdue_invoice_amount, and membership follows', async () => {
    const ind = `ev2_${Date.now()}`;
    const c = await makeCompany(t, { legalName: 'Late Payer', industry: ind });
    // Invoice and quote ids unique per attempt: a retry's events must not move the first attempt's.
    const [inv1, quo1, quo2] = [unique('inv_ev', '_'), unique('quo_ev', '_'), unique('quo_ev', '_')];
    const watch = await createGroup(t.ctx(), { name: `Credit watch ${ind}`, rule: `industry = "${ind}" and overdue_invoice_amount > 0.00 PKR` });
    const quoting = await createGroup(t.ctx(), { name: `Quoting ${ind}`, rule: `industry = "${ind}" and open_quote_count >= 2` });

    await emit({ type: 'invoice.overdue', aggregateId: inv1, payload: { companyId: c.id, currency: 'PKR', amountDue: 7_500_00, dueAt: '2026-06-15T00:00:00Z' } });
    await emit({ type: 'quote.opened', aggregateId: quo1, payload: { companyId: c.id, openedAt: '2026-06-20T00:00:00Z' } });
    await emit({ type: 'quote.opened', aggregateId: quo2, payload: { companyId: c.id, openedAt: '2026-06-21T00:00:00Z' } });
    await dispatcher.drain();
    expect(await pending()).toBe(0);
    expect(await purchaseMetrics(t.ctx(), c.id)).toMatchObject({ overdue_invoice_amount: { PKR: 7_500_00 }, open_quote_count: 2 });
    expect(await memberIds(watch.id)).toEqual([c.id]);
    expect(await memberIds(quoting.id)).toEqual([c.id]);

    await emit({ type: 'invoice.paid', aggregateId: inv1, payload: { companyId: c.id, paidAt: '2026-06-30T09:00:00Z' } });
    await emit({ type: 'quote.closed', aggregateId: quo1, payload: { companyId: c.id, closedAt: '2026-06-30T09:00:00Z', outcome: 'accepted' } });
    await dispatcher.drain();
    expect(await pending()).toBe(0);
    expect(await purchaseMetrics(t.ctx(), c.id)).toMatchObject({ overdue_invoice_amount: {}, open_quote_count: 1 });
    expect(await memberIds(watch.id)).toEqual([]);
    expect(await memberIds(quoting.id)).toEqual([]);
    expect((await logOf(watch.id)).map((l) => l.change)).toEqual(['joined', 'left']);
  });

  it('skips purchase events of a company deleted since they were written', async () => {
    await emit({ type: 'quote.opened', aggregateId: 'quo_gone', payload: { companyId: 'cmp_deleted_since', openedAt: '2026-06-20T00:00:00Z' } });
    await emit({ type: 'invoice.overdue', aggregateId: 'inv_gone', payload: { companyId: 'cmp_deleted_since', currency: 'PKR', amountDue: 1, dueAt: '2026-06-15T00:00:00Z' } });
    await emit({ type: 'order.placed', aggregateId: 'ord_gone', payload: { companyId: 'cmp_deleted_since', orderNumber: 'X', placedAt: '2026-06-29T10:00:00Z', currency: 'PKR', total: 1, lines: [{ variantId: null, sku: 'HAM-001', quantity: 1, amount: 1 }] } });
    await dispatcher.drain();
    expect(await pending()).toBe(0);
    expect(await t.database.query("select 1 from purchase_orders where external_ref = 'ord_gone'")).toEqual([]);
  });

  it('sets aside an event whose payload breaks the contract, naming the field', async () => {
    const c = await makeCompany(t, { legalName: 'Bad Payload' });
    const eventId = unique('evt_bad_payload', '_');
    await t.database.query(
      "insert into outbox_events (id, type, aggregate_id, payload) values ($2, 'order.placed', 'ord_bad', $1::jsonb)",
      [JSON.stringify({ companyId: c.id, placedAt: '2026-06-29T10:00:00Z', currency: 'PKR', total: 1, lines: [] }), eventId],
    );
    await dispatcher.drain();
    const [row] = await t.database.query<{ attempts: number; last_error: string; dispatched_at: Date | null }>("select attempts, last_error, dispatched_at from outbox_events where id = $1", [eventId]);
    expect(row).toMatchObject({ attempts: 1, dispatched_at: null });
    expect(row!.last_error).toMatch(/order\.placed ord_bad: payload does not match the contract/);
    expect((await purchaseMetrics(t.ctx(), c.id)).order_count_lifetime).toBe(0);
  });
});
