import { describe, expect, it } from 'vitest';
import { afterWrite, cachedFacets, invalidateSearchCache, storeFacets } from './search-cache.ts';

const rows = [{ kind: 'total' as const, key: null, label: null, count: 3 }];

describe('facet cache', () => {
  it.each([
    [0, true],
    [29_999, true],
    [30_001, false],
  ])('an entry read %i ms after storing is a hit: %s', (age, hit) => {
    invalidateSearchCache();
    storeFacets('k', rows, 1_000);
    expect(cachedFacets('k', 1_000 + age) !== undefined).toBe(hit);
  });

  it('is cleared by writes, even failed ones', async () => {
    storeFacets('k', rows);
    await afterWrite(Promise.resolve(1));
    expect(cachedFacets('k')).toBeUndefined();
    storeFacets('k', rows);
    await expect(afterWrite(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cachedFacets('k')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond 500', () => {
    invalidateSearchCache();
    for (let i = 0; i < 500; i++) storeFacets(`k${i}`, rows);
    expect(cachedFacets('k0')).toBeDefined(); // touched: now the most recent
    storeFacets('k500', rows);
    expect(cachedFacets('k1')).toBeUndefined();
    expect(cachedFacets('k0')).toBeDefined();
    expect(cachedFacets('k500')).toBeDefined();
  });
});
