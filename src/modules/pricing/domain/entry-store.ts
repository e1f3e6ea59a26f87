import type { PriceList, PriceTier, QuantityRules } from './types.ts';

/**
 * All list entries in flat typed arrays, grouped by variant ("postings"): for variant v, postings
 * start[v] … start[v+1]−1 give the list position, unit price, tiers and quantity rules of every
 * entry pricing it, in list order. Two million entries cost a few dozen MB, hold almost no
 * objects for the garbage collector to trace, and one map lookup per cart line finds them all.
 */
export interface EntryStore {
  readonly variantSlot: ReadonlyMap<string, number>;
  readonly start: Int32Array;
  readonly list: Int32Array;
  readonly price: Float64Array;
  readonly tierOff: Int32Array;
  readonly tierLen: Int32Array;
  readonly tierMin: Float64Array;
  readonly tierPrice: Float64Array;
  /** Index into ruleTable, −1 for none. */
  readonly rules: Int32Array;
  readonly ruleTable: readonly QuantityRules[];
}

/** Packs the entries of `lists` (list position = array index). A variant priced twice in one list keeps the first. */
export function buildEntryStore(lists: readonly PriceList[]): EntryStore {
  const variantSlot = new Map<string, number>();
  const count: number[] = [];
  const last: number[] = [];
  let tierTotal = 0;
  lists.forEach((l, li) => {
    for (const e of l.entries) {
      let v = variantSlot.get(e.variantId);
      if (v === undefined) { v = count.length; variantSlot.set(e.variantId, v); count.push(0); last.push(-1); }
      if (last[v] === li) continue;
      last[v] = li;
      count[v]! += 1;
      tierTotal += e.tiers.length;
    }
  });
  const V = count.length;
  const start = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) start[v + 1] = start[v]! + count[v]!;
  const N = start[V]!;
  const list = new Int32Array(N);
  const price = new Float64Array(N);
  const tierOff = new Int32Array(N);
  const tierLen = new Int32Array(N);
  const tierMin = new Float64Array(tierTotal);
  const tierPrice = new Float64Array(tierTotal);
  const rules = new Int32Array(N).fill(-1);
  const ruleTable: QuantityRules[] = [];
  const ruleIds = new Map<string, number>();
  const cursor = start.slice(0, V);
  last.fill(-1);
  let t = 0;
  lists.forEach((l, li) => {
    for (const e of l.entries) {
      const v = variantSlot.get(e.variantId)!;
      if (last[v] === li) continue;
      last[v] = li;
      const p = cursor[v]!;
      cursor[v] = p + 1;
      list[p] = li;
      price[p] = e.unitPrice;
      tierOff[p] = t;
      tierLen[p] = e.tiers.length;
      for (const tier of e.tiers) { tierMin[t] = tier.minQty; tierPrice[t] = tier.unitPrice; t++; }
      if (e.qtyRules !== undefined) {
        const key = `${e.qtyRules.min}|${e.qtyRules.max}|${e.qtyRules.increment}`;
        let r = ruleIds.get(key);
        if (r === undefined) { r = ruleTable.length; ruleTable.push(e.qtyRules); ruleIds.set(key, r); }
        rules[p] = r;
      }
    }
  });
  return { variantSlot, start, list, price, tierOff, tierLen, tierMin, tierPrice, rules, ruleTable };
}

/** The posting of list `listIdx` for variant slot `v`, or −1. */
export function postingOf(store: EntryStore, v: number, listIdx: number): number {
  for (let p = store.start[v]!, end = store.start[v + 1]!; p < end; p++) if (store.list[p] === listIdx) return p;
  return -1;
}

/** The tier (index into tierMin/tierPrice) with the largest minQty ≤ quantity, or −1. */
export function tierAt(store: EntryStore, p: number, quantity: number): number {
  let best = -1;
  for (let t = store.tierOff[p]!, end = t + store.tierLen[p]!; t < end; t++) {
    if (store.tierMin[t]! <= quantity && (best < 0 || store.tierMin[t]! > store.tierMin[best]!)) best = t;
  }
  return best;
}

const NO_TIERS: readonly PriceTier[] = Object.freeze([]);

/** Posting `p` as a plain entry (allocated only for winners and derivation bases). */
export function entryAt(store: EntryStore, p: number): { unitPrice: number; tiers: readonly PriceTier[]; qtyRules?: QuantityRules } {
  const n = store.tierLen[p]!;
  let tiers = NO_TIERS;
  if (n > 0) {
    const out: PriceTier[] = [];
    for (let t = store.tierOff[p]!, end = t + n; t < end; t++) out.push({ minQty: store.tierMin[t]!, unitPrice: store.tierPrice[t]! });
    tiers = out;
  }
  const r = store.rules[p]!;
  return r < 0 ? { unitPrice: store.price[p]!, tiers } : { unitPrice: store.price[p]!, tiers, qtyRules: store.ruleTable[r]! };
}
