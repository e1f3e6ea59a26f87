/**
 * What the evaluator knows about one company: plain data, built by the segments service from the
 * company row, its ancestors and its metrics. Every field may be missing (see null semantics in
 * evaluate.ts); missing and null mean the same.
 */

/** Amounts in integer minor units keyed by ISO 4217 currency: `{ PKR: 6120000, USD: 150000 }`. */
export type MoneyByCurrency = Readonly<Record<string, number>>;

/** A custom field value. Dates are `YYYY-MM-DD` strings; money is `{ amount, currency }` in minor units. */
export type CustomValue = string | number | boolean | readonly string[] | { readonly amount: number; readonly currency: string } | null;

/** Dates are `YYYY-MM-DD` (UTC day); a full ISO timestamp in UTC (`…T…Z`) is read as its day. */
export interface CompanyAttributes {
  readonly parent_id?: string | null;
  readonly industry?: string | null;
  readonly country?: string | null;
  readonly region?: string | null;
  readonly tags?: readonly string[] | null;
  readonly contract_tier?: string | null;
  readonly payment_terms?: string | null;
  readonly created_at?: string | null;
  readonly depth?: number | null;
  readonly currency?: string | null;
  readonly status?: string | null;
}

export interface CompanyMetrics {
  readonly spend_30d?: MoneyByCurrency;
  readonly spend_90d?: MoneyByCurrency;
  readonly spend_365d?: MoneyByCurrency;
  readonly spend_lifetime?: MoneyByCurrency;
  readonly order_count_30d?: number;
  readonly order_count_90d?: number;
  readonly order_count_365d?: number;
  readonly order_count_lifetime?: number;
  readonly average_order_value?: MoneyByCurrency;
  readonly first_order_at?: string | null;
  readonly last_order_at?: string | null;
  readonly categories_bought?: readonly string[];
  readonly brands_bought?: readonly string[];
  readonly open_quote_count?: number;
  readonly overdue_invoice_amount?: MoneyByCurrency;
}

export interface CompanyFacts {
  readonly id: string;
  /** Ancestor company ids from the root down to the parent (empty for a top-level company). */
  readonly ancestors: readonly string[];
  readonly attributes: CompanyAttributes;
  readonly metrics: CompanyMetrics;
  readonly custom?: Readonly<Record<string, CustomValue>>;
}
