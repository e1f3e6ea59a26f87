import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { paymentRefunds, payments } from './payments.tables.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;

export async function findPaymentByReference(db: Db, provider: string, reference: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(and(eq(payments.provider, provider), eq(payments.reference, reference)));
  return row;
}

export async function findPayment(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<PaymentRow | undefined> {
  const q = db.select().from(payments).where(eq(payments.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Inserts unless (provider, reference) exists; returns the row that holds the reference either way, and whether it is new. */
export async function insertPayment(db: Db, row: NewPaymentRow): Promise<{ row: PaymentRow; created: boolean }> {
  const [created] = await db.insert(payments).values(row).onConflictDoNothing({ target: [payments.provider, payments.reference] }).returning();
  if (created) return { row: created, created: true };
  const existing = await findPaymentByReference(db, row.provider, row.reference);
  if (!existing) throw new Error(`payment ${row.provider}/${row.reference} conflicted but is not there`);
  return { row: existing, created: false };
}

export async function addRefund(db: Db, paymentId: string, refund: { id: string; amount: number; providerRef: string | null; reason: string | null; at: Date }): Promise<PaymentRow> {
  await db.insert(paymentRefunds).values({ id: refund.id, paymentId, amount: refund.amount, providerRef: refund.providerRef, reason: refund.reason, createdAt: refund.at });
  const [row] = await db
    .update(payments)
    .set({
      amountRefunded: sql`${payments.amountRefunded} + ${refund.amount}`,
      status: sql`case when ${payments.amountRefunded} + ${refund.amount} >= ${payments.amount} then 'refunded' else 'partially_refunded' end`,
      updatedAt: refund.at,
    })
    .where(eq(payments.id, paymentId))
    .returning();
  if (!row) throw new Error(`payment ${paymentId} vanished during a refund`);
  return row;
}

export async function refundsOf(db: Db, paymentId: string): Promise<(typeof paymentRefunds.$inferSelect)[]> {
  return db.select().from(paymentRefunds).where(eq(paymentRefunds.paymentId, paymentId)).orderBy(paymentRefunds.createdAt, paymentRefunds.id);
}
