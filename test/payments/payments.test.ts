import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { chargeCard, getPayment, recordPayment, refundPayment } from '../../src/modules/payments/index.ts';
import { AppError } from '../../src/lib/errors.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';
import { unique } from '../helpers/unique.ts';

const GOOD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2034, cvc: '123' };

describe('payments through the test provider', () => {
  let t: TestApp;
  let companyId: string;
  let staff: SignedIn;
  const ctx = () => systemCtx(t.database.db);
  const problemOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof AppError) return { code: err.code, status: err.status, field: err.field, detail: err.message };
      throw err;
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await makeCompany(t)).id;
    staff = await staffSession(t, 'credit_controller');
  });
  afterAll(async () => t.close());

  it('charges the 4242 test card once per reference, however often it is retried', async () => {
    const first = await chargeCard(ctx(), { amount: 125_000, currency: 'PKR', card: GOOD, ref: { kind: 'order', id: 'ord_test_once' }, companyId });
    expect(first).toMatchObject({ provider: 'test', method: 'card', status: 'captured', amount: { amount: 125_000, currency: 'PKR' }, card: { brand: 'visa', last4: '4242' }, pays: { kind: 'order', id: 'ord_test_once' } });
    expect(first.providerRef).toMatch(/^ch_test_/);
    const again = await chargeCard(ctx(), { amount: 125_000, currency: 'PKR', card: GOOD, ref: { kind: 'order', id: 'ord_test_once' }, companyId });
    expect(again.id).toBe(first.id);
    const rows = await t.database.query('select id from payments where reference = $1', ['order:ord_test_once']);
    expect(rows).toHaveLength(1);
    expect(await problemOf(chargeCard(ctx(), { amount: 99, currency: 'PKR', card: GOOD, ref: { kind: 'order', id: 'ord_test_once' } }))).toMatchObject({ code: 'CONFLICT', field: 'reference' });
  });

  it("refuses Stripe's decline test cards with a 402 naming the card number, and records nothing", async () => {
    const declined = await problemOf(chargeCard(ctx(), { amount: 5000, currency: 'PKR', card: { ...GOOD, number: '4000 0000 0000 0002' }, ref: { kind: 'order', id: 'ord_declined' } }));
    expect(declined).toEqual({ code: 'CARD_DECLINED', status: 402, field: 'card.number', detail: 'Your card was declined.' });
    const broke = await problemOf(chargeCard(ctx(), { amount: 5000, currency: 'PKR', card: { ...GOOD, number: '4000000000009995' }, ref: { kind: 'order', id: 'ord_broke' }, field: 'payment.card' }));
    expect(broke).toMatchObject({ code: 'INSUFFICIENT_FUNDS', status: 402, field: 'payment.card.number' });
    expect(await t.database.query("select id from payments where reference in ('order:ord_declined','order:ord_broke')")).toEqual([]);
  });

  it('rejects a mistyped number, a past expiry and a short CVC with 422 on the right field', async () => {
    expect(await problemOf(chargeCard(ctx(), { amount: 100, currency: 'PKR', card: { ...GOOD, number: '4242 4242 4242 4241' }, ref: { kind: 'order', id: 'o1' } }))).toMatchObject({ code: 'CARD_INVALID', status: 422, field: 'card.number' });
    expect(await problemOf(chargeCard(ctx(), { amount: 100, currency: 'PKR', card: { ...GOOD, expMonth: 1, expYear: 2020 }, ref: { kind: 'order', id: 'o2' } }))).toMatchObject({ code: 'CARD_INVALID', field: 'card.expYear', detail: 'Your card has expired.' });
    expect(await problemOf(chargeCard(ctx(), { amount: 100, currency: 'PKR', card: { ...GOOD, cvc: '12' }, ref: { kind: 'order', id: 'o3' } }))).toMatchObject({ code: 'CARD_INVALID', field: 'card.cvc' });
    expect(await problemOf(chargeCard(ctx(), { amount: 100, currency: 'PKR', card: {}, ref: { kind: 'order', id: 'o4' } }))).toMatchObject({ code: 'CARD_INVALID', field: 'card.number' });
    // A token from the card form works like the number behind it.
    expect(await chargeCard(ctx(), { amount: 100, currency: 'PKR', card: { token: 'tok_mastercard' }, ref: { kind: 'order', id: 'o5' } })).toMatchObject({ card: { brand: 'mastercard', last4: '4444' } });
  });

  it('records a bank transfer once per external reference', async () => {
    const externalRef = unique('ERP-PAY-1');
    const a = await recordPayment(ctx(), { companyId, amount: 40_000, currency: 'PKR', method: 'bank_transfer', ref: { kind: 'invoices' }, externalRef });
    const b = await recordPayment(ctx(), { companyId, amount: 40_000, currency: 'PKR', method: 'bank_transfer', ref: { kind: 'invoices' }, externalRef });
    expect(a.created).toBe(true);
    expect(b).toEqual({ payment: a.payment, created: false });
    expect(await problemOf(recordPayment(ctx(), { companyId, amount: 1, currency: 'PKR', method: 'bank_transfer', ref: { kind: 'invoices' }, externalRef }))).toMatchObject({ code: 'CONFLICT', field: 'externalRef' });
  });

  it('staff refund part, then the rest, and never more than was paid', async () => {
    const paid = await chargeCard(ctx(), { amount: 10_000, currency: 'AED', card: GOOD, ref: { kind: 'order', id: unique('ord_refund', '_') }, companyId });
    const part = await t.app.inject({ method: 'POST', url: `/api/admin/payments/${paid.id}/refunds`, headers: staff.headers, payload: { amount: 2_500, reason: 'one box damaged' } });
    expect(part.statusCode).toBe(200);
    expect(part.json()).toMatchObject({ status: 'partially_refunded', refunded: { amount: 2_500, currency: 'AED' } });
    const tooMuch = await t.app.inject({ method: 'POST', url: `/api/admin/payments/${paid.id}/refunds`, headers: staff.headers, payload: { amount: 7_501 } });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT', field: 'amount' });
    expect((await refundPayment(ctx(), paid.id, 7_500)).status).toBe('refunded');
    const detail = await t.app.inject({ method: 'GET', url: `/api/admin/payments/${paid.id}`, headers: staff.headers });
    expect(detail.json()).toMatchObject({ id: paid.id, status: 'refunded', refunds: [{ amount: { amount: 2_500 }, reason: 'one box damaged' }, { amount: { amount: 7_500 } }] });
    expect((await getPayment(ctx(), paid.id)).refunded.amount).toBe(10_000);
    const missing = await t.app.inject({ method: 'GET', url: '/api/admin/payments/pay_nope', headers: staff.headers });
    expect(missing.statusCode).toBe(404);
  });
});
