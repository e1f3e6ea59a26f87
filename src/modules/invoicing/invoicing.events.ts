import { appendOutbox } from '../../jobs/outbox.ts';
import type { Ctx } from '../../http/context.ts';
import { emitPurchaseEvent, type PurchaseEvent } from '../segments/index.ts';
import { balanceDue } from './domain/settlement.ts';
import type { InvoiceRow } from './invoicing.repo.ts';

/**
 * Outbox events of invoicing. Every invoice event carries `{ invoiceId, companyId, number, amount,
 * currency, dueAt }` (amount = invoice total). `invoice.paid` and `invoice.overdue` are also the
 * segments purchase events of the same names, so their payloads carry the purchase fields too
 * (`paidAt`; `amountDue`) and one event serves both consumers.
 */
export const INVOICING_EVENT_TYPES = ['invoice.issued', 'invoice.paid', 'invoice.overdue'] as const;

function base(inv: InvoiceRow) {
  return { invoiceId: inv.id, companyId: inv.companyId, number: inv.number, amount: inv.total, currency: inv.currency, dueAt: inv.dueAt.toISOString() };
}

export async function emitInvoiceIssued(ctx: Ctx, inv: InvoiceRow): Promise<void> {
  await appendOutbox(ctx, [{ type: 'invoice.issued', aggregateId: inv.id, payload: { ...base(inv), orderId: inv.orderId, orderNumber: inv.orderNumber, locale: inv.locale } }]);
}

export async function emitInvoicePaid(ctx: Ctx, inv: InvoiceRow, paidAt: Date): Promise<void> {
  const payload = { ...base(inv), paidAt: paidAt.toISOString() };
  await emitPurchaseEvent(ctx, { type: 'invoice.paid', aggregateId: inv.id, payload } as PurchaseEvent);
}

export async function emitInvoiceOverdue(ctx: Ctx, inv: InvoiceRow): Promise<void> {
  const payload = { ...base(inv), amountDue: balanceDue(inv) };
  await emitPurchaseEvent(ctx, { type: 'invoice.overdue', aggregateId: inv.id, payload } as PurchaseEvent);
}
