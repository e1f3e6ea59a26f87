/**
 * Price resolution for (context, variant, quantity) — the domain guide's "Pricing" rules:
 *
 * 1. Candidates: contract prices of the company itself (same currency, before `validTo`); lists that
 *    are active, in their window [validFrom, validTo) and in the cart currency, reaching the company
 *    directly, through an ancestor whose target includes descendants, through ANY of its groups,
 *    its channel or everyone; and the base list(s). A list reaching by several routes counts by
 *    its most specific one.
 * 2. In each candidate the tier with the largest minQty ≤ quantity applies — also in lists more
 *    specific than others (Medusa #15994). Derived lists price from their base list's entry,
 *    tiers included, adjusted and rounded once, half-even.
 * 3. Strategy. Order of specificity: contract > company > inherited (nearer ancestor first) >
 *    group > channel > everyone > base, then higher `priority`, then id (contract reference).
 *    `priority`: the first candidate in that order that prices the variant wins.
 *    `lowest`: the cheapest wins; a tie goes to the first in that order.
 * 4. The trace lists every candidate that reached the company: the winner, each loser with why it
 *    lost, lists that do not price the variant, and lists that would have but are draft, out of
 *    window or in another currency.
 */
import type {
  PriceIndex, ContextCandidates,
} from './price-index.ts';
import { contextCandidates } from './price-index.ts';
import { entryAt, tierAt } from './entry-store.ts';
import type {
  ContractPrice, PricingContext, Resolution, SourceKind, TraceCandidate, TraceStep, VariantFacts,
} from './types.ts';
import type { ResolvedEntry } from './entries.ts';
import { lookupEntry, priceAt, tierTable } from './entries.ts';
import { checkQuantity } from './quantity-rules.ts';
import { formatAmount, formatInstant } from './format.ts';

export interface ResolveInput {
  readonly index: PriceIndex;
  readonly context: PricingContext;
  readonly variant: VariantFacts;
  readonly quantity: number;
}

/** One candidate that prices the variant and competes. */
interface Competitor {
  readonly candidate: TraceCandidate;
  readonly kind: SourceKind;
  readonly distance: number;
  readonly priority: number;
  /** Null for a list's own entry, which is read from the entry store only if it wins. */
  readonly entry: ResolvedEntry | null;
  readonly posting: number;
  readonly unitPrice: number;
  readonly tierMin: number | null;
  /** Where its step goes in the trace. */
  readonly slot: number;
}

const KIND_WORDS: Readonly<Record<SourceKind, string>> = {
  contract: 'a contract price',
  company: 'a company list',
  inherited: 'an inherited company list',
  group: 'a group list',
  channel: 'a channel list',
  everyone: 'a list for everyone',
  base: 'the base list',
};

const NO_CONTRACTS: readonly ContractPrice[] = [];

const FIRST_BY_PRIORITY = 'first to price it under the priority strategy (contract > company > inherited company > group > channel > everyone > base)';

// Winner reasons are the same for most lines: build each once.
const LOWEST_OF = Array.from({ length: 33 }, (_, n) => (n === 1 ? 'the only candidate that prices it' : `lowest price of ${n} candidates`));
const lowestOf = (n: number): string => LOWEST_OF[n] ?? `lowest price of ${n} candidates`;

/** Why `w` beats `l` when their prices do not decide (or under the priority strategy). */
function orderWhy(w: Competitor, l: Competitor, strategy: 'lowest' | 'priority'): string {
  if (w.kind !== l.kind) {
    return strategy === 'lowest'
      ? `${KIND_WORDS[w.kind]} is more specific than ${KIND_WORDS[l.kind]}`
      : `${KIND_WORDS[w.kind]} comes before ${KIND_WORDS[l.kind]} under the priority strategy`;
  }
  if (w.distance !== l.distance) return `inherited from a nearer ancestor (${w.distance} vs ${l.distance} levels up)`;
  if (w.priority !== l.priority) return `priority ${w.priority} > ${l.priority}`;
  return 'same specificity and priority; the earlier id wins';
}

/**
 * Resolves the price of one variant at one quantity for one context. Pure: everything comes from
 * the index and the input. Throws RangeError on a quantity that is not a positive whole number.
 */
export function resolvePrice(input: ResolveInput): Resolution {
  return resolveWithCandidates(contextCandidates(input.index, input.context), input.variant, input.quantity);
}

/** {@link resolvePrice} with the context's lists already collected (once per cart). */
export function resolveWithCandidates(cc: ContextCandidates, variant: VariantFacts, quantity: number): Resolution {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a positive whole number, got ${quantity}`);
  const ctx = cc.context;
  const vid = variant.variantId;
  // Steps of candidates that compete are filled in once the winner is known (slot = index here).
  const trace: (TraceStep | null)[] = [];
  const competitors: Competitor[] = [];

  // Contract prices: the company's own, same currency, not expired.
  const t = ctx.at.getTime();
  for (const c of cc.contracts?.get(vid) ?? NO_CONTRACTS) {
    const candidate: TraceCandidate = { kind: 'contract', listId: null, contractRef: c.reference, label: `contract ${c.reference}` };
    if (c.currency !== ctx.currency) {
      trace.push({ candidate, considered: false, won: false, reason: `${candidate.label} is in ${c.currency}, not ${ctx.currency}` });
    } else if (t >= c.validTo.getTime()) {
      trace.push({ candidate, considered: false, won: false, reason: `${candidate.label} expired: valid to ${formatInstant(c.validTo)}` });
    } else {
      const entry: ResolvedEntry = { unitPrice: c.unitPrice, tiers: c.tiers ?? [] };
      const at = priceAt(entry, quantity);
      competitors.push({ candidate, kind: 'contract', distance: 0, priority: 0, entry, posting: -1, unitPrice: at.unitPrice, tierMin: at.tierMin, slot: trace.length });
      trace.push(null);
    }
  }

  // One pass over the variant's postings marks which reachable lists have their own entry for it.
  const store = cc.index.store;
  const v = store.variantSlot.get(vid) ?? -1;
  const pFrom = v < 0 ? 0 : store.start[v]!;
  const pTo = v < 0 ? 0 : store.start[v + 1]!;
  // `own` is the context's scratch array (posting per eligible list), reset below before returning.
  const own = cc.scratch;
  let excludedHits: number[] | null = null;
  for (let p = pFrom; p < pTo; p++) {
    const s = cc.slot[store.list[p]!]!;
    if (s >= 0) own[s] = p;
    else if (s <= -2) (excludedHits ??= []).push(-2 - s);
  }

  try {
    // Usable lists, already in priority-strategy order.
    for (let i = 0; i < cc.eligible.length; i++) {
      const c = cc.eligible[i]!;
      const p = own[i]!;
      let entry: ResolvedEntry | null = null;
      let unitPrice: number;
      let tierMin: number | null;
      if (p >= 0) {
        // Own entry: price straight from the typed arrays; only the winner's entry is materialised.
        const t = tierAt(store, p, quantity);
        unitPrice = t < 0 ? store.price[p]! : store.tierPrice[t]!;
        tierMin = t < 0 ? null : store.tierMin[t]!;
      } else {
        if (c.ref.list.derived == null) { trace.push(c.noPriceStep); continue; }
        const found = lookupEntry(cc.index, c.ref, variant, v);
        if (typeof found === 'string') {
          let step = c.missSteps.get(found);
          if (step === undefined) { step = { candidate: c.candidate, considered: false, won: false, reason: found }; c.missSteps.set(found, step); }
          trace.push(step);
          continue;
        }
        entry = found;
        const at = priceAt(found, quantity);
        unitPrice = at.unitPrice;
        tierMin = at.tierMin;
      }
      competitors.push({
        candidate: c.candidate, kind: c.kind, distance: c.distance, priority: c.ref.list.priority, entry, posting: p, unitPrice, tierMin, slot: trace.length,
      });
      trace.push(null);
    }
  } finally {
    for (let p = pFrom; p < pTo; p++) {
      const s = cc.slot[store.list[p]!]!;
      if (s >= 0) own[s] = -1;
    }
  }

  // Lists that reach the company but cannot be used; shown only when they would have priced it.
  for (let i = 0; i < cc.excluded.length; i++) {
    const c = cc.excluded[i]!;
    if (c.ref.list.derived != null || (excludedHits !== null && excludedHits.includes(i))) trace.push(c.excludedStep);
  }

  const strategy = ctx.strategy;
  let winner: Competitor | undefined = competitors[0];
  if (strategy === 'lowest') {
    // Competitors are in specificity/priority order, so the first at the lowest price wins ties.
    for (const comp of competitors) if (comp.unitPrice < winner!.unitPrice) winner = comp;
  }

  if (winner === undefined) {
    return { priced: false, variantId: vid, quantity, currency: ctx.currency, trace: trace as TraceStep[] };
  }

  const w = winner;
  const cur = ctx.currency;
  for (const comp of competitors) {
    let reason: string;
    if (comp === w) {
      reason = strategy === 'priority' ? FIRST_BY_PRIORITY : lowestOf(competitors.length);
    } else if (strategy === 'lowest' && comp.unitPrice > w.unitPrice) {
      reason = `lost to ${w.candidate.label}: ${formatAmount(comp.unitPrice, cur)} > ${formatAmount(w.unitPrice, cur)}`;
    } else if (strategy === 'lowest') {
      reason = `lost to ${w.candidate.label} on a tie at ${formatAmount(w.unitPrice, cur)}: ${orderWhy(w, comp, strategy)}`;
    } else {
      reason = `lost to ${w.candidate.label}: ${orderWhy(w, comp, strategy)}`;
    }
    trace[comp.slot] = { candidate: comp.candidate, considered: true, won: comp === w, reason, unitPrice: comp.unitPrice };
  }

  const wEntry = w.entry ?? entryAt(store, w.posting);
  const lineTotal = w.unitPrice * quantity;
  if (!Number.isSafeInteger(lineTotal)) throw new RangeError(`line total ${w.unitPrice} × ${quantity} exceeds safe integer minor units`);
  let basePrice: number | null = null;
  for (const comp of competitors) if (comp.kind === 'base') { basePrice = comp.unitPrice; break; }

  return {
    priced: true,
    variantId: vid,
    quantity,
    currency: cur,
    unitPrice: w.unitPrice,
    lineTotal,
    source: w.kind === 'contract'
      ? { kind: 'contract', listId: null, contractRef: w.candidate.contractRef! }
      : { kind: w.kind, listId: w.candidate.listId },
    tier: w.tierMin === null ? null : { minQty: w.tierMin },
    qtyRuleViolations: checkQuantity(quantity, wEntry.qtyRules),
    trace: trace as TraceStep[],
    tierTable: tierTable(wEntry),
    basePrice,
  };
}

