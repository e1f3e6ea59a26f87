import type { Ctx } from '../../http/context.ts';
import type { BuyerPrice, MoneyShape } from '../catalog/index.ts';
import type { PricedResolution, PricingStrategy, QuantityRules, Resolution, VariantFacts } from './domain/types.ts';
import { priceCart, type PricedCart } from './domain/cart.ts';
import { contextCandidates, type ContextCandidates } from './domain/price-index.ts';
import { resolveWithCandidates } from './domain/resolve.ts';
import { lookupEntry } from './domain/entries.ts';
import { cacheOf, pricingInputs, subjectOf, type PricingInputs } from './storefront-loader.ts';

/** One variant resolved, with the quantity rules of the entry that won (contracts have none). */
export interface StoreResolution {
  readonly resolution: Resolution;
  readonly rules: QuantityRules | undefined;
}

/** Prices lines for one subject; the candidates are collected once. */
export class StorePricer {
  private readonly cc: ContextCandidates | null;
  constructor(readonly inputs: PricingInputs) {
    this.cc = inputs.context === null ? null : contextCandidates(inputs.index, inputs.context);
  }

  /** The currency prices come in; null when nothing can be priced. */
  get currency(): string | null {
    return this.inputs.context?.currency ?? null;
  }

  /** The price of `variantId` at `quantity`; null when nothing can be priced for the subject. */
  resolve(variantId: string, quantity: number): StoreResolution | null {
    if (this.cc === null) return null;
    const resolution = resolveWithCandidates(this.cc, this.factsOf(variantId), quantity);
    return { resolution, rules: resolution.priced ? this.rulesOf(resolution, variantId) : undefined };
  }

  /** The quantity rules of the entry that won `r` (a contract price has none). */
  rulesOf(r: PricedResolution, variantId: string): QuantityRules | undefined {
    if (r.source.listId === null) return undefined;
    const ref = this.inputs.index.lists.get(r.source.listId);
    if (ref === undefined) return undefined;
    const facts = this.factsOf(variantId);
    const found = lookupEntry(this.inputs.index, ref, facts, this.inputs.index.store.variantSlot.get(variantId) ?? -1);
    return typeof found === 'string' ? undefined : found.qtyRules;
  }

  factsOf(variantId: string): VariantFacts {
    return this.inputs.facts.get(variantId) ?? { variantId, categoryIds: [], brandId: null, tags: [] };
  }

  /** Prices cart lines with the engine's cart pricing (exact integer total); null when nothing can be priced. */
  cart(lines: readonly { variantId: string; quantity: number }[]): PricedCart | null {
    const { index, context } = this.inputs;
    if (context === null) return null;
    return priceCart(lines.map((l) => ({ variant: this.factsOf(l.variantId), quantity: l.quantity })), index, context);
  }

  /** Priced at the smallest quantity the rules allow (the minimum, else the increment, else 1). */
  atMinimum(variantId: string): StoreResolution | null {
    const first = this.resolve(variantId, 1);
    if (first === null || !first.resolution.priced) return first;
    const start = minimumQuantity(first.rules);
    return start === 1 ? first : this.resolve(variantId, start);
  }
}

/** The smallest quantity the rules allow: min (a multiple of the increment), else the increment, else 1. */
export function minimumQuantity(rules: QuantityRules | undefined): number {
  return rules?.min ?? rules?.increment ?? 1;
}

/** Builds a pricer for the caller (buyer: the company; anyone else: the base list). */
export async function storePricer(ctx: Ctx, variantIds: readonly string[], strategy: PricingStrategy): Promise<StorePricer> {
  return new StorePricer(await pricingInputs(ctx, await subjectOf(ctx), variantIds, strategy));
}

const m = (amount: number, currency: string): MoneyShape => ({ amount, currency });

/** Percent off with one decimal, rounded half up (display only; money stays integral). */
export function savingPercent(base: number, price: number): number {
  return Math.round(((base - price) * 1000) / base) / 10;
}

/** "Your contract price (ref C-17)", "Volume price from 100", "Your price", "List price". */
export function priceLabel(kind: BuyerPrice['kind'], contractRef: string | null, tierMinQty: number | null): string {
  switch (kind) {
    case 'contract': return `Your contract price (ref ${contractRef ?? ''})`;
    case 'volume': return `Volume price from ${tierMinQty ?? 1}`;
    case 'list': return 'Your price';
    default: return 'List price';
  }
}

/** What a priced resolution is, for the buyer: contract > volume tier > a list > the base list. */
export function priceKind(r: PricedResolution): BuyerPrice['kind'] {
  if (r.source.kind === 'contract') return 'contract';
  if (r.tier !== null) return 'volume';
  return r.source.kind === 'base' ? 'base' : 'list';
}

/** The storefront's view of a priced resolution. */
export function buyerPrice(r: PricedResolution, rules: QuantityRules | undefined): BuyerPrice {
  const cur = r.currency;
  const kind = priceKind(r);
  const contractRef = r.source.kind === 'contract' ? (r.source.contractRef ?? null) : null;
  const tierMinQty = r.tier?.minQty ?? null;
  const saving = r.basePrice !== null && r.basePrice > r.unitPrice
    ? { amount: m(r.basePrice - r.unitPrice, cur), percent: savingPercent(r.basePrice, r.unitPrice) }
    : null;
  return {
    unitPrice: m(r.unitPrice, cur),
    quantity: r.quantity,
    basePrice: r.basePrice === null ? null : m(r.basePrice, cur),
    saving,
    kind,
    label: priceLabel(kind, contractRef, tierMinQty),
    contractRef,
    tierMinQty,
    tiers: r.tierTable.map((t) => ({ minQty: t.minQty, unitPrice: m(t.unitPrice, cur) })),
    quantityRules: rules === undefined ? null : { min: rules.min ?? null, max: rules.max ?? null, increment: rules.increment ?? null },
  };
}

/**
 * The storefront's `prices` hook: the caller's price for each variant, at its minimum order
 * quantity (else 1). A signed-in buyer gets the company's price — the seller's strategy, in the
 * company's currency, contract prices included; anyone else the base list price (what a guest
 * pays). Variants nothing prices are absent. Warm, this costs the buyer's two context queries
 * (company, group memberships) and no pricing query (see storefront-cache.ts).
 */
export async function storefrontPrices(ctx: Ctx, variantIds: readonly string[], strategy: PricingStrategy = 'lowest'): Promise<Map<string, BuyerPrice>> {
  const out = new Map<string, BuyerPrice>();
  if (variantIds.length === 0) return out;
  // Displayed prices are memoised per subject and variant (storefront-cache.ts `displayed`): a
  // warm listing only computes the variants this company has not been shown since the last change.
  const cache = cacheOf(ctx);
  const generation = cache?.displayGeneration;
  const subject = ctx.actor.kind === 'buyer' ? `c:${ctx.actor.companyId}|${strategy}` : `public|${strategy}`;
  const memo = cache?.displayed.of(subject);
  const missing: string[] = [];
  for (const id of new Set(variantIds)) {
    const hit = memo?.get(id) as BuyerPrice | null | undefined;
    if (hit === undefined) missing.push(id);
    else if (hit !== null) out.set(id, hit);
  }
  if (missing.length === 0) return out;
  const pricer = await storePricer(ctx, missing, strategy);
  const store = cache !== null && cache.displayGeneration === generation;
  for (const id of missing) {
    const r = pricer.atMinimum(id);
    const price = r !== null && r.resolution.priced ? buyerPrice(r.resolution, r.rules) : null;
    if (price !== null) out.set(id, price);
    if (store && memo !== undefined) cache.displayed.set(memo, id, price);
  }
  return out;
}
