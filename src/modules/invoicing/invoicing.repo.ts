import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { InvoiceStatus } from './domain/settlement.ts';
import type { Invoiced } from './domain/invoice-lines.ts';
import { creditMemoApplications, creditMemos, invoiceLines, invoicePayments, invoices } from './invoicing.tables.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type CreditMemoRow = typeof creditMemos.$inferSelect;

/** Rows of a raw query on either driver (both answer execute() with `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A transaction-scoped lock on invoicing one order (two shipments invoiced at once must not both take the shipping charge). */
export function lockOrderRow(orderId: string): SQL {
  return sql`select pg_advisory_xact_lock(hashtext(${`invoicing:${orderId}`}))::text as locked`;
}

export async function nextInvoiceNumber(db: Db): Promise<string> {
  const [r] = await rowsOf<{ n: string }>(db, sql`select nextval('invoice_number_seq')::text as n`);
  return `INV-${r!.n}`;
}

export async function nextCreditMemoNumber(db: Db): Promise<string> {
  const [r] = await rowsOf<{ n: string }>(db, sql`select nextval('credit_memo_number_seq')::text as n`);
  return `CM-${r!.n}`;
}

export async function insertInvoice(db: Db, row: typeof invoices.$inferInsert, lines: (typeof invoiceLines.$inferInsert)[]): Promise<InvoiceRow> {
  const [inv] = await db.insert(invoices).values(row).returning();
  if (lines.length) await db.insert(invoiceLines).values(lines);
  return inv!;
}

/** One invoice, optionally only among `companyIds`, optionally locked for a money update. */
export async function findInvoice(db: Db, id: string, opts: { companyIds?: readonly string[] | undefined; forUpdate?: boolean } = {}): Promise<InvoiceRow | undefined> {
  const where = opts.companyIds ? and(eq(invoices.id, id), inArray(invoices.companyId, [...opts.companyIds])) : eq(invoices.id, id);
  const q = db.select().from(invoices).where(where);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Several invoices locked in id order (a stable order, so concurrent payers never deadlock). */
export async function lockInvoices(db: Db, ids: readonly string[], companyIds?: readonly string[]): Promise<InvoiceRow[]> {
  if (!ids.length) return [];
  const where = companyIds ? and(inArray(invoices.id, [...ids]), inArray(invoices.companyId, [...companyIds])) : inArray(invoices.id, [...ids]);
  return db.select().from(invoices).where(where).orderBy(asc(invoices.id)).for('update');
}

export async function linesOf(db: Db, invoiceId: string): Promise<InvoiceLineRow[]> {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.lineNo));
}

export async function invoiceOfShipment(db: Db, shipmentId: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.shipmentId, shipmentId));
  return row;
}

/** Per order line: quantity and tax on the order's invoices that are not void; and whether shipping was invoiced. */
export async function invoicedSoFar(db: Db, orderId: string): Promise<{ byLine: Map<number, Invoiced>; shippingInvoiced: boolean }> {
  const rows = await rowsOf<{ order_line_no: number | null; kind: string; quantity: string; tax: string }>(
    db,
    sql`select l.order_line_no, l.kind, sum(l.quantity)::text as quantity, sum(l.tax_amount)::text as tax
        from invoice_lines l join invoices i on i.id = l.invoice_id
        where i.order_id = ${orderId} and i.status <> 'void'
        group by l.order_line_no, l.kind`,
  );
  const byLine = new Map<number, Invoiced>();
  let shippingInvoiced = false;
  for (const r of rows) {
    if (r.kind === 'shipping') shippingInvoiced = true;
    else if (r.order_line_no !== null) byLine.set(Number(r.order_line_no), { quantity: Number(r.quantity), tax: Number(r.tax) });
  }
  return { byLine, shippingInvoiced };
}

export interface InvoiceFilter {
  companyIds?: readonly string[] | undefined;
  companyId?: string | undefined;
  statuses?: readonly InvoiceStatus[] | undefined;
  orderId?: string | undefined;
  q?: string | undefined;
  after?: { issuedAt: string; id: string } | undefined;
  limit: number;
}

/** Newest first; keyset on (issued_at, id). */
export async function listInvoiceRows(db: Db, f: InvoiceFilter): Promise<(InvoiceRow & { companyName: string })[]> {
  const conds: SQL[] = [];
  if (f.companyIds) conds.push(inArray(invoices.companyId, [...f.companyIds]));
  if (f.companyId) conds.push(eq(invoices.companyId, f.companyId));
  if (f.statuses?.length) conds.push(inArray(invoices.status, [...f.statuses]));
  if (f.orderId) conds.push(eq(invoices.orderId, f.orderId));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(${invoices.number} ilike ${like} or ${invoices.orderNumber} ilike ${like} or ${invoices.poNumber} ilike ${like})`);
  }
  if (f.after) {
    const at = new Date(f.after.issuedAt);
    conds.push(or(lt(invoices.issuedAt, at), and(eq(invoices.issuedAt, at), lt(invoices.id, f.after.id)))!);
  }
  const rows = await db
    .select({ inv: invoices, companyName: sql<string>`(select legal_name from companies c where c.id = ${invoices.companyId})` })
    .from(invoices)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(invoices.issuedAt), desc(invoices.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.inv, companyName: r.companyName }));
}

export async function updateInvoiceMoney(
  db: Db,
  id: string,
  set: { amountPaid: number; amountCredited: number; status: InvoiceStatus; paidAt: Date | null; updatedAt: Date },
): Promise<InvoiceRow> {
  const [row] = await db.update(invoices).set(set).where(eq(invoices.id, id)).returning();
  return row!;
}

export async function insertAllocations(db: Db, paymentId: string, allocations: readonly { invoiceId: string; amount: number }[]): Promise<void> {
  if (allocations.length) await db.insert(invoicePayments).values(allocations.map((a) => ({ paymentId, invoiceId: a.invoiceId, amount: a.amount })));
}

/** What of `paymentId` is allocated to invoices already. */
export async function allocatedOf(db: Db, paymentId: string): Promise<number> {
  const [r] = await rowsOf<{ s: string | null }>(db, sql`select sum(amount)::text as s from invoice_payments where payment_id = ${paymentId}`);
  return Number(r?.s ?? 0);
}

export interface InvoicePaymentRow {
  payment_id: string;
  amount: string;
  method: string;
  provider: string;
  card_brand: string | null;
  card_last4: string | null;
  external_ref: string | null;
  received_at: Date | string;
}

export async function paymentsOfInvoice(db: Db, invoiceId: string): Promise<InvoicePaymentRow[]> {
  return rowsOf<InvoicePaymentRow>(
    db,
    sql`select ip.payment_id, ip.amount::text, p.method, p.provider, p.card_brand, p.card_last4, p.external_ref, p.received_at
        from invoice_payments ip join payments p on p.id = ip.payment_id
        where ip.invoice_id = ${invoiceId} order by p.received_at, p.id`,
  );
}

export async function creditMemosOfInvoice(db: Db, invoiceId: string): Promise<{ id: string; number: string; amount: string; issued_at: Date | string; reason: string }[]> {
  return rowsOf(
    db,
    sql`select m.id, m.number, a.amount::text, m.issued_at, m.reason
        from credit_memo_applications a join credit_memos m on m.id = a.credit_memo_id
        where a.invoice_id = ${invoiceId} order by m.issued_at, m.id`,
  );
}

/** The order's invoices that still expect money, locked, oldest due first. */
export async function unpaidInvoicesOfOrder(db: Db, orderId: string): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), inArray(invoices.status, ['open', 'partially_paid', 'overdue'])))
    .orderBy(asc(invoices.id))
    .for('update');
}

/** Invoices still open (not yet overdue) whose due day has ended, locked and skipped if another run holds them. */
export async function dueForOverdue(db: Db, now: Date, limit: number): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(and(inArray(invoices.status, ['open', 'partially_paid']), sql`${invoices.dueAt} + interval '1 day' <= ${now.toISOString()}::timestamptz`))
    .orderBy(asc(invoices.dueAt), asc(invoices.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markOverdue(db: Db, id: string, at: Date): Promise<void> {
  await db.update(invoices).set({ status: 'overdue', overdueAt: at, updatedAt: at }).where(eq(invoices.id, id));
}

export async function insertCreditMemo(db: Db, row: typeof creditMemos.$inferInsert, applications: readonly { invoiceId: string; amount: number }[]): Promise<CreditMemoRow> {
  const [memo] = await db.insert(creditMemos).values(row).returning();
  if (applications.length) await db.insert(creditMemoApplications).values(applications.map((a) => ({ creditMemoId: memo!.id, invoiceId: a.invoiceId, amount: a.amount })));
  return memo!;
}

export async function creditMemoByReturn(db: Db, returnId: string): Promise<CreditMemoRow | undefined> {
  const [row] = await db.select().from(creditMemos).where(eq(creditMemos.returnId, returnId));
  return row;
}

export function applicationsSql(memoId: string): SQL {
  return sql`select invoice_id, amount::text from credit_memo_applications where credit_memo_id = ${memoId} order by invoice_id`;
}
