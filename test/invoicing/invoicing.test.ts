import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { outboxHandlers } from '../../src/jobs/handlers.ts';
import { startOutboxDispatcher } from '../../src/jobs/outbox.ts';
import { scheduledJobs, INVOICES_OVERDUE_JOB } from '../../src/jobs/schedules.ts';
import { newId } from '../../src/lib/ids.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createApiKey } from '../../src/modules/auth/index.ts';
import { creditSummary } from '../../src/modules/credit/index.ts';
import { invoiceShipment, invoiceSummary, issueCreditMemo } from '../../src/modules/invoicing/index.ts';
import { createTestDatabase, memoryMailer, type TestApp } from '../harness.ts';
import { loginBuyer, staffSession, type SignedIn } from '../helpers/auth.ts';
import { testClock, type TestClock } from '../segments/metrics-fixture.ts';
import { invoicingCompany, placeTestOrder } from './fixture.ts';
import { unique } from '../helpers/unique.ts';

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2034, cvc: '123' };

describe('invoices', () => {
  let t: TestApp & { clock: TestClock };
  let staff: SignedIn;
  let buyer: SignedIn & { companyId: string; email: string };
  let apiKey: string;
  const ctx = () => systemCtx(t.database.db, { clock: t.clock });
  const events = (type: string) => t.database.query<{ aggregate_id: string; payload: Record<string, unknown> }>('select aggregate_id, payload from outbox_events where type = $1 order by created_at, id', [type]);

  beforeAll(async () => {
    const { database, drop } = await createTestDatabase();
    const clock = testClock('2026-03-10T09:00:00Z');
    const config = loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'never', SELLER_NAME: 'Precis Trading FZE', SELLER_VAT_ID: '100999888700003' });
    const app = await buildApp({ config, database, mailer: memoryMailer(), clock, webDir: '/nonexistent' });
    await app.ready();
    t = { app, database, config, clock, close: async () => (await app.close(), await drop()) };
    staff = await staffSession(t, 'credit_controller');
    buyer = await invoicingCompany(t);
    apiKey = (await createApiKey(ctx(), { name: 'ERP', scopes: ['invoices:write'] }, null)).key;
  });
  afterAll(async () => t.close());

  /** Moves the clock; sessions expire after a week, so everyone signs in again. */
  async function setClock(iso: string): Promise<void> {
    t.clock.set(iso);
    staff = await staffSession(t, 'credit_controller');
    buyer = { ...buyer, ...(await loginBuyer(t.app, buyer.email)) };
  }

  it('staff invoice part of an order, then the rest: order prices and tax, shipping on the first, due by the terms, parties snapshotted', async () => {
    const order = await placeTestOrder(t, { companyId: buyer.companyId });
    const first = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: { lines: [{ orderLineNo: 1, quantity: 1 }] } });
    expect(first.statusCode).toBe(201);
    const inv = first.json();
    expect(inv.number).toMatch(/^INV-\d{6}$/);
    expect(inv).toMatchObject({
      status: 'open',
      orderNumber: order.number,
      subtotal: { amount: 1000, currency: 'AED' },
      shippingTotal: { amount: 1500, currency: 'AED' },
      taxTotal: { amount: 50 + 75, currency: 'AED' },
      total: { amount: 2625, currency: 'AED' },
      balanceDue: { amount: 2625, currency: 'AED' },
      paymentTerms: 'net30',
      poNumber: 'PO-7781',
      issuedAt: '2026-03-10T09:00:00.000Z',
      dueAt: '2026-04-09T00:00:00.000Z',
      buyer: { legalName: 'Gulf Build Supplies LLC', vatId: '100234567800003', address: ['Office 402, Al Serkal Avenue', 'Dubai', 'AE'], country: 'AE' },
      seller: { legalName: 'Precis Trading FZE', vatId: '100999888700003' },
    });
    expect(inv.lines.map((l: { kind: string; quantity: number; lineTotal: { amount: number } }) => [l.kind, l.quantity, l.lineTotal.amount])).toEqual([
      ['item', 1, 1000],
      ['shipping', 1, 1500],
    ]);
    const rest = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} });
    expect(rest.statusCode).toBe(201);
    expect(rest.json()).toMatchObject({ subtotal: { amount: 3000 }, shippingTotal: { amount: 0 }, taxTotal: { amount: 150 } });
    expect(Number(rest.json().number.slice(4))).toBe(Number(inv.number.slice(4)) + 1);
    // Together they are the order, to the minor unit.
    expect(inv.total.amount + rest.json().total.amount).toBe(order.total);
    const again = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'NOTHING_TO_INVOICE', field: 'orderId' });
    const issued = await events('invoice.issued');
    expect(issued.map((e) => e.aggregate_id)).toEqual(expect.arrayContaining([inv.id, rest.json().id]));
    expect(issued.find((e) => e.aggregate_id === inv.id)!.payload).toMatchObject({ invoiceId: inv.id, companyId: buyer.companyId, number: inv.number, amount: 2625, currency: 'AED', dueAt: '2026-04-09T00:00:00.000Z' });
  });

  it("a buyer sees only their company's invoices; another company's id is a 404", async () => {
    const other = await invoicingCompany(t, { legalName: 'Other Co' });
    const order = await placeTestOrder(t, { companyId: other.companyId });
    const created = (await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} })).json();
    const mine = await t.app.inject({ method: 'GET', url: '/api/store/invoices?status=open', headers: buyer.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThanOrEqual(2);
    expect(mine.json().items.every((i: { companyId: string }) => i.companyId === buyer.companyId)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${created.id}`, headers: buyer.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${created.id}`, headers: other.headers })).json()).toMatchObject({ id: created.id, buyer: { legalName: 'Other Co' } });
  });

  it('pays several invoices with one card payment, frees the credit and emits invoice.paid; a declined card changes nothing', async () => {
    const order = await placeTestOrder(t, { companyId: buyer.companyId });
    const a = (await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: { lines: [{ orderLineNo: 2, quantity: 4 }] } })).json();
    const b = (await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} })).json();
    const exposureBefore = (await creditSummary(ctx(), buyer.companyId)).exposure;

    const declined = await t.app.inject({ method: 'POST', url: '/api/store/invoices/pay', headers: buyer.headers, payload: { invoiceIds: [a.id, b.id], card: { ...CARD, number: '4000 0000 0000 0002' } } });
    expect(declined.statusCode).toBe(402);
    expect(declined.json()).toMatchObject({ code: 'CARD_DECLINED', field: 'card.number' });
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${a.id}`, headers: buyer.headers })).json().status).toBe('open');

    const paid = await t.app.inject({ method: 'POST', url: '/api/store/invoices/pay', headers: buyer.headers, payload: { invoiceIds: [a.id, b.id], card: CARD } });
    expect(paid.statusCode).toBe(200);
    const body = paid.json();
    expect(body.payment).toMatchObject({ amount: { amount: a.total.amount + b.total.amount, currency: 'AED' }, card: { brand: 'visa', last4: '4242' }, pays: { kind: 'invoices' } });
    expect(body.invoices.map((i: { status: string; balanceDue: { amount: number } }) => [i.status, i.balanceDue.amount])).toEqual([
      ['paid', 0],
      ['paid', 0],
    ]);
    expect((await creditSummary(ctx(), buyer.companyId)).exposure).toBe(exposureBefore - order.total);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/store/invoices/${a.id}`, headers: buyer.headers })).json();
    expect(detail.payments).toEqual([expect.objectContaining({ paymentId: body.payment.id, amount: a.total, method: 'card' })]);
    expect((await events('invoice.paid')).map((e) => e.aggregate_id)).toEqual(expect.arrayContaining([a.id, b.id]));

    const twice = await t.app.inject({ method: 'POST', url: '/api/store/invoices/pay', headers: buyer.headers, payload: { invoiceIds: [b.id], card: CARD } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'INVOICE_NOT_PAYABLE', field: 'invoiceIds/0' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/store/invoices/pay', headers: buyer.headers, payload: { invoiceIds: [newId('invoice')], card: CARD } });
    expect(unknown.statusCode).toBe(404);
  });

  it('the ERP records a bank transfer once per reference: part paid, then the rest; never more than is due', async () => {
    const order = await placeTestOrder(t, { companyId: buyer.companyId });
    const inv = (await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} })).json();
    const auth = { authorization: `Bearer ${apiKey}` };
    const url = `/api/integrations/invoices/${inv.id}/payments`;
    const bank = unique('BANK-881');
    const part = await t.app.inject({ method: 'POST', url, headers: auth, payload: { amount: 2000, currency: 'AED', method: 'bank_transfer', externalRef: bank } });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({ created: true, invoice: { status: 'partially_paid', amountPaid: { amount: 2000 }, balanceDue: { amount: inv.total.amount - 2000 } } });
    const replay = await t.app.inject({ method: 'POST', url, headers: auth, payload: { amount: 2000, currency: 'AED', method: 'bank_transfer', externalRef: bank } });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ created: false, payment: { id: part.json().payment.id } });
    const tooMuch = await t.app.inject({ method: 'POST', url, headers: auth, payload: { amount: inv.total.amount, currency: 'AED', method: 'bank_transfer', externalRef: unique('BANK-882') } });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'PAYMENT_EXCEEDS_BALANCE', field: 'amount' });
    const wrongCurrency = await t.app.inject({ method: 'POST', url, headers: auth, payload: { amount: 1, currency: 'USD', method: 'bank_transfer', externalRef: unique('BANK-883') } });
    expect(wrongCurrency.json()).toMatchObject({ code: 'PAYMENT_CURRENCY_MISMATCH', field: 'currency' });
    const rest = await t.app.inject({ method: 'POST', url: `/api/admin/invoices/${inv.id}/payments`, headers: staff.headers, payload: { amount: inv.total.amount - 2000, currency: 'AED', method: 'cheque', externalRef: unique('CHQ-1') } });
    expect(rest.statusCode).toBe(201);
    expect(rest.json().invoice).toMatchObject({ status: 'paid', balanceDue: { amount: 0 } });
    expect((await t.app.inject({ method: 'POST', url, payload: { amount: 1, currency: 'AED', method: 'cash' } })).statusCode).toBe(401);
  });

  it('the scheduled job marks invoices overdue the day after the due day, once, and segments count them', async () => {
    await setClock('2026-05-01T10:00:00Z');
    const order = await placeTestOrder(t, { companyId: buyer.companyId, terms: 'net7' });
    const inv = (await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} })).json();
    expect(inv.dueAt).toBe('2026-05-08T00:00:00.000Z');
    const job = scheduledJobs(loadConfig({ INVOICE_OVERDUE_CRON: '30 1 * * *' })).find((j) => j.name === INVOICES_OVERDUE_JOB)!;
    expect(job.cron).toBe('30 1 * * *');
    await setClock('2026-05-08T23:59:59Z');
    await job.run(ctx());
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${inv.id}`, headers: buyer.headers })).json().status).toBe('open');
    await setClock('2026-05-09T00:00:00Z');
    expect(await job.run(ctx())).toMatchObject({ marked: expect.any(Number) });
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${inv.id}`, headers: buyer.headers })).json().status).toBe('overdue');
    expect(await job.run(ctx())).toEqual({ marked: 0 });
    const overdue = (await events('invoice.overdue')).filter((e) => e.aggregate_id === inv.id);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.payload).toMatchObject({ companyId: buyer.companyId, currency: 'AED', amountDue: inv.total.amount, dueAt: '2026-05-08T00:00:00.000Z', number: inv.number });
    expect(await invoiceSummary(ctx(), buyer.companyId)).toMatchObject({ overdue: { count: expect.any(Number), amount: expect.any(Number) }, currency: 'AED' });

    // The purchase-event consumer in segments accepts the payload and records the overdue invoice.
    const dispatcher = startOutboxDispatcher({ database: t.database, handlers: outboxHandlers(), ctxFor: (db) => systemCtx(db, { clock: t.clock }) }, false);
    while ((await dispatcher.drain()) > 0);
    await dispatcher.stop();
    expect(await t.database.query('select attempts, last_error from outbox_events where dispatched_at is null')).toEqual([]);
    expect(await t.database.query('select amount::int as amount from purchase_overdue_invoices where invoice_id = $1', [inv.id])).toEqual([{ amount: inv.total.amount }]);
  });

  it('a credit memo settles open invoices of its order, frees credit, and the statement shows it all with ageing', async () => {
    await setClock('2026-06-01T08:00:00Z');
    const co = await invoicingCompany(t, { legalName: 'Statement Co' });
    const order = await placeTestOrder(t, { companyId: co.companyId, terms: 'net30' });
    const inv = (await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} })).json();
    t.clock.set('2026-06-05T08:00:00Z');
    const exposure = (await creditSummary(ctx(), co.companyId)).exposure;
    const returnId = unique('rma_test', '_'); // one memo per return: a retry needs a return of its own
    const memo = await issueCreditMemo(ctx(), { companyId: co.companyId, orderId: order.id, returnId, amount: 1000, currency: 'AED', lines: [{ sku: 'DRL-001', name: 'Cordless drill 18V', quantity: 1, amount: 1000 }], reason: 'Returned: damaged in transit' });
    expect(memo.number).toMatch(/^CM-\d{6}$/);
    expect(memo.applications).toEqual([{ invoiceId: inv.id, amount: { amount: 1000, currency: 'AED' } }]);
    expect((await creditSummary(ctx(), co.companyId)).exposure).toBe(exposure - 1000);
    // The same return again is the same memo.
    expect((await issueCreditMemo(ctx(), { companyId: co.companyId, orderId: order.id, returnId, amount: 1000, currency: 'AED', lines: [], reason: 'again' })).id).toBe(memo.id);
    const after = (await t.app.inject({ method: 'GET', url: `/api/store/invoices/${inv.id}`, headers: co.headers })).json();
    expect(after).toMatchObject({ status: 'partially_paid', amountCredited: { amount: 1000 }, balanceDue: { amount: inv.total.amount - 1000 }, creditMemos: [{ number: memo.number }] });

    await setClock('2026-06-10T08:00:00Z');
    await t.app.inject({ method: 'POST', url: `/api/admin/invoices/${inv.id}/payments`, headers: staff.headers, payload: { amount: 500, currency: 'AED', method: 'bank_transfer', externalRef: unique('STMT-1') } });
    await setClock('2026-07-20T08:00:00Z'); // due 1 July: 19 days past due
    Object.assign(co, await loginBuyer(t.app, co.email));
    const st = await t.app.inject({ method: 'GET', url: '/api/store/statement?from=2026-06-01&to=2026-07-20', headers: co.headers });
    expect(st.statusCode).toBe(200);
    const s = st.json();
    expect(s.entries.map((e: { kind: string; debit: { amount: number }; credit: { amount: number }; balance: { amount: number } }) => [e.kind, e.debit.amount, e.credit.amount, e.balance.amount])).toEqual([
      ['invoice', inv.total.amount, 0, inv.total.amount],
      ['credit_memo', 0, 1000, inv.total.amount - 1000],
      ['payment', 0, 500, inv.total.amount - 1500],
    ]);
    expect(s).toMatchObject({ currency: 'AED', openingBalance: { amount: 0 }, closingBalance: { amount: inv.total.amount - 1500 }, companyName: 'Statement Co' });
    expect(s.ageing.buckets).toMatchObject({ current: { amount: 0 }, days1to30: { amount: inv.total.amount - 1500 }, days31to60: { amount: 0 } });
    // A period after the entries brings the balance forward.
    const later = (await t.app.inject({ method: 'GET', url: '/api/store/statement?from=2026-07-01&to=2026-07-20', headers: co.headers })).json();
    expect(later).toMatchObject({ entries: [], openingBalance: { amount: inv.total.amount - 1500 }, closingBalance: { amount: inv.total.amount - 1500 } });
    const bad = await t.app.inject({ method: 'GET', url: '/api/store/statement?from=2026-08-01&to=2026-07-01', headers: co.headers });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
    const admin = await t.app.inject({ method: 'GET', url: `/api/admin/companies/${co.companyId}/statement?from=2026-06-01`, headers: staff.headers });
    expect(admin.json().entries).toHaveLength(3);
  });

  it('invoices a shipment once when shipment.shipped is handled, with the shipment quantities', async () => {
    await setClock('2026-08-01T08:00:00Z');
    const order = await placeTestOrder(t, { companyId: buyer.companyId });
    const shipmentId = newId('shipment');
    await t.database.query(
      `insert into shipments (id, order_id, company_id, seq, number, status, carrier, created_by_kind, shipped_at) values ($1, $2, $3, 1, $4, 'shipped', 'Aramex', 'system', now())`,
      [shipmentId, order.id, buyer.companyId, `${order.number}-1`],
    );
    await t.database.query(`insert into shipment_lines (shipment_id, order_id, line_no, quantity) values ($1, $2, 1, 2), ($1, $2, 2, 4)`, [shipmentId, order.id]);
    const first = await invoiceShipment(ctx(), { shipmentId, orderId: order.id });
    expect(first).toMatchObject({ shipmentId, subtotal: { amount: 3000 }, shippingTotal: { amount: 1500 } });
    const second = await invoiceShipment(ctx(), { shipmentId, orderId: order.id });
    expect(second!.id).toBe(first!.id);
    expect(await t.database.query('select count(*)::int as n from invoices where shipment_id = $1', [shipmentId])).toEqual([{ n: 1 }]);
  });
});
