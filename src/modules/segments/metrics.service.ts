import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { assembleMetrics, metricsFacts, type MetricsRecord } from './domain/purchase-metrics.ts';
import { notFound } from '../../lib/errors.ts';
import type { CompanyMetrics, MoneyByCurrency } from './domain/facts.ts';
import { companiesWithMetrics, companyIds, loadMetricsSources, readMetrics, upsertMetrics } from './metrics.repo.ts';
import { factsOf, type LoadedFacts, type Memberships } from './segments.repo.ts';
import { reevaluateAll, reevaluateCompanies, type ReevaluateResult } from './segments.service.ts';

/** Companies per metrics query when a list of ids is given (keeps `in (…)` lists bounded). */
const ID_CHUNK = 1000;
/** Up to this many touched companies are re-evaluated one by one; more, and one full pass is cheaper. */
const PER_COMPANY_LIMIT = 25;

export interface RefreshResult extends ReevaluateResult {
  /** Companies whose metrics were recomputed. */
  companies: number;
}

/** The stored fields of a metrics record in one comparable string (money maps with sorted keys). */
function fingerprint(m: MetricsRecord): string {
  const sorted = (o: Readonly<Record<string, number>>) => Object.keys(o).sort().map((k) => `${k}:${o[k]}`).join(',');
  return [
    sorted(m.spend30d), sorted(m.spend90d), sorted(m.spend365d), sorted(m.spendLifetime), sorted(m.averageOrderValue), sorted(m.overdueInvoiceAmount),
    m.orderCount30d, m.orderCount90d, m.orderCount365d, m.orderCountLifetime, m.openQuoteCount,
    m.firstOrderAt?.getTime() ?? '', m.lastOrderAt?.getTime() ?? '', [...m.categoriesBought].sort().join(','), [...m.brandsBought].sort().join(','),
  ].join('|');
}

/** The companies of a refresh that exist, and (for a list of ids) their facts as now stored. */
interface Refreshed {
  existing: string[];
  facts: LoadedFacts[];
  /** Memberships read with the metrics, when asked for (`membershipsOf`) and the metrics query ran. */
  memberships?: Memberships | undefined;
}

/**
 * Companies with their stored metrics, read by the caller earlier in the transaction (before writing
 * purchase history, which changes neither): `requested` tells which ids the read covers.
 */
export interface CompaniesRead extends Awaited<ReturnType<typeof companiesWithMetrics>> {
  requested: ReadonlySet<string>;
  /** The read took the membership lock (it was asked to and found a company): re-evaluation need not. */
  membershipLocked: boolean;
}

/**
 * The companies among `ids` that exist, with their rows and stored metrics (one query). With
 * `lockMembership` the same query takes the membership lock for the rest of the transaction, for
 * a caller that re-evaluates these companies later in it (one statement fewer).
 */
export async function readCompanies(ctx: Ctx, ids: readonly string[], opts: { lockMembership?: boolean } = {}): Promise<CompaniesRead> {
  const unique = [...new Set(ids)];
  const read = await companiesWithMetrics(ctx.db, unique, opts);
  return { ...read, requested: new Set(unique), membershipLocked: (opts.lockMembership ?? false) && read.ids.length > 0 };
}

/** `ids` (sorted) as `read` has them, or a fresh read when `read` does not cover them all. */
async function companiesOf(ctx: Ctx, ids: readonly string[], read?: CompaniesRead): Promise<Awaited<ReturnType<typeof companiesWithMetrics>>> {
  if (!read || !ids.every((id) => read.requested.has(id))) return companiesWithMetrics(ctx.db, ids);
  return { ids: ids.filter((id) => read.companies.has(id)), stored: read.stored, companies: read.companies };
}

/** Recomputes one chunk; only rows whose values changed are written. */
async function refreshChunk(ctx: Ctx, now: Date, ids?: readonly string[], known?: CompaniesRead, membershipsOf?: readonly string[]): Promise<Refreshed> {
  const read = ids ? await companiesOf(ctx, ids, known) : { ids: await companyIds(ctx.db), stored: await readMetrics(ctx.db), companies: null };
  const { ids: existing, stored } = read;
  if (existing.length === 0) return { existing, facts: [] };
  const src = await loadMetricsSources(ctx.db, now, ids ? existing : undefined, membershipsOf ? { membershipsOf } : {});
  const rows: { companyId: string; metrics: MetricsRecord }[] = [];
  for (const companyId of existing) {
    const metrics = assembleMetrics({
      totals: src.totals.get(companyId) ?? [],
      categories: src.categories.get(companyId) ?? [],
      brands: src.brands.get(companyId) ?? [],
      openQuoteCount: src.openQuotes.get(companyId) ?? 0,
      overdue: src.overdue.get(companyId) ?? [],
    });
    const before = stored.get(companyId);
    // A nightly run changes a few hundred of 10,000 rows: rewriting the rest would only cost time.
    if (!before || fingerprint(before) !== fingerprint(metrics)) rows.push({ companyId, metrics });
  }
  // For some companies, their facts come from the rows read and written here (as stored), so their
  // re-evaluation needs no query of its own.
  const written = await upsertMetrics(ctx.db, rows, now, read.companies !== null);
  const companies = read.companies;
  return { existing, facts: companies ? existing.map((id) => factsOf(companies.get(id)!, written.get(id) ?? stored.get(id))) : [], memberships: src.memberships };
}

/** `membershipsOf`: read those companies' memberships with the metrics when the ids fit one query. */
async function refreshExisting(ctx: Ctx, now: Date, ids: readonly string[], known?: CompaniesRead, membershipsOf?: readonly string[]): Promise<Refreshed> {
  const unique = [...new Set(ids)].sort();
  const one = unique.length <= ID_CHUNK;
  const out: Refreshed = { existing: [], facts: [] };
  for (let i = 0; i < unique.length; i += ID_CHUNK) {
    const r = await refreshChunk(ctx, now, unique.slice(i, i + ID_CHUNK), known, one ? membershipsOf : undefined);
    out.existing.push(...r.existing);
    out.facts.push(...r.facts);
    out.memberships = r.memberships;
  }
  return out;
}

/**
 * Recomputes the purchase metrics of `ids` (unknown ids are skipped) or of every company, as of
 * `ctx.clock.now()`, from the recorded orders, open quotes and overdue invoices. Idempotent: it
 * rebuilds from the records, so a re-delivered event or a re-import never counts twice.
 */
export async function refreshMetrics(ctx: Ctx, ids?: readonly string[]): Promise<number> {
  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    if (!ids) return (await refreshChunk(tx, now)).existing.length;
    return (await refreshExisting(tx, now, ids)).existing.length;
  });
}

/**
 * After some companies' history changed: their metrics are recomputed and their group membership
 * re-evaluated (joins and leaves logged with the reason), in the caller's transaction if any.
 */
export async function refreshCompanies(ctx: Ctx, ids: readonly string[]): Promise<RefreshResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { companies: 0, joined: 0, left: 0 };
  if (unique.length <= PER_COMPANY_LIMIT) return refreshThenReevaluate(ctx, unique.sort().map((id) => ({ id, metrics: true })));
  return inTx(ctx, async (tx) => {
    const { existing } = await refreshExisting(tx, tx.clock.now(), unique);
    return { companies: existing.length, ...(await reevaluateAll(tx)) };
  });
}

/**
 * After events changed some companies, in one pass with the outcome of handling them one by one in
 * the order given: the metrics of those with `metrics` are recomputed (unknown ones skipped, as a
 * deleted company has nothing left to measure), then every group is re-evaluated for all of them
 * (404 if one without `metrics` does not exist). Each company at most once. `known` may bring the
 * companies' rows and stored metrics read earlier in the transaction (saves reading them again).
 */
export async function refreshThenReevaluate(ctx: Ctx, companies: readonly { id: string; metrics: boolean }[], known?: CompaniesRead): Promise<RefreshResult> {
  if (companies.length === 0) return { companies: 0, joined: 0, left: 0 };
  return inTx(ctx, async (tx) => {
    const measured = companies.filter((c) => c.metrics).map((c) => c.id);
    // Under the membership lock (taken by the caller's read), the memberships the re-evaluation
    // needs come with the metrics query: one statement fewer.
    const locked = known?.membershipLocked ?? false;
    const { existing, facts, memberships } = await refreshExisting(tx, tx.clock.now(), measured, known, locked ? companies.map((c) => c.id) : undefined);
    const exists = new Set(existing);
    // The others' facts from the caller's read where it has them (their metrics were not recomputed).
    for (const c of companies) {
      const row = c.metrics ? undefined : known?.companies.get(c.id);
      if (row) facts.push(factsOf(row, known!.stored.get(c.id)));
    }
    const order = companies.filter((c) => !c.metrics || exists.has(c.id)).map((c) => c.id);
    return { companies: existing.length, ...(await reevaluateCompanies(tx, order, facts, { membershipLocked: locked, memberships })) };
  });
}

/**
 * The scheduled full re-evaluation: every company's metrics recomputed as of now (windowed spend and
 * counts decay as days pass without orders), then every group re-evaluated, in one transaction.
 */
export async function refreshAllAndReevaluate(ctx: Ctx): Promise<RefreshResult> {
  return inTx(ctx, async (tx) => {
    const companies = await refreshMetrics(tx);
    return { companies, ...(await reevaluateAll(tx)) };
  });
}

/** Stored metrics as the rule evaluator reads them, by company id (of `ids`, or all). */
export async function metricsFactsOf(ctx: Ctx, ids?: readonly string[]): Promise<Map<string, CompanyMetrics>> {
  const rows = await readMetrics(ctx.db, ids);
  return new Map([...rows].map(([id, r]) => [id, metricsFacts(r)]));
}

/** A company's purchase metrics as stored (names as in the rule language); 404 for an unknown company. */
export async function purchaseMetrics(ctx: Ctx, companyId: string): Promise<PurchaseMetricsView> {
  if ((await companyIds(ctx.db, [companyId])).length === 0) throw notFound('Company', 'companyId');
  const row = (await readMetrics(ctx.db, [companyId])).get(companyId);
  const m = row ?? assembleMetrics({ totals: [], categories: [], brands: [], openQuoteCount: 0, overdue: [] });
  return {
    companyId,
    spend_30d: m.spend30d,
    spend_90d: m.spend90d,
    spend_365d: m.spend365d,
    spend_lifetime: m.spendLifetime,
    order_count_30d: m.orderCount30d,
    order_count_90d: m.orderCount90d,
    order_count_365d: m.orderCount365d,
    order_count_lifetime: m.orderCountLifetime,
    average_order_value: m.averageOrderValue,
    first_order_at: m.firstOrderAt?.toISOString() ?? null,
    last_order_at: m.lastOrderAt?.toISOString() ?? null,
    categories_bought: m.categoriesBought,
    brands_bought: m.brandsBought,
    open_quote_count: m.openQuoteCount,
    overdue_invoice_amount: m.overdueInvoiceAmount,
    asOf: row?.asOf.toISOString() ?? null,
  };
}

export interface PurchaseMetricsView {
  companyId: string;
  spend_30d: MoneyByCurrency;
  spend_90d: MoneyByCurrency;
  spend_365d: MoneyByCurrency;
  spend_lifetime: MoneyByCurrency;
  order_count_30d: number;
  order_count_90d: number;
  order_count_365d: number;
  order_count_lifetime: number;
  average_order_value: MoneyByCurrency;
  first_order_at: string | null;
  last_order_at: string | null;
  categories_bought: string[];
  brands_bought: string[];
  open_quote_count: number;
  overdue_invoice_amount: MoneyByCurrency;
  asOf: string | null;
}
