import type { DerivedScope, PriceTier, QuantityRules, VariantFacts } from './types.ts';
import type { IndexedList, PriceIndex } from './price-index.ts';
import { adjustPrice } from './rounding.ts';

/** A list's price for one variant, own or derived, with its tiers. */
export interface ResolvedEntry {
  readonly unitPrice: number;
  readonly tiers: readonly PriceTier[];
  readonly qtyRules?: QuantityRules;
}

/** Either the entry or the reason the list does not price the variant. */
export type EntryLookup = { readonly entry: ResolvedEntry; readonly missing?: undefined } | { readonly entry: null; readonly missing: string };

/** Derived lists may build on derived lists; deeper than this is treated as a cycle. */
export const MAX_DERIVATION_DEPTH = 8;

const intersects = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

/** Why `variant` is outside the scope, or null when inside. Dimensions AND, values OR. */
export function scopeMiss(scope: DerivedScope | undefined, variant: VariantFacts): string | null {
  if (scope === undefined) return null;
  if (scope.categoryIds !== undefined && scope.categoryIds.length > 0 && !intersects(scope.categoryIds, variant.categoryIds)) {
    return 'not in its categories';
  }
  if (scope.brandIds !== undefined && scope.brandIds.length > 0 && !(variant.brandId != null && scope.brandIds.includes(variant.brandId))) {
    return 'not of its brands';
  }
  if (scope.tags !== undefined && scope.tags.length > 0 && !intersects(scope.tags, variant.tags)) {
    return 'has none of its tags';
  }
  return null;
}

/**
 * The list's entry for the variant: its own entry if it has one (an explicit override), else for a
 * derived list the base list's entry — tiers included — adjusted and rounded. The base list is a
 * source of numbers only: its status, window and targets do not matter here.
 */
export function lookupEntry(index: PriceIndex, ref: IndexedList, variant: VariantFacts, depth = 0): EntryLookup {
  const own = ref.entries.get(variant.variantId);
  if (own !== undefined) return { entry: own };
  const rule = ref.list.derived;
  if (rule == null) return { entry: null, missing: `${ref.label} has no price for ${variant.variantId}` };
  const miss = scopeMiss(rule.scope, variant);
  if (miss !== null) return { entry: null, missing: `${ref.label} does not cover ${variant.variantId}: ${miss}` };
  const baseRef = index.lists.get(rule.baseListId);
  if (baseRef === undefined) return { entry: null, missing: `${ref.label} derives from missing list ${rule.baseListId}` };
  if (baseRef.list.currency !== ref.list.currency) {
    return { entry: null, missing: `${ref.label} derives from ${baseRef.label} in another currency (${baseRef.list.currency})` };
  }
  if (depth >= MAX_DERIVATION_DEPTH) return { entry: null, missing: `${ref.label} has a circular or too deep derivation` };
  const base = lookupEntry(index, baseRef, variant, depth + 1);
  if (base.entry === null) return { entry: null, missing: `${ref.label} derives from ${baseRef.label}, which has no price for ${variant.variantId}` };
  const { adjustment, rounding } = rule;
  const b = base.entry;
  const tiers = b.tiers.length === 0 ? b.tiers : b.tiers.map((t) => ({ minQty: t.minQty, unitPrice: adjustPrice(t.unitPrice, adjustment, rounding) }));
  return { entry: { unitPrice: adjustPrice(b.unitPrice, adjustment, rounding), tiers, qtyRules: b.qtyRules } };
}

/** The unit price at `quantity`: the tier with the largest minQty ≤ quantity, else the plain price. */
export function priceAt(entry: ResolvedEntry, quantity: number): { unitPrice: number; tierMin: number | null } {
  let best: PriceTier | null = null;
  for (const t of entry.tiers) {
    if (t.minQty <= quantity && (best === null || t.minQty > best.minQty)) best = t;
  }
  return best === null ? { unitPrice: entry.unitPrice, tierMin: null } : { unitPrice: best.unitPrice, tierMin: best.minQty };
}

/** Rows for the buyer: the plain price from 1, then each tier by minQty (a tier from 1 replaces it). */
export function tierTable(entry: ResolvedEntry): { minQty: number; unitPrice: number }[] {
  const tiers = [...entry.tiers].sort((a, b) => a.minQty - b.minQty);
  const rows = tiers.length > 0 && tiers[0]!.minQty <= 1 ? [] : [{ minQty: 1, unitPrice: entry.unitPrice }];
  for (const t of tiers) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.minQty === t.minQty) continue;
    rows.push({ minQty: t.minQty, unitPrice: t.unitPrice });
  }
  return rows;
}
