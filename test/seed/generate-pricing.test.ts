import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/modules/segments/index.ts';
import { validateContractPrice, validateDerivations, validatePriceList, type PriceEntry, type PriceList } from '../../src/modules/pricing/index.ts';
import { generateDataset } from '../../src/seed/generate.ts';
import { generatePricing } from '../../src/seed/generate-pricing.ts';
import { createRng } from '../../src/seed/prng.ts';

const small = generateDataset('small');

function asEngineLists(): PriceList[] {
  const entries = new Map<string, PriceEntry[]>();
  for (const e of small.priceEntries) {
    const rules = { ...(e.qtyMin != null ? { min: e.qtyMin } : {}), ...(e.qtyIncrement != null ? { increment: e.qtyIncrement } : {}) };
    const list = entries.get(e.listId) ?? [];
    list.push({ variantId: e.variantId, unitPrice: e.unitPrice, tiers: e.tiers, ...(Object.keys(rules).length ? { qtyRules: rules } : {}) });
    entries.set(e.listId, list);
  }
  return small.priceLists.map((l) => ({
    id: l.id, name: l.name, currency: l.currency, status: l.status, validFrom: l.validFrom, validTo: l.validTo, priority: l.priority, kind: l.kind, derived: l.derived,
    targets: l.targets.map((t) => (t.type === 'everyone' ? { type: 'everyone' as const } : t.type === 'group' ? { type: 'group' as const, groupId: t.targetId } : { type: 'company' as const, companyId: t.targetId, includeDescendants: t.includeDescendants })),
    entries: entries.get(l.id) ?? [],
  }));
}

describe('pricing demo data', () => {
  it('gives every trading currency a base list that prices every variant', () => {
    const currencies = new Set(small.companies.map((c) => c.currency));
    const bases = small.priceLists.filter((l) => l.kind === 'base');
    expect(new Set(bases.map((b) => b.currency))).toEqual(currencies);
    for (const b of bases) expect(small.priceEntries.filter((e) => e.listId === b.id)).toHaveLength(small.variants.length);
  });

  it('generates only lists, derivations, contracts and rules the application itself would accept', () => {
    const lists = asEngineLists();
    for (const l of lists) expect(validatePriceList(l), l.name).toEqual([]);
    expect(validateDerivations(lists)).toEqual([]);
    for (const c of small.contracts) expect(validateContractPrice({ ...c, tiers: c.tiers })).toEqual([]);
    for (const g of small.groups) if (g.rule) expect(compileRule(g.rule).ok, g.rule).toBe(true);
  });

  it('prices the demo companies as the README tells: a Construction, Pakistan group 8% below base and Indus Builders contracts', () => {
    const group = small.groups.find((g) => g.name === 'Construction, Pakistan');
    expect(group?.rule).toBe('industry = "construction" and country = "PK"');
    const derived = small.priceLists.find((l) => l.targets.some((t) => t.targetId === group?.id));
    expect(derived?.derived?.adjustment).toEqual({ type: 'percent', value: 8 });
    const karachi = small.companies.find((c) => c.legalName === 'Indus Builders Karachi (Pvt) Ltd');
    const theirs = small.contracts.filter((c) => c.companyId === karachi?.id);
    expect(theirs.filter((c) => c.reference === 'IB-2026-014')).toHaveLength(25);
    expect(theirs.some((c) => c.validTo < new Date('2026-06-01'))).toBe(true);
  });

  it('follows the sizes it is given, so other engines can be benchmarked on the same shape', () => {
    const size = { groups: 20, ruleGroups: 5, lists: 60, entries: 60_000, tieredShare: 0.5, contracts: 1_000 };
    const p = generatePricing(createRng('shape'), size, small, small.companies);
    expect(p.groups.filter((g) => !g.staticMembers.length && g.rule)).toHaveLength(5 + 1); // + the demo rule group
    expect(p.priceLists).toHaveLength(60);
    expect(p.contracts.length).toBeGreaterThanOrEqual(1_000);
    expect(Math.abs(p.priceEntries.length - 60_000)).toBeLessThan(1_000);
    const tiered = p.priceEntries.filter((e) => e.tiers.length > 0 && !small.priceLists.some((l) => l.kind === 'base' && l.id === e.listId)).length;
    expect(tiered).toBeGreaterThan(0);
  });
});
