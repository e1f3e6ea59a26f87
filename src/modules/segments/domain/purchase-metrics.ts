/**
 * Purchase-history metrics: which orders count, the time windows, and how per-currency totals become
 * the `metrics` facts a rule reads. Pure: the repo aggregates orders per company and currency in SQL
 * (with `windowStarts` as the window bounds) and hands the totals here.
 */
import type { CompanyMetrics, MoneyByCurrency } from './facts.ts';

/** Order statuses, as the orders issue defines them (DOMAIN.md "Orders after checkout"). */
export const ORDER_STATUSES = ['pending_approval', 'on_hold', 'placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Orders that count towards spend and order counts: placed and everything after it. An order waiting
 * for approval or held for credit is not (yet) a purchase; a cancelled one no longer is.
 */
export const COUNTED_STATUSES: readonly OrderStatus[] = ['placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered'];

const DAY_MS = 86_400_000;

/** Window lengths in days; "lifetime" has no start. */
export const WINDOW_DAYS = { d30: 30, d90: 90, d365: 365 } as const;

/**
 * The first instant of each window at `now`: an order is in "the last 30 days" when
 * `ordered_at >= now − 30 × 24 h` (the boundary instant itself is inside). Windows slide with the
 * clock, which is why the scheduled job recomputes every company's metrics.
 */
export function windowStarts(now: Date): { d30: Date; d90: Date; d365: Date } {
  const t = now.getTime();
  return { d30: new Date(t - WINDOW_DAYS.d30 * DAY_MS), d90: new Date(t - WINDOW_DAYS.d90 * DAY_MS), d365: new Date(t - WINDOW_DAYS.d365 * DAY_MS) };
}

/** One company's counted orders in one currency, summed per window (from SQL). */
export interface CurrencyTotals {
  readonly currency: string;
  readonly spend30d: number;
  readonly spend90d: number;
  readonly spend365d: number;
  readonly spendLifetime: number;
  readonly count30d: number;
  readonly count90d: number;
  readonly count365d: number;
  readonly countLifetime: number;
  readonly firstOrderAt: Date | null;
  readonly lastOrderAt: Date | null;
}

export interface MetricsInput {
  readonly totals: readonly CurrencyTotals[];
  readonly categories: readonly string[];
  readonly brands: readonly string[];
  readonly openQuoteCount: number;
  readonly overdue: readonly { readonly currency: string; readonly amount: number }[];
}

/** A company's metrics as stored in `company_metrics` (dates as instants). */
export interface MetricsRecord {
  spend30d: MoneyByCurrency;
  spend90d: MoneyByCurrency;
  spend365d: MoneyByCurrency;
  spendLifetime: MoneyByCurrency;
  orderCount30d: number;
  orderCount90d: number;
  orderCount365d: number;
  orderCountLifetime: number;
  averageOrderValue: MoneyByCurrency;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  categoriesBought: string[];
  brandsBought: string[];
  openQuoteCount: number;
  overdueInvoiceAmount: MoneyByCurrency;
}

/** Exact integer division of non-negative minor units, rounding half to even (no floats involved). */
export function divideHalfEven(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`divideHalfEven needs a non-negative integer over a positive integer, got ${numerator}/${denominator}`);
  }
  // The float quotient may be off by one near 2^53; the exact remainder corrects it.
  let q = Math.floor(numerator / denominator);
  let r = numerator - q * denominator;
  if (r < 0) {
    q -= 1;
    r += denominator;
  } else if (r >= denominator) {
    q += 1;
    r -= denominator;
  }
  if (2 * r > denominator) return q + 1;
  if (2 * r < denominator) return q;
  return q % 2 === 0 ? q : q + 1;
}

/** Only non-zero amounts: a currency with nothing spent is absent (and reads as 0.00 in a rule). */
function moneyMap(pairs: Iterable<readonly [string, number]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [currency, amount] of pairs) if (amount !== 0) out[currency] = (out[currency] ?? 0) + amount;
  return out;
}

const earliest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a <= b ? a : b);
const latest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a >= b ? a : b);

/** Builds one company's metrics from its per-currency totals, categories, brands, quotes and overdue invoices. */
export function assembleMetrics(input: MetricsInput): MetricsRecord {
  const t = input.totals;
  const sum = (pick: (x: CurrencyTotals) => number) => t.reduce((s, x) => s + pick(x), 0);
  return {
    spend30d: moneyMap(t.map((x) => [x.currency, x.spend30d])),
    spend90d: moneyMap(t.map((x) => [x.currency, x.spend90d])),
    spend365d: moneyMap(t.map((x) => [x.currency, x.spend365d])),
    spendLifetime: moneyMap(t.map((x) => [x.currency, x.spendLifetime])),
    orderCount30d: sum((x) => x.count30d),
    orderCount90d: sum((x) => x.count90d),
    orderCount365d: sum((x) => x.count365d),
    orderCountLifetime: sum((x) => x.countLifetime),
    // Lifetime average per currency: an order in PKR and one in USD are not averaged together.
    averageOrderValue: moneyMap(t.filter((x) => x.countLifetime > 0).map((x) => [x.currency, divideHalfEven(x.spendLifetime, x.countLifetime)])),
    firstOrderAt: t.reduce<Date | null>((d, x) => earliest(d, x.firstOrderAt), null),
    lastOrderAt: t.reduce<Date | null>((d, x) => latest(d, x.lastOrderAt), null),
    categoriesBought: [...new Set(input.categories)].sort(),
    brandsBought: [...new Set(input.brands)].sort(),
    openQuoteCount: input.openQuoteCount,
    overdueInvoiceAmount: moneyMap(input.overdue.map((o) => [o.currency, o.amount])),
  };
}

/** The metrics record as the rule evaluator reads it (dates as UTC days). */
export function metricsFacts(r: MetricsRecord): CompanyMetrics {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    spend_30d: r.spend30d,
    spend_90d: r.spend90d,
    spend_365d: r.spend365d,
    spend_lifetime: r.spendLifetime,
    order_count_30d: r.orderCount30d,
    order_count_90d: r.orderCount90d,
    order_count_365d: r.orderCount365d,
    order_count_lifetime: r.orderCountLifetime,
    average_order_value: r.averageOrderValue,
    first_order_at: day(r.firstOrderAt),
    last_order_at: day(r.lastOrderAt),
    categories_bought: r.categoriesBought,
    brands_bought: r.brandsBought,
    open_quote_count: r.openQuoteCount,
    overdue_invoice_amount: r.overdueInvoiceAmount,
  };
}
