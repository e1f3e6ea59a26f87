import type { ContractPrice, PriceEntry, PriceList, PriceTier } from './types.ts';
import type { RuleProblem } from './quantity-rules.ts';
import { validateQuantityRules } from './quantity-rules.ts';
import { MAX_DERIVATION_DEPTH } from './entries.ts';

const isMoney = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

function validateTiers(tiers: readonly PriceTier[], field: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<number>();
  tiers.forEach((t, i) => {
    if (!Number.isSafeInteger(t.minQty) || t.minQty < 1) problems.push({ field: `${field}[${i}].minQty`, message: `tier minimum quantity must be a positive whole number, got ${t.minQty}` });
    else if (seen.has(t.minQty)) problems.push({ field: `${field}[${i}].minQty`, message: `two tiers start at ${t.minQty}` });
    seen.add(t.minQty);
    if (!isMoney(t.unitPrice)) problems.push({ field: `${field}[${i}].unitPrice`, message: `tier price must be whole minor units ≥ 0, got ${t.unitPrice}` });
  });
  return problems;
}

function validateEntry(e: PriceEntry, field: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isMoney(e.unitPrice)) problems.push({ field: `${field}.unitPrice`, message: `price must be whole minor units ≥ 0, got ${e.unitPrice}` });
  problems.push(...validateTiers(e.tiers, `${field}.tiers`));
  if (e.qtyRules !== undefined) problems.push(...validateQuantityRules(e.qtyRules, `${field}.qtyRules`));
  return problems;
}

/** Checks one list's own data: window, entries, tiers, quantity rules and derivation settings. */
export function validatePriceList(list: PriceList): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!/^[A-Z]{3}$/.test(list.currency)) problems.push({ field: 'currency', message: `currency must be an ISO 4217 code, got ${list.currency}` });
  if (list.validFrom != null && list.validTo != null && list.validFrom.getTime() >= list.validTo.getTime()) {
    problems.push({ field: 'validTo', message: 'the window ends before it starts' });
  }
  if (!Number.isSafeInteger(list.priority)) problems.push({ field: 'priority', message: 'priority must be a whole number' });
  if (list.kind !== 'base' && list.targets.length === 0) problems.push({ field: 'targets', message: 'the list targets nobody' });
  const seen = new Set<string>();
  list.entries.forEach((e, i) => {
    if (seen.has(e.variantId)) problems.push({ field: `entries[${i}].variantId`, message: `variant ${e.variantId} is priced twice` });
    seen.add(e.variantId);
    problems.push(...validateEntry(e, `entries[${i}]`));
  });
  if ((list.kind === 'derived') !== (list.derived != null)) {
    problems.push({ field: 'derived', message: list.kind === 'derived' ? 'a derived list needs a derivation rule' : 'only a derived list may have a derivation rule' });
  }
  const d = list.derived;
  if (d != null) {
    if (d.baseListId === list.id) problems.push({ field: 'derived.baseListId', message: 'a list cannot derive from itself' });
    const a = d.adjustment;
    // Percent is applied as whole basis points, so more than two decimals would be silently rounded.
    const bp = a.value * 100;
    if (a.type === 'percent' && !(Number.isFinite(a.value) && a.value <= 100 && a.value >= -1000 && Math.abs(bp - Math.round(bp)) < 1e-6)) {
      problems.push({ field: 'derived.adjustment.value', message: 'percent off must be between -1000 and 100 with at most two decimals' });
    }
    if (a.type === 'amount' && !Number.isSafeInteger(a.value)) problems.push({ field: 'derived.adjustment.value', message: 'amount off must be whole minor units' });
    const r = d.rounding;
    if (r.type === 'nearest' && !(Number.isSafeInteger(r.step) && r.step > 0)) problems.push({ field: 'derived.rounding.step', message: 'rounding step must be positive whole minor units' });
    if (r.type === 'ending' && !(Number.isSafeInteger(r.ending) && r.ending >= 0 && r.ending <= 99)) problems.push({ field: 'derived.rounding.ending', message: 'ending must be 0–99 (the last two minor digits)' });
  }
  return problems;
}

/** Checks derivations across lists: the base exists, shares the currency, and no chain loops. */
export function validateDerivations(lists: readonly PriceList[]): { listId: string; message: string }[] {
  const byId = new Map(lists.map((l) => [l.id, l]));
  const out: { listId: string; message: string }[] = [];
  for (const l of lists) {
    if (l.derived == null) continue;
    const base = byId.get(l.derived.baseListId);
    if (base === undefined) { out.push({ listId: l.id, message: `base list ${l.derived.baseListId} does not exist` }); continue; }
    if (base.currency !== l.currency) out.push({ listId: l.id, message: `base list ${base.id} is in ${base.currency}, not ${l.currency}` });
    const chain = [l.id];
    let cur: PriceList | undefined = base;
    while (cur !== undefined) {
      if (chain.includes(cur.id)) { out.push({ listId: l.id, message: `derivation loops: ${[...chain, cur.id].join(' → ')}` }); break; }
      chain.push(cur.id);
      if (chain.length > MAX_DERIVATION_DEPTH + 1) { out.push({ listId: l.id, message: `derivation chain is deeper than ${MAX_DERIVATION_DEPTH}` }); break; }
      cur = cur.derived == null ? undefined : byId.get(cur.derived.baseListId);
    }
  }
  return out;
}

/** Checks one contract price. */
export function validateContractPrice(c: ContractPrice): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isMoney(c.unitPrice)) problems.push({ field: 'unitPrice', message: `price must be whole minor units ≥ 0, got ${c.unitPrice}` });
  if (c.tiers !== undefined) problems.push(...validateTiers(c.tiers, 'tiers'));
  if (c.reference.trim() === '') problems.push({ field: 'reference', message: 'a contract price needs a contract reference' });
  return problems;
}
