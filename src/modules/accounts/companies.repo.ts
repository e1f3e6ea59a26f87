import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { companies } from './accounts.tables.ts';
import type { Company } from './domain/types.ts';

type CompanyRow = typeof companies.$inferSelect;
export type CompanyRecord = Company & { path: string[]; depth: number };

export function toCompany(r: CompanyRow): CompanyRecord {
  return {
    id: r.id,
    parentId: r.parentId,
    legalName: r.legalName,
    taxId: r.taxId,
    industry: r.industry,
    country: r.country,
    region: r.region,
    currency: r.currency,
    timezone: r.timezone,
    locale: r.locale,
    tags: r.tags,
    customFields: r.customFields,
    status: r.status as Company['status'],
    salesRepId: r.salesRepId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    path: r.path,
    depth: r.depth,
  };
}

export async function findCompany(db: Db, id: string): Promise<CompanyRecord | null> {
  const [row] = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
  return row ? toCompany(row) : null;
}

export async function insertCompany(db: Db, values: typeof companies.$inferInsert): Promise<CompanyRecord> {
  const [row] = await db.insert(companies).values(values).returning();
  return toCompany(row!);
}

export async function updateCompanyRow(db: Db, id: string, values: Partial<typeof companies.$inferInsert>): Promise<CompanyRecord | null> {
  const [row] = await db.update(companies).set(values).where(eq(companies.id, id)).returning();
  return row ? toCompany(row) : null;
}

/**
 * Moves a company and its whole subtree: every path that contains `id` has its prefix up to `id`
 * replaced by `newPath` — one statement, using the GIN index on path.
 */
export async function rebaseSubtree(db: Db, id: string, oldDepth: number, newPath: string[]): Promise<void> {
  const pathArr = sql`array[${sql.join(newPath.map((p) => sql`${p}`), sql`, `)}]::text[]`;
  await db.execute(sql`
    update companies set path = ${pathArr} || path[${oldDepth + 2}:], depth = ${newPath.length - 1} + cardinality(path) - ${oldDepth + 1}
    where path @> array[${id}]::text[]`);
}

/**
 * Serialises changes to the tree's shape (creates under a parent, moves) until the transaction
 * ends, so two concurrent moves cannot each pass the cycle check and together make a loop, and a
 * child never copies a parent path that a concurrent move is rewriting.
 */
export async function lockHierarchy(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7271999)`);
}

export async function deleteCompanyRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(companies).where(eq(companies.id, id)).returning({ id: companies.id });
  return rows.length > 0;
}

export async function countChildren(db: Db, id: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(companies).where(eq(companies.parentId, id));
  return row?.n ?? 0;
}

export interface CompanyListFilter {
  q?: string;
  /** A company id, or 'root' for companies without a parent. */
  parentId?: string;
  /** Restrict to this company and its descendants. */
  subtreeOf?: string;
  after?: string;
  limit: number;
}

/** Keyset page over companies by id, with each one's number of direct children. */
export async function listCompanyRows(db: Db, f: CompanyListFilter): Promise<(CompanyRecord & { childCount: number })[]> {
  const where: SQL[] = [];
  if (f.q) where.push(sql`lower(${companies.legalName}) like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.parentId === 'root') where.push(sql`${companies.parentId} is null`);
  else if (f.parentId) where.push(eq(companies.parentId, f.parentId));
  if (f.subtreeOf) where.push(sql`${companies.path} @> array[${f.subtreeOf}]::text[]`);
  if (f.after) where.push(gt(companies.id, f.after));
  const rows = await db
    .select({ c: companies, childCount: sql<number>`(select count(*)::int from companies ch where ch.parent_id = "companies"."id")` })
    .from(companies)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(companies.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...toCompany(r.c), childCount: Number(r.childCount) }));
}

/** The ancestors of a company, root first (not including itself). */
export async function ancestorRows(db: Db, company: CompanyRecord): Promise<CompanyRecord[]> {
  const ids = company.path.slice(0, -1);
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(companies)
    .where(sql`${companies.id} = any(${sql`array[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::text[]`})`)
    .orderBy(asc(companies.depth));
  return rows.map(toCompany);
}

/** Ids of a company's descendants (not itself), any depth. */
export async function descendantIdRows(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(sql`${companies.path} @> array[${id}]::text[]`, sql`${companies.id} <> ${id}`));
  return rows.map((r) => r.id);
}
