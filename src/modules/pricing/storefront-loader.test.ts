import { describe, expect, it } from 'vitest';
import type { PriceListHeader } from './domain/price-index.ts';
import type { PriceListTarget } from './domain/types.ts';
import { TwoGenerationMap } from '../../lib/two-generation-map.ts';
import { DisplayedPrices, targetKey, type Headers } from './storefront-cache.ts';
import { reachingLists } from './storefront-loader.ts';
import { minimumQuantity, savingPercent } from './storefront-prices.ts';

type Spec = { id: string; kind?: PriceListHeader['kind']; targets?: PriceListTarget[]; base?: string; currency?: string; status?: PriceListHeader['status']; validTo?: Date };

function headers(lists: Spec[]): Headers {
  const map = new Map<string, PriceListHeader>();
  const byTarget = new Map<string, { listId: string; includeDescendants: boolean }[]>();
  const universal: string[] = [];
  for (const l of lists) {
    const header: PriceListHeader = {
      id: l.id, name: l.id, currency: l.currency ?? 'PKR', status: l.status ?? 'active', priority: 0, validTo: l.validTo ?? null, kind: l.kind ?? 'standard', targets: l.targets ?? [],
      derived: l.base ? { baseListId: l.base, adjustment: { type: 'percent', value: 10 }, rounding: { type: 'none' } } : null,
    };
    map.set(l.id, header);
    if (header.kind === 'base') { universal.push(l.id); continue; }
    for (const t of header.targets) {
      const key = targetKey(t);
      if (key === null) universal.push(l.id);
      else byTarget.set(key, [...(byTarget.get(key) ?? []), { listId: l.id, includeDescendants: t.type === 'company' && t.includeDescendants }]);
    }
  }
  return { lists: map, byTarget, universal };
}

describe('reachingLists', () => {
  const h = headers([
    { id: 'base', kind: 'base' },
    { id: 'all', targets: [{ type: 'everyone' }] },
    { id: 'mine', targets: [{ type: 'company', companyId: 'c1', includeDescendants: false }] },
    { id: 'parentAll', targets: [{ type: 'company', companyId: 'p', includeDescendants: true }] },
    { id: 'parentOnly', targets: [{ type: 'company', companyId: 'p', includeDescendants: false }] },
    { id: 'builders', targets: [{ type: 'group', groupId: 'g1' }] },
    { id: 'miners', targets: [{ type: 'group', groupId: 'g2' }] },
    { id: 'src', status: 'draft', targets: [{ type: 'company', companyId: 'other', includeDescendants: false }] },
    { id: 'dollars', currency: 'USD', targets: [{ type: 'everyone' }] },
    { id: 'draft', status: 'draft', targets: [{ type: 'everyone' }] },
    { id: 'expired', validTo: new Date('2020-01-01'), targets: [{ type: 'everyone' }] },
    { id: 'derived', kind: 'derived', base: 'src', targets: [{ type: 'group', groupId: 'g1' }] },
  ]);

  const now = new Date('2026-11-27T12:00:00Z');
  it("reaches a company's usable lists, its groups', ancestors' inherited ones and what derived lists build on (any status)", () => {
    const got = reachingLists(h, { kind: 'company', companyId: 'c1', ancestors: ['p'], groupIds: ['g1'], currency: 'PKR' }, 'PKR', now);
    expect(got.sort()).toEqual(['all', 'base', 'builders', 'derived', 'mine', 'parentAll', 'src']);
  });

  it('gives the public the base lists only', () => {
    expect(reachingLists(h, { kind: 'public' }, 'PKR', now)).toEqual(['base']);
    expect(reachingLists(h, { kind: 'public' }, 'USD', now)).toEqual([]);
  });
});

describe('storefront price helpers', () => {
  it('starts at the minimum, else the increment, else 1', () => {
    expect([minimumQuantity(undefined), minimumQuantity({ increment: 6 }), minimumQuantity({ min: 12, increment: 6 }), minimumQuantity({ max: 5 })]).toEqual([1, 6, 12, 1]);
  });

  it('states the saving percent with one decimal', () => {
    expect([savingPercent(10_000, 8_800), savingPercent(12_000, 10_000), savingPercent(3, 2)]).toEqual([12, 16.7, 33.3]);
  });

  it('TwoGenerationMap keeps recently used keys and forgets the old half', () => {
    const m = new TwoGenerationMap<number>(2);
    m.set('a', 1);
    m.set('b', 2); // young full → becomes old
    expect(m.get('a')).toBe(1); // promoted into the young generation
    m.set('c', 3); // young full again → {a, c} old, b forgotten
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([1, undefined, 3]);
  });

  it('DisplayedPrices keeps the subjects in use and stays within its bound of entries', () => {
    const d = new DisplayedPrices(4);
    const a = d.of('c:a|lowest');
    d.set(a, 'v1', 1);
    d.set(a, 'v2', 2);
    d.set(d.of('c:b|lowest'), 'v1', 3);
    d.set(d.of('c:c|lowest'), 'v1', 4); // 4 entries: the young generation becomes the old one
    expect(d.of('c:a|lowest').get('v2')).toBe(2); // used again: moved back, entries and all
    d.set(d.of('c:d|lowest'), 'v1', 5);
    d.set(d.of('c:e|lowest'), 'v1', 6); // a's 2 + d + e = 4 entries → another turn: b and c are forgotten
    expect([d.of('c:b|lowest').size, d.of('c:c|lowest').size, d.of('c:a|lowest').get('v1')]).toEqual([0, 0, 1]);
  });
});
