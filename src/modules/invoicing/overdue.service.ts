import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { emitInvoiceOverdue } from './invoicing.events.ts';
import { dueForOverdue, markOverdue } from './invoicing.repo.ts';

const BATCH = 500;

/**
 * The scheduled job: every open or partially paid invoice whose due day has ended becomes overdue
 * and emits `invoice.overdue` (emails, and the company's overdue metrics in segments). Batches of
 * 500 in their own transactions; rows another run holds are skipped, so two runs never double-emit.
 */
export async function markOverdueInvoices(ctx: Ctx): Promise<{ marked: number }> {
  let marked = 0;
  for (;;) {
    const n = await inTx(ctx, async (tx) => {
      const now = tx.clock.now();
      const rows = await dueForOverdue(tx.db, now, BATCH);
      for (const row of rows) {
        await markOverdue(tx.db, row.id, now);
        await emitInvoiceOverdue(tx, { ...row, status: 'overdue', overdueAt: now });
      }
      return rows.length;
    });
    marked += n;
    if (n < BATCH) return { marked };
  }
}
