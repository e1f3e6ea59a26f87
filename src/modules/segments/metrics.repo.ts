import { asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { companies } from '../accounts/index.ts';
import type { Db } from '../../db/client.ts';
import { anyText } from '../../db/sql-arrays.ts';
import { COUNTED_STATUSES, windowStarts, type CurrencyTotals, type MetricsRecord } from './domain/purchase-metrics.ts';
import { companyMetrics } from './purchase-history.tables.ts';
import { collectMemberships, MEMBERSHIP_LOCK, membershipsSql, type Memberships } from './segments.repo.ts';

/** Both drivers answer `execute` with `{ rows }`. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const idList = (ids: readonly string[]) => sql.join(ids.map((i) => sql`${i}`), sql`, `);
const counted = sql.raw(COUNTED_STATUSES.map((s) => `'${s}'`).join(', '));
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const num = (v: unknown) => Number(v ?? 0);
const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

export interface MetricsSources {
  totals: Map<string, CurrencyTotals[]>;
  categories: Map<string, string[]>;
  brands: Map<string, string[]>;
  openQuotes: Map<string, number>;
  overdue: Map<string, { currency: string; amount: number }[]>;
  /** With `membershipsOf`: those companies' memberships and the groups' version, read in the same statement. */
  memberships?: Memberships;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Reads what the metrics are made of, aggregated in the database (with `membershipsOf`, also those
 * companies' group memberships, for a re-evaluation that follows — the caller must hold the
 * membership lock already, as this statement's snapshot is where the memberships are read): per company and currency the
 * counted orders' spend and count in each window (bounds from `windowStarts(now)`), the categories
 * (with their ancestors, so `categories_bought contains "cement"` matches a bag of "portland-cement")
 * and brands bought (both from `purchase_bought`), open quotes and overdue invoices. `ids` limits it to some companies.
 */
export async function loadMetricsSources(db: Db, now: Date, ids?: readonly string[], opts: { membershipsOf?: readonly string[] } = {}): Promise<MetricsSources> {
  const w = windowStarts(now);
  const members = opts.membershipsOf;
  // The ids as one array parameter: one statement text (prepared once per connection, its plan
  // kept) whatever the number of companies a round touches, instead of a text per count.
  const only = ids ? sql`and ${anyText(sql.raw('o.company_id'), ids)}` : sql``;
  const onlyCompany = (alias: string) => (ids ? sql`where ${anyText(sql.raw(`${alias}.company_id`), ids)}` : sql``);
  // One round trip (the per-order path runs this for one company): every source as tagged rows.
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with counted as (
          select o.id, o.company_id, o.currency, o.total, o.ordered_at from purchase_orders o where o.status in (${counted}) ${only}
        ), totals as (
          select company_id, currency,
            coalesce(sum(total) filter (where ordered_at >= ${ts(w.d30)}), 0)::text as s30,
            coalesce(sum(total) filter (where ordered_at >= ${ts(w.d90)}), 0)::text as s90,
            coalesce(sum(total) filter (where ordered_at >= ${ts(w.d365)}), 0)::text as s365,
            sum(total)::text as slife,
            (count(*) filter (where ordered_at >= ${ts(w.d30)}))::int as c30,
            (count(*) filter (where ordered_at >= ${ts(w.d90)}))::int as c90,
            (count(*) filter (where ordered_at >= ${ts(w.d365)}))::int as c365,
            count(*)::int as clife,
            min(ordered_at) as first_at, max(ordered_at) as last_at
          from counted group by company_id, currency
        ), bought as (
          -- Kept by triggers (0019_purchase_bought.sql): what the company's counted orders hold,
          -- without reading every line of its history.
          select pb.company_id, pb.category_id, pb.category_slug, pb.brand_slug from purchase_bought pb ${onlyCompany('pb')}
        ), cats as (
          select distinct b.company_id, coalesce(a.slug, b.category_slug) as slug
          from bought b
          left join categories c on c.id = b.category_id
          -- a is c or an ancestor (its path a prefix of c's). starts_with: the same test as
          -- left(c.path, length(a.path)) = a.path, at a third of its cost (no character counting).
          left join categories a on starts_with(c.path, a.path)
          where coalesce(a.slug, b.category_slug) is not null
        ), brands as (
          select distinct company_id, brand_slug as slug from bought where brand_slug is not null
        )
        select 't' as k, company_id, currency, s30, s90, s365, slife, c30, c90, c365, clife, first_at, last_at, null::text as slug from totals
        union all select 'c', company_id, null, null, null, null, null, null, null, null, null, null, null, slug from cats
        union all select 'b', company_id, null, null, null, null, null, null, null, null, null, null, null, slug from brands
        union all select 'q', q.company_id, null, null, null, null, null, null, null, null, count(*)::int, null, null, null from purchase_open_quotes q ${onlyCompany('q')} group by q.company_id
        union all select 'o', i.company_id, i.currency, null, null, null, sum(i.amount)::text, null, null, null, null, null, null, null from purchase_overdue_invoices i ${onlyCompany('i')} group by i.company_id, i.currency
        ${members ? sql`union all select ms.k, ms.company_id, null, null, null, null, null, null, null, null, null, null, null, ms.group_id from (${membershipsSql(members)}) ms` : sql``}`,
  );
  const out: MetricsSources = { totals: new Map(), categories: new Map(), brands: new Map(), openQuotes: new Map(), overdue: new Map() };
  const memberRows: { k: string; group_id: string; company_id: string | null }[] = [];
  for (const r of rows) {
    const company = String(r.company_id);
    switch (r.k) {
      case 'm':
      case 's':
      case 'v':
        memberRows.push({ k: r.k, group_id: String(r.slug), company_id: r.company_id === null ? null : company });
        break;
      case 't':
        push(out.totals, company, {
          currency: String(r.currency),
          spend30d: num(r.s30),
          spend90d: num(r.s90),
          spend365d: num(r.s365),
          spendLifetime: num(r.slife),
          count30d: num(r.c30),
          count90d: num(r.c90),
          count365d: num(r.c365),
          countLifetime: num(r.clife),
          firstOrderAt: date(r.first_at),
          lastOrderAt: date(r.last_at),
        });
        break;
      case 'c':
        push(out.categories, company, String(r.slug));
        break;
      case 'b':
        push(out.brands, company, String(r.slug));
        break;
      case 'q':
        out.openQuotes.set(company, num(r.clife));
        break;
      case 'o':
        push(out.overdue, company, { currency: String(r.currency), amount: num(r.slife) });
        break;
    }
  }
  if (members) out.memberships = collectMemberships(memberRows);
  return out;
}

/** Ids of the companies that exist, of `ids` or of all companies. */
export async function companyIds(db: Db, ids?: readonly string[]): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`select id from companies ${ids ? sql`where id in (${idList(ids)})` : sql``} order by id`);
  return rows.map((r) => r.id);
}

const CHUNK = 500;

/**
 * Writes metrics rows (insert or replace), `asOf` being the instant the windows were counted from.
 * With `returning`, answers the rows as stored, by company (what a re-read would give).
 */
export async function upsertMetrics(db: Db, rows: readonly { companyId: string; metrics: MetricsRecord }[], asOf: Date, returning = false): Promise<Map<string, MetricsRow>> {
  const out = new Map<string, MetricsRow>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK).map((r) => ({ companyId: r.companyId, ...r.metrics, asOf, updatedAt: asOf }));
    const upsert = db
      .insert(companyMetrics)
      .values(part)
      .onConflictDoUpdate({
        target: companyMetrics.companyId,
        set: Object.fromEntries(
          Object.entries(getTableColumns(companyMetrics))
            .filter(([k]) => k !== 'companyId')
            .map(([k, col]) => [k, sql.raw(`excluded.${col.name}`)]),
        ),
      });
    if (!returning) await upsert;
    else for (const r of await upsert.returning()) out.set(r.companyId, r);
  }
  return out;
}

export type MetricsRow = typeof companyMetrics.$inferSelect;

export type CompanyRow = typeof companies.$inferSelect;

/**
 * The companies among `ids` that exist (their rows, by id), with their stored metrics if any: one
 * query for the per-order path, whose rows also give the companies' facts for re-evaluation.
 */
export async function companiesWithMetrics(db: Db, ids: readonly string[], opts: { lockMembership?: boolean } = {}): Promise<{ ids: string[]; stored: Map<string, MetricsRow>; companies: Map<string, CompanyRow> }> {
  if (ids.length === 0) return { ids: [], stored: new Map(), companies: new Map() };
  const base = db.select({ company: companies, m: companyMetrics }).from(companies);
  // With `lockMembership`, the membership lock is taken by this read (once it answers a row): the
  // re-evaluation that follows in the transaction then needs no statement of its own for it.
  const rows = await (opts.lockMembership ? base.innerJoin(MEMBERSHIP_LOCK, sql`true`) : base)
    .leftJoin(companyMetrics, eq(companyMetrics.companyId, companies.id))
    .where(anyText(companies.id, ids))
    .orderBy(asc(companies.id));
  return {
    ids: rows.map((r) => r.company.id),
    stored: new Map(rows.flatMap((r) => (r.m ? [[r.company.id, r.m] as const] : []))),
    companies: new Map(rows.map((r) => [r.company.id, r.company])),
  };
}

/** Stored metrics by company id (of `ids`, or all). */
export async function readMetrics(db: Db, ids?: readonly string[]): Promise<Map<string, MetricsRow>> {
  if (ids && ids.length === 0) return new Map();
  const base = db.select().from(companyMetrics);
  const rows = await (ids ? base.where(inArray(companyMetrics.companyId, [...ids])) : base);
  return new Map(rows.map((r) => [r.companyId, r]));
}
