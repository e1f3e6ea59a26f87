import type { DerivedRule, PriceTier } from '../modules/pricing/index.ts';
import { INDUSTRIES } from './accounts-spec.ts';
import { idMaker } from './ids.ts';
import type { Rng } from './prng.ts';
import type { SeedCatalog, SeedCompany } from './types.ts';

/**
 * The sizes of the pricing data: parameters rather than constants so that the same shape can be
 * generated for other engines' benchmarks (see docs/BENCHMARKS.md).
 */
export interface PricingSize {
  /** Customer groups in all… */
  readonly groups: number;
  /** …of which this many have a rule (the rest have static members only). */
  readonly ruleGroups: number;
  /** Price lists in all, the base lists (one per trading currency) included. */
  readonly lists: number;
  /** List entries in all (base lists first price every variant; the rest share what is left). */
  readonly entries: number;
  /** Share of non-base entries that carry quantity tiers. */
  readonly tieredShare: number;
  /** Company contract prices. */
  readonly contracts: number;
}

export interface SeedGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly rule: string | null;
  readonly staticMembers: readonly string[];
}

export interface SeedPriceList {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly status: 'draft' | 'active';
  readonly priority: number;
  readonly kind: 'base' | 'standard' | 'derived';
  readonly derived: DerivedRule | null;
  readonly validFrom: Date | null;
  readonly validTo: Date | null;
  readonly targets: readonly { type: 'everyone' | 'group' | 'company'; targetId: string; includeDescendants: boolean }[];
}

export interface SeedPriceEntry {
  readonly listId: string;
  readonly variantId: string;
  readonly unitPrice: number;
  readonly tiers: readonly PriceTier[];
  readonly qtyMin: number | null;
  readonly qtyMax: number | null;
  readonly qtyIncrement: number | null;
}

export interface SeedContract {
  readonly id: string;
  readonly companyId: string;
  readonly variantId: string;
  readonly currency: string;
  readonly unitPrice: number;
  readonly tiers: readonly PriceTier[];
  readonly reference: string;
  readonly validTo: Date;
}

export interface SeedPricing {
  readonly groups: readonly SeedGroup[];
  readonly priceLists: readonly SeedPriceList[];
  readonly priceEntries: readonly SeedPriceEntry[];
  readonly contracts: readonly SeedContract[];
}

/**
 * Minor units of each trading currency per US cent (the catalog's list prices are in US cents),
 * and the step base prices are rounded to: whole rupees and taka, 5 fils/halalas, whole cents.
 */
const FX: Readonly<Record<string, { rate: number; step: number }>> = {
  USD: { rate: 1, step: 1 },
  EUR: { rate: 0.92, step: 1 },
  GBP: { rate: 0.79, step: 1 },
  AED: { rate: 3.67, step: 5 },
  SAR: { rate: 3.75, step: 5 },
  PKR: { rate: 280, step: 100 },
  BDT: { rate: 118, step: 100 },
};

const roundTo = (value: number, step: number): number => Math.max(step, Math.round(value / step) * step);

/** Two volume tiers below `unit` (from 10 or 12 or 24, and from 100). */
function tiersBelow(rng: Rng, unit: number, step: number): PriceTier[] {
  const first = rng.pick([10, 12, 24]);
  const a = roundTo(unit * rng.pick([0.97, 0.95]), step);
  const b = roundTo(unit * rng.pick([0.92, 0.9, 0.88]), step);
  return a < unit && b < a ? [{ minQty: first, unitPrice: a }, { minQty: 100, unitPrice: b }] : [];
}

/** `k` distinct items; cheap when `k` is small next to the list (no copy of a 100,000-item list). */
function pickDistinct<T>(rng: Rng, items: readonly T[], k: number): T[] {
  if (k * 4 > items.length) return rng.sample(items, k);
  const seen = new Set<number>();
  const out: T[] = [];
  while (out.length < k) {
    const i = rng.int(0, items.length - 1);
    if (!seen.has(i)) {
      seen.add(i);
      out.push(items[i] as T);
    }
  }
  return out;
}

const CURRENCY_OF_COUNTRY: Readonly<Record<string, string>> = { PK: 'PKR', AE: 'AED', SA: 'SAR', BD: 'BDT', GB: 'GBP', DE: 'EUR', US: 'USD' };

/** A readable rule for the n-th generated rule group, over attributes every company has. */
function ruleFor(rng: Rng, n: number, roots: readonly SeedCompany[]): { name: string; rule: string } {
  const ind = rng.pick(INDUSTRIES);
  const cc = rng.pick(Object.keys(CURRENCY_OF_COUNTRY));
  switch (n % 5) {
    case 0:
      return { name: `${ind} in ${cc}`, rule: `industry = "${ind}" and country = "${cc}"` };
    case 1: {
      const other = rng.pick(INDUSTRIES.filter((i) => i !== ind));
      return { name: `${ind} and ${other} sites`, rule: `industry in ("${ind}", "${other}") and depth >= 2` };
    }
    case 2: {
      const root = rng.pick(roots);
      return { name: `Everything under ${root.legalName}`, rule: `descendant_of("${root.id}")` };
    }
    case 3: {
      const year = rng.int(2019, 2025);
      return { name: `${cc} accounts since ${year}`, rule: `country = "${cc}" and created_at >= date("${year}-01-01")` };
    }
    default:
      return { name: `${ind} spending in ${cc}`, rule: `industry = "${ind}" and spend_90d >= ${rng.pick([1000, 5000, 20000])}.00 ${CURRENCY_OF_COUNTRY[cc]}` };
  }
}

/**
 * Customer groups, price lists (base lists per currency, group, company and everyone lists,
 * derived lists), their entries and contract prices, drawn from an existing catalog and company
 * set. Pure and deterministic for a given generator state.
 */
export function generatePricing(rng: Rng, size: PricingSize, catalog: Pick<SeedCatalog, 'variants' | 'categories'>, companies: readonly SeedCompany[]): SeedPricing {
  const id = idMaker(rng.fork('ids'));
  const variants = catalog.variants;
  const currencies = [...new Set(companies.map((c) => c.currency))].filter((c) => FX[c]).sort();
  const currencyWeights = currencies.map((c) => [c, companies.filter((x) => x.currency === c).length] as const);
  const baseCents = new Map(variants.map((v) => [v.id, v.priceCents]));
  const basePrice = (variantId: string, currency: string): number => {
    const fx = FX[currency] ?? { rate: 1, step: 1 };
    return roundTo((baseCents.get(variantId) ?? 100) * fx.rate, fx.step);
  };
  const roots = companies.filter((c) => c.parentId === null);

  const groups: SeedGroup[] = [];
  const priceLists: SeedPriceList[] = [];
  const priceEntries: SeedPriceEntry[] = [];
  const contracts: SeedContract[] = [];
  const names = new Set<string>();
  const baseOf = new Map<string, string>();
  for (const cur of currencies) baseOf.set(cur, id('priceList'));
  const demo = demoPricing({ rng: rng.fork('demo'), id, companies, variants, baseOf, basePrice });
  for (const g of demo.groups) names.add(g.name.toLowerCase());

  // Groups: rule groups over attributes and metrics, then static groups of a handful to a few hundred companies.
  for (let n = 0; n < size.groups; n++) {
    const ruled = n < size.ruleGroups;
    const made = ruled ? ruleFor(rng, n, roots) : { name: `Static segment ${n - size.ruleGroups + 1}`, rule: null };
    let name = made.name;
    for (let k = 2; names.has(name.toLowerCase()); k++) name = `${made.name} (${k})`;
    names.add(name.toLowerCase());
    const members = ruled ? [] : rng.sample(companies, rng.int(5, Math.min(200, companies.length))).map((c) => c.id);
    groups.push({ id: id('group'), name, description: ruled ? 'Generated rule group' : 'Generated static group', rule: made.rule, staticMembers: members });
  }

  // Base lists price every variant in every trading currency.
  for (const cur of currencies) {
    const listId = baseOf.get(cur)!;
    // Guests (B2C) are priced from the highest-priority base list: the seller's home currency, USD.
    priceLists.push({ id: listId, name: `Base ${cur}`, currency: cur, status: 'active', priority: cur === 'USD' ? 10 : 0, kind: 'base', derived: null, validFrom: null, validTo: null, targets: [] });
    for (const v of variants) priceEntries.push({ listId, variantId: v.id, unitPrice: basePrice(v.id, cur), tiers: [], qtyMin: null, qtyMax: null, qtyIncrement: null });
  }

  groups.unshift(...demo.groups);
  priceLists.push(...demo.priceLists);
  priceEntries.push(...demo.priceEntries);
  contracts.push(...demo.contracts);

  const others = Math.max(0, size.lists - priceLists.length);
  const derivedCount = Math.floor(others / 10);
  const withEntries = others - derivedCount;
  const perList = withEntries > 0 ? Math.max(0, Math.floor((size.entries - priceEntries.length) / withEntries)) : 0;
  const leafCategories = catalog.categories.filter((c) => !catalog.categories.some((x) => x.parentId === c.id));
  const now = Date.UTC(2026, 10, 1);
  const day = 86_400_000;
  for (let n = 0; n < others; n++) {
    const listId = id('priceList');
    const cur = rng.weighted(currencyWeights);
    if (n < derivedCount) {
      const pct = rng.pick([3, 5, 8, 10, 12, 15]);
      const scoped = rng.chance(0.5) && leafCategories.length > 0;
      const step = FX[cur]?.step ?? 1;
      const group = groups.length > 0 ? rng.pick(groups) : null;
      priceLists.push({
        id: listId, name: `${pct}% off base ${cur}${scoped ? ' (one category)' : ''}`, currency: cur, status: 'active', priority: rng.int(0, 20), kind: 'derived',
        derived: { baseListId: baseOf.get(cur)!, adjustment: { type: 'percent', value: pct }, ...(scoped ? { scope: { categoryIds: [rng.pick(leafCategories).id] } } : {}), rounding: step > 1 ? { type: 'nearest', step } : { type: 'ending', ending: 99 } },
        validFrom: null, validTo: null,
        targets: group ? [{ type: 'group', targetId: group.id, includeDescendants: false }] : [{ type: 'everyone', targetId: '', includeDescendants: false }],
      });
      continue;
    }
    const roll = rng.next();
    let targets: SeedPriceList['targets'];
    let name: string;
    let listCur = cur;
    if (roll < 0.55 && groups.length > 0) {
      const g = rng.pick(groups);
      targets = [{ type: 'group', targetId: g.id, includeDescendants: false }];
      name = `${g.name} — ${cur}`;
    } else if (roll < 0.9) {
      const c = rng.pick(companies);
      listCur = FX[c.currency] ? c.currency : cur;
      targets = [{ type: 'company', targetId: c.id, includeDescendants: c.parentId === null }];
      name = `${c.legalName} agreement`;
    } else {
      targets = [{ type: 'everyone', targetId: '', includeDescendants: false }];
      name = `Promotion ${n + 1} ${cur}`;
    }
    // A few lists are out of their window or still drafts, as in a real book.
    const ended = rng.chance(0.05);
    const draft = !ended && rng.chance(0.03);
    priceLists.push({
      id: listId, name, currency: listCur, status: draft ? 'draft' : 'active', priority: rng.int(0, 20), kind: 'standard', derived: null,
      validFrom: ended ? new Date(now - 120 * day) : null, validTo: ended ? new Date(now - 30 * day) : null, targets,
    });
    const step = FX[listCur]?.step ?? 1;
    for (const v of pickDistinct(rng, variants, perList)) {
      const unit = roundTo(basePrice(v.id, listCur) * (0.8 + rng.next() * 0.17), step);
      const tiers = rng.chance(size.tieredShare) ? tiersBelow(rng, unit, step) : [];
      const inc = rng.chance(0.05) ? rng.pick([5, 6, 10, 12]) : null;
      priceEntries.push({ listId, variantId: v.id, unitPrice: unit, tiers, qtyMin: inc, qtyMax: null, qtyIncrement: inc });
    }
  }

  // Contract prices: up to a couple of hundred SKUs for some companies, a tenth of them expired.
  const perCompany = Math.min(200, Math.max(1, Math.ceil(size.contracts / Math.max(1, companies.length / 3))));
  const signers = rng.sample(companies.filter((c) => FX[c.currency]), Math.ceil(size.contracts / perCompany));
  let ref = 1000;
  for (const c of signers) {
    const reference = `CTR-2026-${ref++}`;
    for (const v of pickDistinct(rng, variants, Math.min(perCompany, size.contracts - contracts.length))) {
      const step = FX[c.currency]?.step ?? 1;
      const unit = roundTo(basePrice(v.id, c.currency) * (0.7 + rng.next() * 0.15), step);
      contracts.push({
        id: id('contractPrice'), companyId: c.id, variantId: v.id, currency: c.currency, unitPrice: unit, tiers: rng.chance(size.tieredShare) ? tiersBelow(rng, unit, step) : [],
        reference, validTo: new Date(rng.chance(0.1) ? now - rng.int(1, 60) * day : now + rng.int(60, 400) * day),
      });
    }
    if (contracts.length >= size.contracts) break;
  }
  return { groups, priceLists, priceEntries, contracts };
}

interface DemoInput {
  readonly rng: Rng;
  readonly id: ReturnType<typeof idMaker>;
  readonly companies: readonly SeedCompany[];
  readonly variants: SeedCatalog['variants'];
  readonly baseOf: ReadonlyMap<string, string>;
  readonly basePrice: (variantId: string, currency: string) => number;
}

/**
 * The named pricing of the demo companies (README's sign-ins): a rule group "Construction,
 * Pakistan" with a derived list 8% below base, a static "Key accounts" group with volume tiers, an
 * agreement list for Gulf Facilities, and contract prices for Indus Builders Karachi (two expired).
 * Empty when the company set has no demo companies.
 */
function demoPricing({ rng, id, companies, variants, baseOf, basePrice }: DemoInput): SeedPricing {
  const byName = (name: string) => companies.find((c) => c.legalName === name);
  const indus = byName('Indus Builders Group');
  const karachi = byName('Indus Builders Karachi (Pvt) Ltd');
  const gulf = byName('Gulf Facilities Management LLC');
  const pkrBase = baseOf.get('PKR');
  if (!indus || !karachi || !gulf || !pkrBase) return { groups: [], priceLists: [], priceEntries: [], contracts: [] };
  const construction: SeedGroup = { id: id('group'), name: 'Construction, Pakistan', description: 'Construction companies in Pakistan', rule: 'industry = "construction" and country = "PK"', staticMembers: [] };
  const keyAccounts: SeedGroup = { id: id('group'), name: 'Key accounts', description: 'Accounts managed by the key-account team', rule: null, staticMembers: [indus.id, gulf.id] };
  const derivedId = id('priceList');
  const volumeId = id('priceList');
  const gulfId = id('priceList');
  const priceLists: SeedPriceList[] = [
    {
      id: derivedId, name: 'Construction Pakistan 8% off', currency: 'PKR', status: 'active', priority: 10, kind: 'derived',
      derived: { baseListId: pkrBase, adjustment: { type: 'percent', value: 8 }, rounding: { type: 'nearest', step: 100 } },
      validFrom: null, validTo: null, targets: [{ type: 'group', targetId: construction.id, includeDescendants: false }],
    },
    { id: volumeId, name: 'Key accounts volume pricing PKR', currency: 'PKR', status: 'active', priority: 20, kind: 'standard', derived: null, validFrom: null, validTo: null, targets: [{ type: 'group', targetId: keyAccounts.id, includeDescendants: false }] },
    { id: gulfId, name: 'Gulf Facilities agreement 2026', currency: 'AED', status: 'active', priority: 30, kind: 'standard', derived: null, validFrom: null, validTo: null, targets: [{ type: 'company', targetId: gulf.id, includeDescendants: true }] },
  ];
  const priceEntries: SeedPriceEntry[] = [];
  for (const v of pickDistinct(rng, variants, Math.min(300, variants.length))) {
    const unit = roundTo(basePrice(v.id, 'PKR') * 0.95, 100);
    priceEntries.push({ listId: volumeId, variantId: v.id, unitPrice: unit, tiers: [{ minQty: 50, unitPrice: roundTo(unit * 0.94, 100) }, { minQty: 100, unitPrice: roundTo(unit * 0.88, 100) }].filter((t) => t.unitPrice < unit), qtyMin: null, qtyMax: null, qtyIncrement: null });
  }
  if (baseOf.has('AED')) {
    for (const v of pickDistinct(rng, variants, Math.min(200, variants.length))) {
      priceEntries.push({ listId: gulfId, variantId: v.id, unitPrice: roundTo(basePrice(v.id, 'AED') * 0.9, 5), tiers: [], qtyMin: null, qtyMax: null, qtyIncrement: null });
    }
  } else priceLists.pop();
  const contracts: SeedContract[] = pickDistinct(rng, variants, Math.min(28, variants.length)).map((v, i) => ({
    id: id('contractPrice'), companyId: karachi.id, variantId: v.id, currency: 'PKR', unitPrice: roundTo(basePrice(v.id, 'PKR') * 0.8, 100), tiers: [],
    reference: i < 25 ? 'IB-2026-014' : 'IB-2025-007', validTo: new Date(i < 25 ? Date.UTC(2027, 5, 30) : Date.UTC(2026, 0, 31)),
  }));
  return { groups: [construction, keyAccounts], priceLists, priceEntries, contracts };
}
