import type { DerivedScope, PriceTier, QuantityRules, VariantFacts } from './types.ts';
import type { IndexedList, PriceIndex } from './price-index.ts';
import { entryAt, postingOf } from './entry-store.ts';
import { adjustPrice } from './rounding.ts';

/** A list's price for one variant, own or derived, with its tiers. */
export interface ResolvedEntry {
  readonly unitPrice: number;
  readonly tiers: readonly PriceTier[];
  readonly qtyRules?: QuantityRules;
}

/** Either the entry or (a string) the reason the list does not price the variant. */
export type EntryLookup = ResolvedEntry | string;

/** Derived lists may build on derived lists; deeper than this is treated as a cycle. */
export const MAX_DERIVATION_DEPTH = 8;

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i]!)) return true;
  return false;
}

export type ScopeMiss = 'category' | 'brand' | 'tag';

/** Which scope dimension `variant` misses, or null when inside. Dimensions AND, values OR. */
export function scopeMiss(scope: DerivedScope | undefined, variant: VariantFacts): ScopeMiss | null {
  if (scope === undefined) return null;
  if (scope.categoryIds !== undefined && scope.categoryIds.length > 0 && !intersects(scope.categoryIds, variant.categoryIds)) return 'category';
  if (scope.brandIds !== undefined && scope.brandIds.length > 0 && !(variant.brandId != null && scope.brandIds.includes(variant.brandId))) return 'brand';
  if (scope.tags !== undefined && scope.tags.length > 0 && !intersects(scope.tags, variant.tags)) return 'tag';
  return null;
}

/** The trace reasons of a scope miss, built once per list. */
export function scopeMissReasons(label: string): Readonly<Record<ScopeMiss, string>> {
  return {
    category: `${label} does not cover this variant: not in its categories`,
    brand: `${label} does not cover this variant: not of its brands`,
    tag: `${label} does not cover this variant: has none of its tags`,
  };
}

/**
 * The list's entry for the variant: its own entry if it has one (an explicit override), else for a
 * derived list the base list's entry — tiers included — adjusted and rounded. The base list is a
 * source of numbers only: its status, window and targets do not matter here. `slot` is the
 * variant's slot in the entry store (−1 when no list prices it).
 */
export function lookupEntry(index: PriceIndex, ref: IndexedList, variant: VariantFacts, slot: number, depth = 0): EntryLookup {
  const own = slot < 0 ? -1 : postingOf(index.store, slot, ref.idx);
  if (own >= 0) return entryAt(index.store, own);
  const rule = ref.list.derived;
  if (rule == null) return ref.noPrice;
  const miss = scopeMiss(rule.scope, variant);
  if (miss !== null) return ref.scopeMiss[miss];
  const baseRef = index.lists.get(rule.baseListId);
  if (baseRef === undefined) return `${ref.label} derives from missing list ${rule.baseListId}`;
  if (baseRef.list.currency !== ref.list.currency) {
    return `${ref.label} derives from ${baseRef.label} in another currency (${baseRef.list.currency})`;
  }
  if (depth >= MAX_DERIVATION_DEPTH) return `${ref.label} has a circular or too deep derivation`;
  const b = lookupEntry(index, baseRef, variant, slot, depth + 1);
  if (typeof b === 'string') return `${ref.label} derives from ${baseRef.label}, which has no price for this variant`;
  const { adjustment, rounding } = rule;
  const tiers = b.tiers.length === 0 ? b.tiers : b.tiers.map((t) => ({ minQty: t.minQty, unitPrice: adjustPrice(t.unitPrice, adjustment, rounding) }));
  return { unitPrice: adjustPrice(b.unitPrice, adjustment, rounding), tiers, qtyRules: b.qtyRules };
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
  if (entry.tiers.length === 0) return [{ minQty: 1, unitPrice: entry.unitPrice }];
  const tiers = [...entry.tiers].sort((a, b) => a.minQty - b.minQty);
  const rows = tiers.length > 0 && tiers[0]!.minQty <= 1 ? [] : [{ minQty: 1, unitPrice: entry.unitPrice }];
  for (const t of tiers) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.minQty === t.minQty) continue;
    rows.push({ minQty: t.minQty, unitPrice: t.unitPrice });
  }
  return rows;
}
