import { describe, expect, it } from 'vitest';
import { validateQuantityRules } from './quantity-rules.ts';
import { validateContractPrice, validateDerivations, validatePriceList } from './validate.ts';
import type { PriceList } from './types.ts';

describe('quantity rules as list data', () => {
  it.each([
    [{ min: 12, max: 120, increment: 6 }, []],
    [{ min: 1 }, []],
    [{ increment: 6 }, []],
    [{ min: 10, increment: 6 }, ['qtyRules.min']],
    [{ max: 100, increment: 6 }, ['qtyRules.max']],
    [{ min: 20, max: 10 }, ['qtyRules.max']],
    [{ min: 0 }, ['qtyRules.min']],
    [{ increment: 1.5 }, ['qtyRules.increment']],
    [{ min: -6, increment: 6 }, ['qtyRules.min']],
  ])('%j → problems at %j', (rules, fields) => {
    expect(validateQuantityRules(rules).map((p) => p.field)).toEqual(fields);
  });

  it('says which multiple is missing, in words an admin understands', () => {
    expect(validateQuantityRules({ min: 10, increment: 6 })[0]!.message).toBe('min 10 is not a multiple of the increment 6');
  });
});

const base: PriceList = {
  id: 'B', name: 'Base', currency: 'PKR', status: 'active', priority: 0, kind: 'base', targets: [],
  entries: [{ variantId: 'v1', unitPrice: 1000, tiers: [{ minQty: 10, unitPrice: 900 }] }],
};

describe('price list data', () => {
  it('accepts a clean list', () => {
    expect(validatePriceList(base)).toEqual([]);
  });

  it.each<[string, Partial<PriceList>, string]>([
    ['a lower-case currency', { currency: 'pkr' }, 'currency'],
    ['a window that ends before it starts', { validFrom: new Date('2027-01-01'), validTo: new Date('2026-01-01') }, 'validTo'],
    ['a standard list with no targets', { kind: 'standard' }, 'targets'],
    ['a fractional price', { entries: [{ variantId: 'v1', unitPrice: 10.5, tiers: [] }] }, 'entries[0].unitPrice'],
    ['two tiers at the same quantity', { entries: [{ variantId: 'v1', unitPrice: 10, tiers: [{ minQty: 5, unitPrice: 9 }, { minQty: 5, unitPrice: 8 }] }] }, 'entries[0].tiers[1].minQty'],
    ['a tier from zero', { entries: [{ variantId: 'v1', unitPrice: 10, tiers: [{ minQty: 0, unitPrice: 9 }] }] }, 'entries[0].tiers[0].minQty'],
    ['a variant priced twice', { entries: [{ variantId: 'v1', unitPrice: 10, tiers: [] }, { variantId: 'v1', unitPrice: 11, tiers: [] }] }, 'entries[1].variantId'],
    ['bad quantity rules on an entry', { entries: [{ variantId: 'v1', unitPrice: 10, tiers: [], qtyRules: { min: 5, increment: 2 } }] }, 'entries[0].qtyRules.min'],
    ['a derived kind without a rule', { kind: 'derived', targets: [{ type: 'everyone' }] }, 'derived'],
    ['percent off with three decimals', { kind: 'derived', targets: [{ type: 'everyone' }], derived: { baseListId: 'X', adjustment: { type: 'percent', value: 12.345 }, rounding: { type: 'none' } } }, 'derived.adjustment.value'],
    ['more than 100 % off', { kind: 'derived', targets: [{ type: 'everyone' }], derived: { baseListId: 'X', adjustment: { type: 'percent', value: 120 }, rounding: { type: 'none' } } }, 'derived.adjustment.value'],
    ['a zero rounding step', { kind: 'derived', targets: [{ type: 'everyone' }], derived: { baseListId: 'X', adjustment: { type: 'amount', value: 5 }, rounding: { type: 'nearest', step: 0 } } }, 'derived.rounding.step'],
    ['an ending of 100', { kind: 'derived', targets: [{ type: 'everyone' }], derived: { baseListId: 'X', adjustment: { type: 'amount', value: 5 }, rounding: { type: 'ending', ending: 100 } } }, 'derived.rounding.ending'],
    ['a list derived from itself', { kind: 'derived', targets: [{ type: 'everyone' }], derived: { baseListId: 'B', adjustment: { type: 'amount', value: 5 }, rounding: { type: 'none' } } }, 'derived.baseListId'],
  ])('flags %s', (_label, over, field) => {
    expect(validatePriceList({ ...base, ...over }).map((p) => p.field)).toContain(field);
  });
});

describe('derivations across lists', () => {
  const derived = (id: string, baseListId: string, currency = 'PKR'): PriceList => ({
    id, name: id, currency, status: 'active', priority: 0, kind: 'derived', targets: [{ type: 'everyone' }], entries: [],
    derived: { baseListId, adjustment: { type: 'percent', value: 10 }, rounding: { type: 'none' } },
  });

  it('accepts a chain that ends in a plain list', () => {
    expect(validateDerivations([base, derived('D1', 'B'), derived('D2', 'D1')])).toEqual([]);
  });

  it.each([
    ['a missing base', [derived('D1', 'NOPE')], 'base list NOPE does not exist'],
    ['a base in another currency', [base, derived('D1', 'B', 'USD')], 'base list B is in PKR, not USD'],
    ['a loop', [derived('D1', 'D2'), derived('D2', 'D1')], 'derivation loops: D1 → D2 → D1'],
  ])('flags %s', (_label, lists, message) => {
    expect(validateDerivations(lists).map((p) => p.message)).toContain(message);
  });
});

describe('contract prices', () => {
  const c = { companyId: 'acme', variantId: 'v1', currency: 'PKR', unitPrice: 1020, reference: 'C-17', validTo: new Date('2027-01-01') };
  it('needs a reference and whole minor units', () => {
    expect(validateContractPrice(c)).toEqual([]);
    expect(validateContractPrice({ ...c, reference: ' ', unitPrice: -1 }).map((p) => p.field)).toEqual(['unitPrice', 'reference']);
  });
});
