/**
 * Invoice states and how money (payments, credit memos) settles open invoices. Pure.
 */

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid' | 'overdue' | 'void';

export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['open', 'partially_paid', 'paid', 'overdue', 'void'];

/** Statuses that still expect money. */
export const UNPAID_STATUSES: readonly InvoiceStatus[] = ['open', 'partially_paid', 'overdue'];

const DAY_MS = 86_400_000;

/** What is still owed on an invoice. */
export function balanceDue(inv: { readonly total: number; readonly amountPaid: number; readonly amountCredited: number }): number {
  return inv.total - inv.amountPaid - inv.amountCredited;
}

/**
 * Overdue from the day after the due day: `dueAt` is 00:00 UTC of the last day to pay (credit's
 * `dueDate`), so an invoice is payable through the end of that day.
 */
export function isPastDue(dueAt: Date, now: Date): boolean {
  return dueAt.getTime() + DAY_MS <= now.getTime();
}

/** The status an unvoided invoice has after money moved: paid when nothing is left, else overdue once past due, else partially paid or open. */
export function statusAfterSettlement(inv: { readonly total: number; readonly amountPaid: number; readonly amountCredited: number; readonly dueAt: Date; readonly status: InvoiceStatus }, now: Date): InvoiceStatus {
  if (inv.status === 'void') return 'void';
  if (balanceDue(inv) <= 0) return 'paid';
  if (inv.status === 'overdue' || isPastDue(inv.dueAt, now)) return 'overdue';
  return inv.amountPaid + inv.amountCredited > 0 ? 'partially_paid' : 'open';
}

/**
 * Spreads `amount` over invoices oldest due first, never more than each one's balance. Returns the
 * allocations and what was left over.
 */
export function allocate<T extends { readonly id: string; readonly balance: number; readonly dueAt: Date }>(invoices: readonly T[], amount: number): { allocations: { invoiceId: string; amount: number }[]; left: number } {
  const ordered = [...invoices].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  const allocations: { invoiceId: string; amount: number }[] = [];
  let left = amount;
  for (const inv of ordered) {
    if (left <= 0) break;
    const take = Math.min(left, inv.balance);
    if (take <= 0) continue;
    allocations.push({ invoiceId: inv.id, amount: take });
    left -= take;
  }
  return { allocations, left };
}

export type AgeingBucket = 'current' | 'days1to30' | 'days31to60' | 'days61to90' | 'days90plus';
export const AGEING_BUCKETS: readonly AgeingBucket[] = ['current', 'days1to30', 'days31to60', 'days61to90', 'days90plus'];

/** Whole days past the due day as of `asOf` (0 while payable). */
export function daysPastDue(dueAt: Date, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - dueAt.getTime()) / DAY_MS));
}

/** The ageing bucket of an open balance: current until the due day ends, then 1–30, 31–60, 61–90, 90+ days past due. */
export function ageingBucket(dueAt: Date, asOf: Date): AgeingBucket {
  const d = daysPastDue(dueAt, asOf);
  if (d <= 0) return 'current';
  if (d <= 30) return 'days1to30';
  if (d <= 60) return 'days31to60';
  if (d <= 90) return 'days61to90';
  return 'days90plus';
}

/** Open balances summed per ageing bucket. */
export function ageing(open: readonly { readonly balance: number; readonly dueAt: Date }[], asOf: Date): Record<AgeingBucket, number> & { total: number } {
  const out = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 0 };
  for (const o of open) {
    if (o.balance <= 0) continue;
    out[ageingBucket(o.dueAt, asOf)] += o.balance;
    out.total += o.balance;
  }
  return out;
}
