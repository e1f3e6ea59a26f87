import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { companies } from '../accounts/index.ts';
import type { ReturnStatus } from './domain/lifecycle.ts';
import { returnEvents, returnLines, returnRequests } from './returns.tables.ts';

export type ReturnRow = typeof returnRequests.$inferSelect;
export type ReturnLineRow = typeof returnLines.$inferSelect;
export type ReturnEventRow = typeof returnEvents.$inferSelect;

/** The next RMA number from its sequence ('RMA-100001'). */
export async function nextReturnNumber(db: Db): Promise<string> {
  const r = (await db.execute(sql`select nextval('return_number_seq')::text as n`)) as unknown as { rows: { n: string }[] };
  return `RMA-${r.rows[0]?.n ?? ''}`;
}

export async function insertReturn(db: Db, row: typeof returnRequests.$inferInsert, lines: (typeof returnLines.$inferInsert)[]): Promise<void> {
  await db.insert(returnRequests).values(row);
  if (lines.length) await db.insert(returnLines).values(lines);
}

/** One return, if one of `companyIds` owns it (undefined = any); `forUpdate` locks it for a transition. */
export async function findReturn(db: Db, id: string, companyIds: readonly string[] | undefined, forUpdate = false): Promise<ReturnRow | null> {
  if (companyIds !== undefined && companyIds.length === 0) return null;
  const where = companyIds === undefined ? eq(returnRequests.id, id) : and(eq(returnRequests.id, id), inArray(returnRequests.companyId, [...companyIds]));
  const q = db.select().from(returnRequests).where(where).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findLines(db: Db, returnIds: readonly string[]): Promise<ReturnLineRow[]> {
  if (!returnIds.length) return [];
  return db.select().from(returnLines).where(inArray(returnLines.returnId, [...returnIds])).orderBy(asc(returnLines.returnId), asc(returnLines.lineNo));
}

export async function findEvents(db: Db, returnId: string): Promise<ReturnEventRow[]> {
  return db.select().from(returnEvents).where(eq(returnEvents.returnId, returnId)).orderBy(asc(returnEvents.at), asc(returnEvents.id));
}

export async function insertEvent(db: Db, row: typeof returnEvents.$inferInsert): Promise<void> {
  await db.insert(returnEvents).values(row);
}

export async function updateReturn(db: Db, id: string, patch: Partial<typeof returnRequests.$inferInsert>): Promise<void> {
  await db.update(returnRequests).set(patch).where(eq(returnRequests.id, id));
}

export async function setReceived(db: Db, returnId: string, lineNo: number, quantityReceived: number): Promise<void> {
  await db.update(returnLines).set({ quantityReceived }).where(and(eq(returnLines.returnId, returnId), eq(returnLines.lineNo, lineNo)));
}

export interface ReturnListFilter {
  companyIds?: readonly string[] | undefined;
  orderId?: string | undefined;
  status?: ReturnStatus | undefined;
  open?: boolean | undefined;
  q?: string | undefined;
  after?: [string, string] | undefined;
  limit: number;
}

/** Returns newest first (requested_at, id), with the company's name for staff lists. */
export async function listReturns(db: Db, f: ReturnListFilter): Promise<(ReturnRow & { companyName: string })[]> {
  const where: SQL[] = [];
  if (f.companyIds) {
    if (!f.companyIds.length) return [];
    where.push(inArray(returnRequests.companyId, [...f.companyIds]));
  }
  if (f.orderId) where.push(eq(returnRequests.orderId, f.orderId));
  if (f.status) where.push(eq(returnRequests.status, f.status));
  if (f.open) where.push(inArray(returnRequests.status, ['requested', 'approved', 'received']));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(returnRequests.number, like), ilike(returnRequests.orderNumber, like), ilike(companies.legalName, like)) as SQL);
  }
  if (f.after) {
    const [at, id] = f.after;
    where.push(or(lt(returnRequests.requestedAt, new Date(at)), and(eq(returnRequests.requestedAt, new Date(at)), lt(returnRequests.id, id))) as SQL);
  }
  const list = await db
    .select({ r: returnRequests, companyName: companies.legalName })
    .from(returnRequests)
    .innerJoin(companies, eq(companies.id, returnRequests.companyId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(returnRequests.requestedAt), desc(returnRequests.id))
    .limit(f.limit + 1);
  return list.map((x) => ({ ...x.r, companyName: x.companyName }));
}

/** Open returns of a company by status (the dashboard). */
export async function openCounts(db: Db, companyId: string): Promise<Record<string, number>> {
  const list = await db
    .select({ status: returnRequests.status, n: sql<number>`count(*)::int` })
    .from(returnRequests)
    .where(and(eq(returnRequests.companyId, companyId), inArray(returnRequests.status, ['requested', 'approved', 'received'])))
    .groupBy(returnRequests.status);
  return Object.fromEntries(list.map((r) => [r.status, Number(r.n)]));
}

export async function companyName(db: Db, companyId: string): Promise<string> {
  const [c] = await db.select({ name: companies.legalName }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return c?.name ?? '';
}
