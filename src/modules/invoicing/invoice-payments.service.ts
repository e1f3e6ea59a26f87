import { createHash } from 'node:crypto';
import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isId } from '../../lib/ids.ts';
import { releaseCredit } from '../credit/index.ts';
import { chargeCard, recordPayment, type CardDetails, type Payment, type PaymentMethod } from '../payments/index.ts';
import { balanceDue, UNPAID_STATUSES } from './domain/settlement.ts';
import { readableCompanies } from './invoicing.context.ts';
import * as repo from './invoicing.repo.ts';
import { toInvoiceView, type InvoiceView } from './invoicing.views.ts';
import { settle } from './settle.ts';

function assertPayable(row: repo.InvoiceRow, field: string): void {
  if (!UNPAID_STATUSES.includes(row.status) || balanceDue(row) <= 0) throw new AppError('INVOICE_NOT_PAYABLE', `Invoice ${row.number} is ${row.status.replace('_', ' ')}`, field, { invoiceId: row.id, invoiceStatus: row.status });
}

/** Frees the paid amount of each company's credit (exposure counts unpaid invoices). */
async function releaseFor(ctx: Ctx, paymentId: string, rows: readonly { companyId: string; currency: string; number: string; amount: number }[]): Promise<void> {
  const byCompany = new Map<string, { currency: string; amount: number; numbers: string[] }>();
  for (const r of rows) {
    const e = byCompany.get(r.companyId) ?? { currency: r.currency, amount: 0, numbers: [] };
    e.amount += r.amount;
    e.numbers.push(r.number);
    byCompany.set(r.companyId, e);
  }
  for (const [companyId, e] of byCompany) {
    if (e.amount > 0) await releaseCredit(ctx, { companyId, amount: e.amount, currency: e.currency, ref: { kind: 'payment', id: paymentId }, reason: `Payment of ${e.numbers.join(', ')}` });
  }
}

/**
 * The buyer pays one or several invoices at once by card: the whole balance of each, in one charge
 * through the payment provider, allocated invoice by invoice. Each invoice becomes paid (emitting
 * `invoice.paid`) and the company's credit is freed by the amount. A declined card changes nothing.
 */
export async function payInvoicesByCard(ctx: Ctx, input: { invoiceIds: readonly string[]; card: CardDetails }): Promise<{ payment: Payment; invoices: InvoiceView[] }> {
  const ids = [...new Set(input.invoiceIds)];
  const scope = await readableCompanies(ctx);
  return inTx(ctx, async (tx) => {
    const valid = ids.filter((id) => isId('invoice', id));
    const rows = scope && !scope.length ? [] : await repo.lockInvoices(tx.db, valid, scope);
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      if (!byId.has(id)) throw notFound(`Invoice ${id}`, `invoiceIds/${i}`);
    });
    const ordered = ids.map((id) => byId.get(id)!);
    ordered.forEach((r, i) => assertPayable(r, `invoiceIds/${i}`));
    const currency = ordered[0]!.currency;
    const other = ordered.findIndex((r) => r.currency !== currency);
    if (other >= 0) throw new AppError('PAYMENT_CURRENCY_MISMATCH', `Invoices in ${currency} and ${ordered[other]!.currency} cannot be paid together`, `invoiceIds/${other}`);
    const amount = ordered.reduce((s, r) => s + balanceDue(r), 0);
    // The same invoices with the same balances and card are the same payment: a retry after a lost
    // answer reaches the provider with the same reference and is not charged twice.
    // Another card is another attempt (a declined card's answer is not replayed for the next one).
    const cardKey = input.card.token ?? (input.card.number ?? '').replace(/\D/g, '');
    const reference = `invoices:${createHash('sha256').update(ordered.map((r) => `${r.id}:${balanceDue(r)}`).sort().join(',')).update(`|${cardKey}`).digest('hex').slice(0, 40)}`;
    const buyerCompany = tx.actor.kind === 'buyer' ? tx.actor.companyId : ordered[0]!.companyId;
    const payment = await chargeCard(tx, { amount, currency, card: input.card, ref: { kind: 'invoices' }, companyId: buyerCompany, reference });
    const allocations = ordered.map((r) => ({ invoiceId: r.id, amount: balanceDue(r) }));
    await repo.insertAllocations(tx.db, payment.id, allocations);
    const updated: repo.InvoiceRow[] = [];
    for (const r of ordered) updated.push(await settle(tx, r, { paid: balanceDue(r) }));
    await releaseFor(tx, payment.id, ordered.map((r) => ({ companyId: r.companyId, currency: r.currency, number: r.number, amount: balanceDue(r) })));
    return { payment, invoices: updated.map((r) => toInvoiceView(r)) };
  });
}

export interface RecordInvoicePaymentInput {
  readonly amount: number;
  readonly currency: string;
  readonly method: Exclude<PaymentMethod, 'card'> | 'card';
  /** The sender's reference (ERP document, bank transfer reference): the same one again is a replay. */
  readonly externalRef?: string | undefined;
  readonly receivedAt?: string | undefined;
  readonly note?: string | undefined;
}

/**
 * Staff or an ERP record money received for one invoice (bank transfer, cheque, cash…): at most the
 * balance due, in the invoice currency. Idempotent by external reference: the same reference again
 * returns the first payment with `created: false` and books nothing more.
 */
export async function recordInvoicePayment(ctx: Ctx, invoiceId: string, input: RecordInvoicePaymentInput): Promise<{ payment: Payment; invoice: InvoiceView; created: boolean }> {
  return inTx(ctx, async (tx) => {
    const row = isId('invoice', invoiceId) ? await repo.findInvoice(tx.db, invoiceId, { forUpdate: true }) : undefined;
    if (!row) throw notFound('Invoice', 'id');
    if (input.externalRef !== undefined) {
      const { payment, created } = await recordPayment(tx, { companyId: row.companyId, amount: input.amount, currency: input.currency, method: input.method, ref: { kind: 'invoices' }, externalRef: input.externalRef, note: input.note, receivedAt: input.receivedAt ? new Date(input.receivedAt) : undefined });
      if (!created) {
        const alloc = await repo.paymentsOfInvoice(tx.db, row.id);
        if (!alloc.some((a) => a.payment_id === payment.id)) throw new AppError('CONFLICT', `External reference ${input.externalRef} was recorded for another invoice`, 'externalRef');
        return { payment, invoice: toInvoiceView(row), created: false };
      }
      return book(tx, row, payment, input);
    }
    const { payment } = await recordPayment(tx, { companyId: row.companyId, amount: input.amount, currency: input.currency, method: input.method, ref: { kind: 'invoices' }, note: input.note, receivedAt: input.receivedAt ? new Date(input.receivedAt) : undefined });
    return book(tx, row, payment, input);
  });
}

async function book(tx: Ctx, row: repo.InvoiceRow, payment: Payment, input: RecordInvoicePaymentInput): Promise<{ payment: Payment; invoice: InvoiceView; created: boolean }> {
  assertPayable(row, 'id');
  if (input.currency !== row.currency) throw new AppError('PAYMENT_CURRENCY_MISMATCH', `Invoice ${row.number} is in ${row.currency}`, 'currency');
  const due = balanceDue(row);
  if (input.amount > due) throw new AppError('PAYMENT_EXCEEDS_BALANCE', `Invoice ${row.number} has ${due} minor units due`, 'amount', { balanceDue: { amount: due, currency: row.currency } });
  await repo.insertAllocations(tx.db, payment.id, [{ invoiceId: row.id, amount: input.amount }]);
  const updated = await settle(tx, row, { paid: input.amount });
  await releaseFor(tx, payment.id, [{ companyId: row.companyId, currency: row.currency, number: row.number, amount: input.amount }]);
  return { payment, invoice: toInvoiceView(updated), created: true };
}
