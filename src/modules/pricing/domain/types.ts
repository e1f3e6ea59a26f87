/**
 * Plain, readonly data the price resolver works on. A loader builds these from the database; the
 * resolver never does I/O. All money is integer minor units of the list's currency.
 */

export type PriceListStatus = 'draft' | 'active';
export type PriceListKind = 'base' | 'standard' | 'derived';
export type PricingStrategy = 'lowest' | 'priority';

/** Who a list applies to. A company target may be inherited by the company's descendants. */
export type PriceListTarget =
  | { readonly type: 'everyone' }
  | { readonly type: 'channel'; readonly channel: string }
  | { readonly type: 'group'; readonly groupId: string }
  | { readonly type: 'company'; readonly companyId: string; readonly includeDescendants: boolean };

/** A volume price: applies when the line quantity is at least `minQty`. */
export interface PriceTier {
  readonly minQty: number;
  readonly unitPrice: number;
}

/** Shopify-style quantity rules: min and max must be multiples of the increment. */
export interface QuantityRules {
  readonly min?: number;
  readonly max?: number;
  readonly increment?: number;
}

export interface PriceEntry {
  readonly variantId: string;
  readonly unitPrice: number;
  readonly tiers: readonly PriceTier[];
  readonly qtyRules?: QuantityRules;
}

/** `percent` is percent off (12.5 = 12.5 % off; negative = markup); `amount` is minor units off. */
export type PriceAdjustment =
  | { readonly type: 'percent'; readonly value: number }
  | { readonly type: 'amount'; readonly value: number };

/**
 * Rounding of a derived price. `nearest` rounds to a multiple of `step` minor units (5 = nearest
 * 0.05 for a 2-decimal currency); `ending` rounds to the nearest price whose last two minor digits
 * are `ending` (99 = "end in .99"). Exact halves go to the even multiple (half-even).
 */
export type PriceRounding =
  | { readonly type: 'none' }
  | { readonly type: 'nearest'; readonly step: number }
  | { readonly type: 'ending'; readonly ending: number };

/**
 * Which variants a derived list covers. Each given dimension must match (category AND brand AND
 * tag); within a dimension any value matches. No scope = every variant the base list prices.
 */
export interface DerivedScope {
  readonly categoryIds?: readonly string[];
  readonly brandIds?: readonly string[];
  readonly tags?: readonly string[];
}

export interface DerivedRule {
  readonly baseListId: string;
  readonly adjustment: PriceAdjustment;
  readonly scope?: DerivedScope;
  readonly rounding: PriceRounding;
}

export interface PriceList {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly status: PriceListStatus;
  /** Inclusive start of the validity window. */
  readonly validFrom?: Date | null;
  /** Exclusive end of the validity window. */
  readonly validTo?: Date | null;
  /** Higher number wins among lists of the same specificity. */
  readonly priority: number;
  readonly kind: PriceListKind;
  readonly targets: readonly PriceListTarget[];
  readonly entries: readonly PriceEntry[];
  /** Present on `derived` lists; the list's own entries override the derived price of a variant. */
  readonly derived?: DerivedRule | null;
}

/** A company-specific price with a contract reference; valid until `validTo` (exclusive). */
export interface ContractPrice {
  readonly companyId: string;
  readonly variantId: string;
  readonly currency: string;
  readonly unitPrice: number;
  readonly tiers?: readonly PriceTier[];
  readonly reference: string;
  readonly validTo: Date;
}

/** Who is buying, where and when. Group membership is already materialised by the caller. */
export interface PricingContext {
  readonly companyId: string;
  /** The company's ancestors, nearest (parent) first. */
  readonly ancestors: readonly string[];
  readonly groupIds: readonly string[];
  readonly channel?: string | null;
  readonly currency: string;
  readonly at: Date;
  readonly strategy: PricingStrategy;
}

/** What a derived list's scope needs to know about a variant. `categoryIds` include ancestors. */
export interface VariantFacts {
  readonly variantId: string;
  readonly categoryIds: readonly string[];
  readonly brandId?: string | null;
  readonly tags: readonly string[];
}

/**
 * How specific a candidate is, most specific first. `inherited` = a company list of an ancestor
 * that includes descendants.
 */
export type SourceKind = 'contract' | 'company' | 'inherited' | 'group' | 'channel' | 'everyone' | 'base';

export const SPECIFICITY: Readonly<Record<SourceKind, number>> = {
  contract: 0, company: 1, inherited: 2, group: 3, channel: 4, everyone: 5, base: 6,
};

export interface PriceSource {
  readonly kind: SourceKind;
  /** The winning list; null for a contract price. */
  readonly listId: string | null;
  readonly contractRef?: string;
}

export interface TraceCandidate {
  readonly kind: SourceKind;
  readonly listId: string | null;
  readonly contractRef?: string;
  /** "list Trade 2026 (pl_1)" or "contract C-17". */
  readonly label: string;
}

export interface TraceStep {
  readonly candidate: TraceCandidate;
  /** True when the candidate priced the variant and took part in the choice. */
  readonly considered: boolean;
  readonly won: boolean;
  readonly reason: string;
  readonly unitPrice?: number;
}

export type QuantityViolationCode = 'BELOW_MIN' | 'ABOVE_MAX' | 'NOT_INCREMENT';

export interface QuantityViolation {
  readonly code: QuantityViolationCode;
  /** The rule's number: the minimum, maximum or increment. */
  readonly limit: number;
  readonly message: string;
}

export interface TierRow {
  readonly minQty: number;
  readonly unitPrice: number;
}

export interface PricedResolution {
  readonly priced: true;
  readonly variantId: string;
  readonly quantity: number;
  readonly currency: string;
  readonly unitPrice: number;
  /** unitPrice × quantity, exact. */
  readonly lineTotal: number;
  readonly source: PriceSource;
  /** The applied volume tier, null when the entry's plain unit price applies. */
  readonly tier: { readonly minQty: number } | null;
  readonly qtyRuleViolations: readonly QuantityViolation[];
  readonly trace: readonly TraceStep[];
  /** The winner's prices by quantity, for "from 100: 9.50" on the product page. */
  readonly tierTable: readonly TierRow[];
  /** The base list's unit price at this quantity (null if the base list does not price it). */
  readonly basePrice: number | null;
}

export interface UnpricedResolution {
  readonly priced: false;
  readonly variantId: string;
  readonly quantity: number;
  readonly currency: string;
  readonly trace: readonly TraceStep[];
}

export type Resolution = PricedResolution | UnpricedResolution;
