import type { Ctx } from '../../http/context.ts';
import { statusAfterSettlement } from './domain/settlement.ts';
import { emitInvoicePaid } from './invoicing.events.ts';
import { updateInvoiceMoney, type InvoiceRow } from './invoicing.repo.ts';

/**
 * Books money against a locked invoice row: payments raise `amount_paid`, credit memos
 * `amount_credited`; the status follows, and an invoice that becomes paid emits `invoice.paid`
 * (which also takes it off the company's overdue list in segments).
 */
export async function settle(ctx: Ctx, row: InvoiceRow, money: { paid?: number; credited?: number }): Promise<InvoiceRow> {
  const now = ctx.clock.now();
  const amountPaid = row.amountPaid + (money.paid ?? 0);
  const amountCredited = row.amountCredited + (money.credited ?? 0);
  const status = statusAfterSettlement({ total: row.total, amountPaid, amountCredited, dueAt: row.dueAt, status: row.status }, now);
  const becamePaid = status === 'paid' && row.status !== 'paid';
  const updated = await updateInvoiceMoney(ctx.db, row.id, { amountPaid, amountCredited, status, paidAt: becamePaid ? now : row.paidAt, updatedAt: now });
  if (becamePaid) await emitInvoicePaid(ctx, updated, now);
  return updated;
}
