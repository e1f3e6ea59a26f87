import type {
  PriceIndex, ContextCandidates, ListCandidate,
} from './price-index.ts';
import { contextCandidates } from './price-index.ts';
import type {
  PricingContext, Resolution, SourceKind, TraceCandidate, TraceStep, VariantFacts,
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
  readonly entry: ResolvedEntry;
  readonly unitPrice: number;
  readonly tierMin: number | null;
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

const PRIORITY_ORDER = 'contract > company > inherited company > group > channel > everyone > base';

function listCandidate(c: ListCandidate): TraceCandidate {
  return { kind: c.kind, listId: c.ref.list.id, label: c.ref.label };
}

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
  const steps: { step: Omit<TraceStep, 'won' | 'reason'> & { reason?: string }; competitor?: Competitor }[] = [];
  const competitors: Competitor[] = [];

  // Contract prices: the company's own, same currency, not expired.
  const t = ctx.at.getTime();
  for (const c of cc.contracts?.get(vid) ?? []) {
    const candidate: TraceCandidate = { kind: 'contract', listId: null, contractRef: c.reference, label: `contract ${c.reference}` };
    if (c.currency !== ctx.currency) {
      steps.push({ step: { candidate, considered: false, reason: `${candidate.label} is in ${c.currency}, not ${ctx.currency}` } });
    } else if (t >= c.validTo.getTime()) {
      steps.push({ step: { candidate, considered: false, reason: `${candidate.label} expired: valid to ${formatInstant(c.validTo)}` } });
    } else {
      const entry: ResolvedEntry = { unitPrice: c.unitPrice, tiers: c.tiers ?? [] };
      const at = priceAt(entry, quantity);
      const comp: Competitor = { candidate, kind: 'contract', distance: 0, priority: 0, entry, unitPrice: at.unitPrice, tierMin: at.tierMin };
      competitors.push(comp);
      steps.push({ step: { candidate, considered: true, unitPrice: at.unitPrice }, competitor: comp });
    }
  }

  // Usable lists, already in priority-strategy order.
  for (const c of cc.eligible) {
    const candidate = listCandidate(c);
    const found = lookupEntry(cc.index, c.ref, variant);
    if (found.entry === null) {
      steps.push({ step: { candidate, considered: false, reason: found.missing } });
      continue;
    }
    const at = priceAt(found.entry, quantity);
    const comp: Competitor = {
      candidate, kind: c.kind, distance: c.distance, priority: c.ref.list.priority, entry: found.entry, unitPrice: at.unitPrice, tierMin: at.tierMin,
    };
    competitors.push(comp);
    steps.push({ step: { candidate, considered: true, unitPrice: at.unitPrice }, competitor: comp });
  }

  // Lists that reach the company but cannot be used; shown only when they would have priced it.
  for (const c of cc.excluded) {
    if (c.ref.entries.has(vid) || c.ref.list.derived != null) {
      steps.push({ step: { candidate: listCandidate(c), considered: false, reason: c.reason } });
    }
  }

  const strategy = ctx.strategy;
  let winner: Competitor | undefined = competitors[0];
  if (strategy === 'lowest') {
    // Competitors are in specificity/priority order, so the first at the lowest price wins ties.
    for (const comp of competitors) if (comp.unitPrice < winner!.unitPrice) winner = comp;
  }

  if (winner === undefined) {
    return { priced: false, variantId: vid, quantity, currency: ctx.currency, trace: steps.map((s) => ({ ...s.step, won: false, reason: s.step.reason ?? '' })) };
  }

  const w = winner;
  const cur = ctx.currency;
  const trace: TraceStep[] = steps.map(({ step, competitor }) => {
    if (competitor === undefined) return { ...step, won: false, reason: step.reason ?? '' };
    if (competitor === w) {
      const reason = strategy === 'priority'
        ? `first to price it under the priority strategy (${PRIORITY_ORDER})`
        : competitors.length === 1 ? 'the only candidate that prices it' : `lowest price of ${competitors.length} candidates`;
      return { ...step, won: true, reason };
    }
    let reason: string;
    if (strategy === 'lowest' && competitor.unitPrice > w.unitPrice) {
      reason = `lost to ${w.candidate.label}: ${formatAmount(competitor.unitPrice, cur)} > ${formatAmount(w.unitPrice, cur)}`;
    } else if (strategy === 'lowest') {
      reason = `lost to ${w.candidate.label} on a tie at ${formatAmount(w.unitPrice, cur)}: ${orderWhy(w, competitor, strategy)}`;
    } else {
      reason = `lost to ${w.candidate.label}: ${orderWhy(w, competitor, strategy)}`;
    }
    return { ...step, won: false, reason };
  });

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
    qtyRuleViolations: checkQuantity(quantity, w.entry.qtyRules),
    trace,
    tierTable: tierTable(w.entry),
    basePrice,
  };
}

