import { describe, expect, it } from 'vitest';
import { buildPriceIndex } from './price-index.ts';
import { resolvePrice } from './resolve.ts';
import type {
  ContractPrice, PriceEntry, PriceList, PricedResolution, PricingContext, PricingStrategy, Resolution, VariantFacts,
} from './types.ts';

const D = (s: string): Date => new Date(`${s}T00:00:00Z`);
const NOW = D('2026-11-27');

function list(id: string, over: Partial<PriceList> & { prices?: Record<string, number | [number, [number, number][]]> } = {}): PriceList {
  const { prices = {}, ...rest } = over;
  const entries: PriceEntry[] = Object.entries(prices).map(([variantId, p]) =>
    typeof p === 'number'
      ? { variantId, unitPrice: p, tiers: [] }
      : { variantId, unitPrice: p[0], tiers: p[1].map(([minQty, unitPrice]) => ({ minQty, unitPrice })) });
  return { id, name: id, currency: 'PKR', status: 'active', priority: 0, kind: 'standard', targets: [{ type: 'everyone' }], entries, ...rest };
}
const base = (prices: Record<string, number | [number, [number, number][]]>): PriceList => list('BASE', { kind: 'base', targets: [], prices });
const company = (companyId: string, includeDescendants = false) => ({ type: 'company', companyId, includeDescendants }) as const;
const group = (groupId: string) => ({ type: 'group', groupId }) as const;

const V: VariantFacts = { variantId: 'v1', categoryIds: ['tools', 'hardware'], brandId: 'bosch', tags: ['sale'] };

function ctx(over: Partial<PricingContext> = {}): PricingContext {
  return { companyId: 'acme', ancestors: [], groupIds: [], channel: 'web', currency: 'PKR', at: NOW, strategy: 'lowest', ...over };
}

function resolve(lists: PriceList[], contracts: ContractPrice[], c: Partial<PricingContext>, quantity = 1, variant = V): Resolution {
  return resolvePrice({ index: buildPriceIndex(lists, contracts), context: ctx(c), variant, quantity });
}

function priced(r: Resolution): PricedResolution {
  if (!r.priced) throw new Error(`expected a price, trace: ${JSON.stringify(r.trace)}`);
  return r;
}

const reasonOf = (r: Resolution, label: string): string | undefined => r.trace.find((s) => s.candidate.label === label)?.reason;

describe('quantity tiers', () => {
  const lists = [base({ v1: [1000, [[10, 900], [100, 800]]] })];
  it.each([
    [1, 1000, null], [9, 1000, null], [10, 900, 10], [99, 900, 10], [100, 800, 100], [5000, 800, 100],
  ])('quantity %i pays %i (tier %s)', (qty, unit, tierMin) => {
    const r = priced(resolve(lists, [], {}, qty));
    expect(r.unitPrice).toBe(unit);
    expect(r.tier).toEqual(tierMin === null ? null : { minQty: tierMin });
    expect(r.lineTotal).toBe(unit * qty);
  });

  it('shows the buyer the whole table of volume prices', () => {
    expect(priced(resolve(lists, [], {}, 1)).tierTable).toEqual([
      { minQty: 1, unitPrice: 1000 }, { minQty: 10, unitPrice: 900 }, { minQty: 100, unitPrice: 800 },
    ]);
  });

  it('keeps a more specific list\'s tiers (Medusa #15994: tiers ignored when an override exists)', () => {
    const lists2 = [
      base({ v1: [1200, [[100, 1000]]] }),
      list('G', { targets: [group('trade')], prices: { v1: [1100, [[50, 950], [100, 850]]] } }),
    ];
    for (const strategy of ['lowest', 'priority'] as PricingStrategy[]) {
      const r = priced(resolve(lists2, [], { groupIds: ['trade'], strategy }, 120));
      expect([r.unitPrice, r.source.listId, r.tier]).toEqual([850, 'G', { minQty: 100 }]);
      expect(r.basePrice).toBe(1000);
    }
  });
});

describe('validity window, status and currency', () => {
  const at = D('2026-06-01');
  it.each([
    ['active and in window', { validFrom: D('2026-01-01'), validTo: D('2027-01-01') }, 900, 'L'],
    ['starts exactly now (inclusive)', { validFrom: at }, 900, 'L'],
    ['ends exactly now (exclusive)', { validTo: at }, 1000, 'BASE'],
    ['not started', { validFrom: D('2027-01-01') }, 1000, 'BASE'],
    ['expired', { validTo: D('2026-01-01') }, 1000, 'BASE'],
    ['a draft', { status: 'draft' as const }, 1000, 'BASE'],
    ['in another currency', { currency: 'USD' }, 1000, 'BASE'],
  ])('a list that is %s', (_label, over, unit, listId) => {
    const r = priced(resolve([base({ v1: 1000 }), list('L', { ...over, prices: { v1: 900 } })], [], { at }));
    expect([r.unitPrice, r.source.listId]).toEqual([unit, listId]);
  });

  it.each([
    [{ validFrom: D('2027-01-01') }, 'list L not active yet: valid from 2027-01-01'],
    [{ validTo: D('2026-01-01') }, 'list L expired: valid to 2026-01-01'],
    [{ status: 'draft' as const }, 'list L is a draft'],
    [{ currency: 'USD' }, 'list L is in USD, not PKR'],
  ])('explains why a list did not apply: %j', (over, reason) => {
    const r = resolve([base({ v1: 1000 }), list('L', { ...over, prices: { v1: 900 } })], [], { at });
    expect(reasonOf(r, 'list L')).toBe(reason);
    expect(r.trace.find((s) => s.candidate.listId === 'L')?.considered).toBe(false);
  });
});

describe('who a list reaches', () => {
  const b = base({ v1: 1000 });
  it.each([
    ['the company directly', [company('acme')], {}, 'company'],
    ['the parent, inherited', [company('parent', true)], { ancestors: ['parent', 'root'] }, 'inherited'],
    ['the root, inherited two levels down', [company('root', true)], { ancestors: ['parent', 'root'] }, 'inherited'],
    ['the second of two groups (Medusa #13034)', [group('g2')], { groupIds: ['g1', 'g2'] }, 'group'],
    ['the channel', [{ type: 'channel', channel: 'web' } as const], {}, 'channel'],
    ['everyone', [{ type: 'everyone' } as const], {}, 'everyone'],
  ])('applies a list targeting %s', (_label, targets, c, kind) => {
    const r = priced(resolve([b, list('L', { targets, prices: { v1: 900 } })], [], c));
    expect([r.unitPrice, r.source]).toEqual([900, { kind, listId: 'L' }]);
  });

  it.each([
    ['a parent that does not pass lists down', [company('parent', false)], { ancestors: ['parent'] }],
    ['a child company', [company('child', true)], { ancestors: ['parent'] }],
    ['a group the company is not in', [group('g3')], { groupIds: ['g1', 'g2'] }],
    ['another channel', [{ type: 'channel', channel: 'edi' } as const], {}],
  ])('ignores a list targeting %s', (_label, targets, c) => {
    expect(priced(resolve([b, list('L', { targets, prices: { v1: 900 } })], [], c)).source.listId).toBe('BASE');
  });

  it('gives a customer in two groups the best of both groups\' prices', () => {
    const lists = [b, list('G1', { targets: [group('g1')], prices: { v1: 950 } }), list('G2', { targets: [group('g2')], prices: { v1: 920 } })];
    expect(priced(resolve(lists, [], { groupIds: ['g1', 'g2'] })).source.listId).toBe('G2');
    expect(priced(resolve(lists, [], { groupIds: ['g2', 'g1'] })).source.listId).toBe('G2');
  });
});

describe('strategies', () => {
  const contract: ContractPrice = { companyId: 'acme', variantId: 'v1', currency: 'PKR', unitPrice: 1020, reference: 'C-17', validTo: D('2027-06-30') };
  const lists = [
    base({ v1: 1200 }),
    list('CO', { targets: [company('acme')], prices: { v1: 1150 } }),
    list('G', { targets: [group('trade')], prices: { v1: 990 } }),
    list('ALL', { prices: { v1: 1100 } }),
  ];
  const c = { groupIds: ['trade'] };

  it('lowest: the cheapest candidate wins, and every loser says why', () => {
    const r = priced(resolve(lists, [contract], { ...c, strategy: 'lowest' }));
    expect([r.unitPrice, r.source]).toEqual([990, { kind: 'group', listId: 'G' }]);
    expect(reasonOf(r, 'contract C-17')).toBe('lost to list G: 10.20 > 9.90');
    expect(reasonOf(r, 'list G')).toBe('lowest price of 5 candidates');
    expect(r.basePrice).toBe(1200);
  });

  it('priority: a contract beats every list whatever the price', () => {
    const r = priced(resolve(lists, [contract], { ...c, strategy: 'priority' }));
    expect([r.unitPrice, r.source]).toEqual([1020, { kind: 'contract', listId: null, contractRef: 'C-17' }]);
    expect(reasonOf(r, 'list G')).toBe('lost to contract C-17: a contract price comes before a group list under the priority strategy');
  });

  it('priority: a company list beats a cheaper group list; a group list beats the base', () => {
    expect(priced(resolve(lists, [], { ...c, strategy: 'priority' })).source.listId).toBe('CO');
    expect(priced(resolve([lists[0]!, lists[2]!], [], { ...c, strategy: 'priority' })).source.listId).toBe('G');
  });

  it('priority: among group lists the higher priority wins; the first that prices the variant wins', () => {
    const ls = [
      base({ v1: 1200 }),
      list('G-LOW', { priority: 1, targets: [group('a')], prices: { v1: 900 } }),
      list('G-HIGH', { priority: 5, targets: [group('b')], prices: { v1: 1000 } }),
      list('G-TOP', { priority: 9, targets: [group('b')], prices: { v2: 1 } }),
    ];
    const r = priced(resolve(ls, [], { groupIds: ['a', 'b'], strategy: 'priority' }));
    expect(r.source.listId).toBe('G-HIGH');
    expect(reasonOf(r, 'list G-TOP')).toBe('list G-TOP has no price for this variant');
    expect(reasonOf(r, 'list G-LOW')).toBe('lost to list G-HIGH: priority 5 > 1');
  });

  it('the expired contract no longer applies, and the trace says since when', () => {
    const expired = { ...contract, validTo: NOW };
    const r = priced(resolve(lists, [expired], { ...c, strategy: 'priority' }));
    expect(r.source.listId).toBe('CO');
    expect(reasonOf(r, 'contract C-17')).toBe('contract C-17 expired: valid to 2026-11-27');
  });

  it('a contract belongs to its company only, not to its subsidiaries', () => {
    const r = priced(resolve(lists, [contract], { companyId: 'acme-north', ancestors: ['acme'], strategy: 'priority' }));
    expect(r.source.kind).not.toBe('contract');
  });

  it('contract tiers apply', () => {
    const tiered = { ...contract, tiers: [{ minQty: 50, unitPrice: 700 }] };
    const r = priced(resolve(lists, [tiered], { strategy: 'priority' }, 60));
    expect([r.unitPrice, r.tier, r.source.kind]).toEqual([700, { minQty: 50 }, 'contract']);
  });
});

describe('ties under the lowest strategy go to the more specific candidate', () => {
  const contract: ContractPrice = { companyId: 'acme', variantId: 'v1', currency: 'PKR', unitPrice: 900, reference: 'C-1', validTo: D('2030-01-01') };
  it.each([
    ['contract over company list', [list('CO', { targets: [company('acme')], prices: { v1: 900 } })], [contract], {}, 'contract'],
    ['company over inherited', [list('CO', { targets: [company('acme')], prices: { v1: 900 } }), list('P', { targets: [company('parent', true)], prices: { v1: 900 } })], [], { ancestors: ['parent'] }, 'company'],
    ['inherited over group', [list('P', { targets: [company('parent', true)], prices: { v1: 900 } }), list('G', { targets: [group('g')], prices: { v1: 900 } })], [], { ancestors: ['parent'], groupIds: ['g'] }, 'inherited'],
    ['group over channel', [list('G', { targets: [group('g')], prices: { v1: 900 } }), list('CH', { targets: [{ type: 'channel', channel: 'web' }], prices: { v1: 900 } })], [], { groupIds: ['g'] }, 'group'],
    ['channel over everyone', [list('CH', { targets: [{ type: 'channel', channel: 'web' }], prices: { v1: 900 } }), list('ALL', { prices: { v1: 900 } })], [], {}, 'channel'],
    ['everyone over base', [list('ALL', { prices: { v1: 900 } })], [], {}, 'everyone'],
  ] as const)('%s', (_label, lists, contracts, c, kind) => {
    const r = priced(resolve([base({ v1: 900 }), ...lists], [...contracts], c));
    expect(r.source.kind).toBe(kind);
    expect(r.trace.filter((s) => !s.won && s.considered).every((s) => s.reason.includes('on a tie at 9.00'))).toBe(true);
  });

  it('same specificity: the higher priority wins, then the nearer ancestor before priority', () => {
    const ls = [
      base({ v1: 1000 }),
      list('A', { priority: 1, targets: [group('g')], prices: { v1: 900 } }),
      list('B', { priority: 3, targets: [group('g')], prices: { v1: 900 } }),
    ];
    const r = priced(resolve(ls, [], { groupIds: ['g'] }));
    expect(r.source.listId).toBe('B');
    expect(reasonOf(r, 'list A')).toBe('lost to list B on a tie at 9.00: priority 3 > 1');
    const inh = [
      base({ v1: 1000 }),
      list('ROOT', { priority: 9, targets: [company('root', true)], prices: { v1: 900 } }),
      list('PARENT', { priority: 0, targets: [company('parent', true)], prices: { v1: 900 } }),
    ];
    expect(priced(resolve(inh, [], { ancestors: ['parent', 'root'] })).source.listId).toBe('PARENT');
  });
});

describe('derived lists', () => {
  const cost = base({ v1: [1999, [[100, 1799]]], v2: 5000 });
  const derived = (over: Partial<NonNullable<PriceList['derived']>> = {}, extra: Parameters<typeof list>[1] = {}): PriceList => list('D', {
    kind: 'derived', targets: [group('g')], ...extra,
    derived: { baseListId: 'BASE', adjustment: { type: 'percent', value: 10 }, rounding: { type: 'ending', ending: 99 }, ...over },
  });

  it.each([
    ['10 % off, ending .99', {}, 1, 1799, null],
    ['10 % off the base tier too (1619.1 → 15.99, the nearest .99)', {}, 100, 1599, 100],
    ['10 % off, nearest 0.05', { rounding: { type: 'nearest', step: 5 } }, 1, 1800, null],
    ['2.00 off, no rounding', { adjustment: { type: 'amount', value: 200 }, rounding: { type: 'none' } }, 1, 1799, null],
  ] as const)('%s', (_label, over, qty, unit, tierMin) => {
    const r = priced(resolve([cost, derived(over)], [], { groupIds: ['g'], strategy: 'priority' }, qty));
    expect([r.unitPrice, r.source.listId, r.tier?.minQty ?? null]).toEqual([unit, 'D', tierMin]);
  });

  it('covers only its scope: a variant of another brand falls through to the base list', () => {
    const d = derived({ scope: { brandIds: ['makita'] } });
    const r = priced(resolve([cost, d], [], { groupIds: ['g'], strategy: 'priority' }));
    expect(r.source.listId).toBe('BASE');
    expect(reasonOf(r, 'list D')).toBe('list D does not cover this variant: not of its brands');
  });

  it('scope by category matches the variant\'s ancestor categories, and by tag', () => {
    const r1 = priced(resolve([cost, derived({ scope: { categoryIds: ['hardware'] } })], [], { groupIds: ['g'] }));
    const r2 = priced(resolve([cost, derived({ scope: { tags: ['sale'], brandIds: ['bosch'] } })], [], { groupIds: ['g'] }));
    expect([r1.source.listId, r2.source.listId]).toEqual(['D', 'D']);
  });

  it('an explicit entry on a derived list overrides the derivation', () => {
    const r = priced(resolve([cost, derived({}, { prices: { v1: 1500 } })], [], { groupIds: ['g'] }));
    expect([r.unitPrice, r.source.listId]).toEqual([1500, 'D']);
  });

  it('derives from a derived list, and from a draft list (the base is a source of numbers only)', () => {
    const draftCost = list('COST', { status: 'draft', targets: [], prices: { v1: 1000 } });
    const mid = list('MID', { kind: 'derived', targets: [], derived: { baseListId: 'COST', adjustment: { type: 'percent', value: -50 }, rounding: { type: 'none' } } });
    const top = list('TOP', { kind: 'derived', targets: [group('g')], derived: { baseListId: 'MID', adjustment: { type: 'amount', value: 100 }, rounding: { type: 'none' } } });
    expect(priced(resolve([base({ v1: 2000 }), draftCost, mid, top], [], { groupIds: ['g'] })).unitPrice).toBe(1400);
  });

  it('a circular derivation prices nothing instead of looping', () => {
    const a = list('A', { kind: 'derived', targets: [group('g')], derived: { baseListId: 'B', adjustment: { type: 'percent', value: 1 }, rounding: { type: 'none' } } });
    const b = list('B', { kind: 'derived', targets: [], derived: { baseListId: 'A', adjustment: { type: 'percent', value: 1 }, rounding: { type: 'none' } } });
    const r = resolve([base({ v1: 1000 }), a, b], [], { groupIds: ['g'] });
    expect(priced(r).source.listId).toBe('BASE');
    expect(reasonOf(r, 'list A')).toMatch(/no price for this variant|circular/);
  });
});

describe('quantity rules on the winning entry', () => {
  const ruled = (qtyRules: PriceEntry['qtyRules']): PriceList[] => [{ ...base({}), entries: [{ variantId: 'v1', unitPrice: 100, tiers: [], qtyRules }] }];
  it.each([
    [{ min: 12, increment: 6 }, 6, ['BELOW_MIN']],
    [{ min: 12, increment: 6 }, 12, []],
    [{ min: 12, increment: 6 }, 13, ['NOT_INCREMENT']],
    [{ max: 100, increment: 10 }, 110, ['ABOVE_MAX']],
    [{ min: 10, max: 20, increment: 10 }, 25, ['ABOVE_MAX', 'NOT_INCREMENT']],
  ] as const)('%j at quantity %i → %j', (rules, qty, codes) => {
    expect(priced(resolve(ruled(rules), [], {}, qty)).qtyRuleViolations.map((v) => v.code)).toEqual(codes);
  });
});

describe('nothing to price', () => {
  it('answers unpriced with a trace instead of throwing', () => {
    const r = resolve([base({ v2: 100 })], [], {});
    expect(r.priced).toBe(false);
    expect(r.trace.map((s) => s.reason)).toEqual(['list BASE has no price for this variant']);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses quantity %s', (q) => {
    expect(() => resolve([base({ v1: 100 })], [], {}, q)).toThrow(RangeError);
  });
});
