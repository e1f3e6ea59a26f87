/**
 * The engine against a brute-force reference written from the domain guide: enumerate every list
 * and contract, filter, price, sort, take the first. No index, no shortcuts, BigInt money.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPriceIndex } from './price-index.ts';
import { resolvePrice } from './resolve.ts';
import { priceCart } from './cart.ts';
import type {
  ContractPrice, PriceAdjustment, PriceList, PriceListTarget, PriceRounding, PriceTier, PricingContext, VariantFacts,
} from './types.ts';

// ---------- the reference resolver ----------

const RANK = { contract: 0, company: 1, inherited: 2, group: 3, channel: 4, everyone: 5, base: 6 } as const;
type Kind = keyof typeof RANK;

interface RefCandidate { kind: Kind; distance: number; priority: number; id: string; price: number; listId: string | null; contractRef?: string }
interface RefEntry { unitPrice: number; tiers: readonly PriceTier[] }

function tierPrice(e: RefEntry, qty: number): number {
  const applicable = e.tiers.filter((t) => t.minQty <= qty).sort((a, b) => b.minQty - a.minQty);
  return applicable.length > 0 ? applicable[0]!.unitPrice : e.unitPrice;
}

/** Nearest point offset + k·grid to num/den; exact tie → even k; never below offset when < 0. */
function refRound(num: bigint, den: bigint, rounding: PriceRounding): bigint {
  const grid = rounding.type === 'nearest' ? BigInt(rounding.step) : rounding.type === 'ending' ? 100n : 1n;
  const offset = rounding.type === 'ending' ? BigInt(rounding.ending) : 0n;
  // k such that offset + k·grid ≤ x < offset + (k+1)·grid, with x = num/den.
  const shifted = num - offset * den;
  let k = shifted / (grid * den);
  if (shifted < 0n && shifted % (grid * den) !== 0n) k -= 1n;
  const lo = offset + k * grid;
  const hi = lo + grid;
  const dLo = num - lo * den; // distance × den
  const dHi = hi * den - num;
  let r: bigint;
  if (dLo < dHi) r = lo;
  else if (dHi < dLo) r = hi;
  else r = k % 2n === 0n ? lo : hi;
  return r < 0n ? offset : r;
}

function refAdjust(price: number, a: PriceAdjustment, rounding: PriceRounding): number {
  const num = a.type === 'percent' ? BigInt(price) * (10000n - BigInt(Math.round(a.value * 100))) : BigInt(price) - BigInt(a.value);
  const den = a.type === 'percent' ? 10000n : 1n;
  if (num <= 0n) return 0;
  return Number(refRound(num, den, rounding));
}

function refEntry(lists: readonly PriceList[], list: PriceList, v: VariantFacts, seen: readonly string[]): RefEntry | null {
  const own = list.entries.find((e) => e.variantId === v.variantId);
  if (own) return own;
  const d = list.derived;
  if (!d) return null;
  const s = d.scope;
  if (s?.categoryIds?.length && !s.categoryIds.some((c) => v.categoryIds.includes(c))) return null;
  if (s?.brandIds?.length && !(v.brandId != null && s.brandIds.includes(v.brandId))) return null;
  if (s?.tags?.length && !s.tags.some((t) => v.tags.includes(t))) return null;
  const base = lists.find((l) => l.id === d.baseListId);
  if (!base || base.currency !== list.currency || seen.includes(base.id)) return null;
  const b = refEntry(lists, base, v, [...seen, base.id]);
  if (!b) return null;
  return {
    unitPrice: refAdjust(b.unitPrice, d.adjustment, d.rounding),
    tiers: b.tiers.map((t) => ({ minQty: t.minQty, unitPrice: refAdjust(t.unitPrice, d.adjustment, d.rounding) })),
  };
}

function route(list: PriceList, ctx: PricingContext): { kind: Kind; distance: number } | null {
  if (list.kind === 'base') return { kind: 'base', distance: 0 };
  const routes: { kind: Kind; distance: number }[] = [];
  for (const t of list.targets) {
    if (t.type === 'everyone') routes.push({ kind: 'everyone', distance: 0 });
    if (t.type === 'channel' && t.channel === ctx.channel) routes.push({ kind: 'channel', distance: 0 });
    if (t.type === 'group' && ctx.groupIds.includes(t.groupId)) routes.push({ kind: 'group', distance: 0 });
    if (t.type === 'company' && t.companyId === ctx.companyId) routes.push({ kind: 'company', distance: 0 });
    if (t.type === 'company' && t.includeDescendants && ctx.ancestors.includes(t.companyId)) {
      routes.push({ kind: 'inherited', distance: ctx.ancestors.indexOf(t.companyId) + 1 });
    }
  }
  routes.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.distance - b.distance);
  return routes[0] ?? null;
}

function orderKey(a: RefCandidate, b: RefCandidate): number {
  return RANK[a.kind] - RANK[b.kind] || a.distance - b.distance || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function reference(lists: readonly PriceList[], contracts: readonly ContractPrice[], ctx: PricingContext, v: VariantFacts, qty: number) {
  const cands: RefCandidate[] = [];
  const t = ctx.at.getTime();
  for (const c of contracts) {
    if (c.companyId !== ctx.companyId || c.variantId !== v.variantId || c.currency !== ctx.currency || t >= c.validTo.getTime()) continue;
    cands.push({ kind: 'contract', distance: 0, priority: 0, id: c.reference, price: tierPrice({ unitPrice: c.unitPrice, tiers: c.tiers ?? [] }, qty), listId: null, contractRef: c.reference });
  }
  for (const l of lists) {
    if (l.status !== 'active' || l.currency !== ctx.currency) continue;
    if (l.validFrom && t < l.validFrom.getTime()) continue;
    if (l.validTo && t >= l.validTo.getTime()) continue;
    const r = route(l, ctx);
    if (!r) continue;
    const e = refEntry(lists, l, v, [l.id]);
    if (!e) continue;
    cands.push({ ...r, priority: l.priority, id: l.id, price: tierPrice(e, qty), listId: l.id });
  }
  const byPriority = [...cands].sort(orderKey);
  const base = byPriority.find((c) => c.kind === 'base');
  const sorted = ctx.strategy === 'lowest' ? [...cands].sort((a, b) => a.price - b.price || orderKey(a, b)) : byPriority;
  const w = sorted[0];
  if (!w) return null;
  return {
    price: w.price,
    source: w.kind === 'contract' ? { kind: w.kind, listId: null, contractRef: w.contractRef } : { kind: w.kind, listId: w.listId },
    basePrice: base?.price ?? null,
  };
}

// ---------- random worlds ----------

const DAYS = [0, 10, 20, 30, 40].map((d) => new Date(Date.UTC(2026, 0, 1 + d)));
const COMPANIES = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const GROUPS = ['g0', 'g1', 'g2', 'g3'];
const VARIANTS = ['v0', 'v1', 'v2'];
// Few distinct values so that ties and exact rounding halves happen often.
const PRICES = [0, 25, 35, 100, 125, 199, 200, 250, 300, 1999];

const date = fc.constantFrom(...DAYS);
/** Present one time in three: most lists have an open window. */
const sometimes = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
const price = fc.constantFrom(...PRICES);
const tiers = fc.uniqueArray(fc.record({ minQty: fc.constantFrom(1, 2, 5, 10), unitPrice: price }), { selector: (t) => t.minQty, maxLength: 3 });
/** `companyWeight` tilts worlds towards company trees with inherited lists. */
const targetArb = (companyWeight: number): fc.Arbitrary<PriceListTarget> => fc.oneof(
  fc.constant({ type: 'everyone' as const }),
  fc.record({ type: fc.constant('channel' as const), channel: fc.constantFrom('web', 'edi') }),
  fc.record({ type: fc.constant('group' as const), groupId: fc.constantFrom(...GROUPS) }),
  { weight: companyWeight, arbitrary: fc.record({ type: fc.constant('company' as const), companyId: fc.constantFrom(...COMPANIES), includeDescendants: fc.boolean() }) },
);
/** Each variant priced by a list two times in three. */
const entries = fc.tuple(...VARIANTS.map(() => fc.option(fc.record({ unitPrice: price, tiers }), { nil: null, freq: 3 })))
  .map((es) => es.flatMap((e, i) => (e === null ? [] : [{ variantId: VARIANTS[i]!, ...e }])));
const adjustment: fc.Arbitrary<PriceAdjustment> = fc.oneof(
  fc.record({ type: fc.constant('percent' as const), value: fc.constantFrom(0, 10, 12.5, 33.33, 50, 50, -20, 100) }),
  fc.record({ type: fc.constant('amount' as const), value: fc.constantFrom(0, 1, 50, 150) }),
);
const rounding: fc.Arbitrary<PriceRounding> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.record({ type: fc.constant('nearest' as const), step: fc.constantFrom(1, 5, 10, 50) }),
  fc.record({ type: fc.constant('ending' as const), ending: fc.constantFrom(0, 49, 95, 99) }),
);
const scope = fc.option(fc.record({
  categoryIds: fc.option(fc.subarray(['k0', 'k1', 'k2']), { nil: undefined }),
  brandIds: fc.option(fc.subarray(['b0', 'b1']), { nil: undefined }),
  tags: fc.option(fc.subarray(['t0', 't1']), { nil: undefined }),
}), { nil: undefined });

interface Tilt { companyWeight: number; derivedWeight: number }

const listArb = (i: number, tilt: Tilt): fc.Arbitrary<PriceList> => fc.record({
  kind: fc.oneof(fc.constant('base' as const), { weight: 2, arbitrary: fc.constant('standard' as const) }, { weight: tilt.derivedWeight, arbitrary: fc.constant('derived' as const) }),
  currency: fc.constantFrom('PKR', 'PKR', 'PKR', 'PKR', 'PKR', 'USD'),
  status: fc.constantFrom('active', 'active', 'active', 'active', 'active', 'draft'),
  validFrom: sometimes(date),
  validTo: sometimes(date),
  priority: fc.integer({ min: 0, max: 2 }),
  targets: fc.array(targetArb(tilt.companyWeight), { minLength: 1, maxLength: 3 }),
  entries,
  derived: fc.record({ baseListId: fc.constantFrom('L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L9'), adjustment, scope, rounding }),
  ownOnDerived: fc.integer({ min: 0, max: 3 }),
}).map(({ ownOnDerived, ...r }) => ({
  ...r,
  id: `L${i}`,
  name: `L${i}`,
  // A derived list mostly derives; one time in four it also carries explicit overrides.
  entries: r.kind === 'derived' && ownOnDerived > 0 ? [] : r.entries,
  derived: r.kind === 'derived' ? r.derived : undefined,
}));

const worldArb = (tilt: Tilt) => fc.record({
  parents: fc.tuple(...COMPANIES.map((_, i) => fc.integer({ min: -1, max: i - 1 }))),
  lists: fc.tuple(...Array.from({ length: 6 }, (_, i) => listArb(i, tilt))),
  contracts: fc.array(fc.record({
    companyId: fc.constantFrom(...COMPANIES), variantId: fc.constantFrom(...VARIANTS), currency: fc.constantFrom('PKR', 'USD'),
    unitPrice: price, tiers: fc.option(tiers, { nil: undefined }), validTo: date,
  }), { maxLength: 4 }).map((cs) => cs.map((c, i) => ({ ...c, reference: `C-${i}` }))),
  company: fc.integer({ min: 0, max: COMPANIES.length - 1 }),
  groupIds: fc.subarray(GROUPS),
  channel: fc.constantFrom('web', 'edi', null),
  currency: fc.constantFrom('PKR', 'PKR', 'PKR', 'PKR', 'USD'),
  at: fc.oneof(date, date.map((d) => new Date(d.getTime() + 5 * 86_400_000))),
  strategy: fc.constantFrom('lowest' as const, 'priority' as const),
  variant: fc.record({
    variantId: fc.constantFrom(...VARIANTS), categoryIds: fc.subarray(['k0', 'k1', 'k2']),
    brandId: fc.constantFrom('b0', 'b1', null), tags: fc.subarray(['t0', 't1']),
  }),
  quantity: fc.integer({ min: 1, max: 12 }),
});

function ancestorsOf(parents: readonly number[], i: number): string[] {
  const out: string[] = [];
  for (let p = parents[i]!; p >= 0; p = parents[p]!) out.push(COMPANIES[p]!);
  return out;
}

describe('engine = brute-force reference', () => {
  it.each([
    ['random lists, tiers, groups, hierarchies and dates', { companyWeight: 1, derivedWeight: 1 }],
    ['worlds rich in company trees and inherited lists', { companyWeight: 8, derivedWeight: 1 }],
    ['worlds rich in derived lists, chains and rounding', { companyWeight: 1, derivedWeight: 6 }],
  ])('agrees on price, source and base price on %s', (_label, tilt) => {
    fc.assert(fc.property(worldArb(tilt), (w) => {
      const ctx: PricingContext = {
        companyId: COMPANIES[w.company]!, ancestors: ancestorsOf(w.parents, w.company), groupIds: w.groupIds,
        channel: w.channel, currency: w.currency, at: w.at, strategy: w.strategy,
      };
      const got = resolvePrice({ index: buildPriceIndex(w.lists, w.contracts), context: ctx, variant: w.variant, quantity: w.quantity });
      const want = reference(w.lists, w.contracts, ctx, w.variant, w.quantity);
      if (want === null) {
        expect(got.priced).toBe(false);
        return;
      }
      expect(got.priced).toBe(true);
      if (!got.priced) return;
      expect({ price: got.unitPrice, source: got.source, basePrice: got.basePrice }).toEqual(want);
      // The trace names exactly one winner, at the price charged.
      const won = got.trace.filter((s) => s.won);
      expect(won).toHaveLength(1);
      expect(won[0]!.unitPrice).toBe(got.unitPrice);
    }), { numRuns: 4000 });
  });
});

describe('a cart is the sum of its lines', () => {
  it('prices every line of a cart exactly as resolving it alone (no state leaks between lines)', () => {
    const variantArb = fc.record({
      variantId: fc.constantFrom(...VARIANTS, 'v-unknown'), categoryIds: fc.subarray(['k0', 'k1', 'k2']),
      brandId: fc.constantFrom('b0', 'b1', null), tags: fc.subarray(['t0', 't1']),
    });
    fc.assert(fc.property(
      worldArb({ companyWeight: 2, derivedWeight: 2 }),
      fc.array(fc.record({ variant: variantArb, quantity: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 8 }),
      (w, lines) => {
        const ctx: PricingContext = {
          companyId: COMPANIES[w.company]!, ancestors: ancestorsOf(w.parents, w.company), groupIds: w.groupIds,
          channel: w.channel, currency: w.currency, at: w.at, strategy: w.strategy,
        };
        const index = buildPriceIndex(w.lists, w.contracts);
        const cart = priceCart(lines, index, ctx);
        const alone = lines.map((l) => resolvePrice({ index, context: ctx, variant: l.variant, quantity: l.quantity }));
        expect(cart.lines).toEqual(alone);
        expect(cart.total).toBe(alone.reduce((s, r) => s + (r.priced ? r.lineTotal : 0), 0));
      },
    ), { numRuns: 1500 });
  });
});

describe('cart totals', () => {
  it('never lose or invent a minor unit against a BigInt sum', () => {
    const bigPrice = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2 ** 40 }));
    fc.assert(fc.property(
      fc.array(fc.record({ unitPrice: bigPrice, qty: fc.integer({ min: 1, max: 1_000_000 }), pct: fc.constantFrom(0, 7.5, 33.33) }), { minLength: 1, maxLength: 40 }),
      (lines) => {
        const lists: PriceList[] = [
          { id: 'B', name: 'B', currency: 'PKR', status: 'active', priority: 0, kind: 'base', targets: [], entries: lines.map((l, i) => ({ variantId: `v${i}`, unitPrice: l.unitPrice, tiers: [] })) },
        ];
        // Every other line through a derived percent list, so rounded unit prices take part.
        const derived: PriceList[] = lines.map((l, i) => ({
          id: `D${i}`, name: `D${i}`, currency: 'PKR', status: 'active', priority: 0, kind: 'derived', targets: [{ type: 'everyone' }], entries: [],
          derived: { baseListId: 'B', adjustment: { type: 'percent', value: l.pct }, scope: { tags: [`t${i}`] }, rounding: { type: 'nearest', step: 5 } },
        }));
        const index = buildPriceIndex([...lists, ...derived], []);
        const ctx: PricingContext = { companyId: 'c', ancestors: [], groupIds: [], channel: null, currency: 'PKR', at: DAYS[0]!, strategy: 'priority' };
        const cartLines = lines.map((l, i) => ({ variant: { variantId: `v${i}`, categoryIds: [], tags: i % 2 === 0 ? [`t${i}`] : [] }, quantity: l.qty }));
        let cart;
        try {
          cart = priceCart(cartLines, index, ctx);
        } catch (e) {
          // Refusing is allowed only when the exact total really is beyond 2^53.
          expect(e).toBeInstanceOf(RangeError);
          const units = cartLines.map((line) => resolvePrice({ index, context: ctx, variant: line.variant, quantity: 1 }));
          const exact = units.reduce((s, r, i) => s + (r.priced ? BigInt(r.unitPrice) * BigInt(lines[i]!.qty) : 0n), 0n);
          expect(exact > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
          return;
        }
        let exact = 0n;
        for (const r of cart.lines) {
          if (!r.priced) throw new Error('every line is priced');
          expect(BigInt(r.lineTotal)).toBe(BigInt(r.unitPrice) * BigInt(r.quantity));
          exact += BigInt(r.unitPrice) * BigInt(r.quantity);
        }
        expect(BigInt(cart.total)).toBe(exact);
      },
    ), { numRuns: 500 });
  });
});
