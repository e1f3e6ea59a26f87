import { describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../../http/context.ts';
import type { Db } from '../../db/client.ts';
import { afterWrite, cachedFacets, cachedListing, invalidateSearchCache, storeFacets } from './search-cache.ts';

const rows = [{ kind: 'total' as const, key: null, label: null, count: 3 }];

/** A stand-in for the database: records the NOTIFYs a write sends. */
function fakeCtx(fail = false) {
  const execute = vi.fn(async () => {
    if (fail) throw new Error('connection lost');
    return [];
  });
  const warn = vi.fn();
  return { ctx: { db: { execute } as unknown as Db, log: { warn } as unknown as Ctx['log'] }, execute, warn };
}

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

  it('is cleared by writes, even failed ones, which notify other processes', async () => {
    const { ctx, execute } = fakeCtx();
    storeFacets('k', rows);
    await afterWrite(ctx, Promise.resolve(1));
    expect(cachedFacets('k')).toBeUndefined();
    storeFacets('k', rows);
    await expect(afterWrite(ctx, Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cachedFacets('k')).toBeUndefined();
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it('a failed notification is logged, not thrown over the write', async () => {
    const { ctx, warn } = fakeCtx(true);
    await expect(afterWrite(ctx, Promise.resolve('saved'))).resolves.toBe('saved');
    expect(warn).toHaveBeenCalledOnce();
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

describe('listing cache', () => {
  const dbA = {} as Db;
  const dbB = {} as Db;

  it('answers a repeated listing without loading it again, per database', async () => {
    invalidateSearchCache();
    const load = vi.fn(async () => ({ n: 1 }));
    const first = await cachedListing(dbA, 'q', load);
    expect(await cachedListing(dbA, 'q', load)).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    await cachedListing(dbB, 'q', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never caches an uncacheable (null-keyed) listing', async () => {
    const load = vi.fn(async () => 1);
    await cachedListing(dbA, null, load);
    await cachedListing(dbA, null, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not store an answer whose read overlapped a write', async () => {
    invalidateSearchCache();
    let finish: (v: string) => void = () => undefined;
    const slow = cachedListing(dbA, 'race', () => new Promise<string>((resolve) => (finish = resolve)));
    invalidateSearchCache(); // a write commits while the read is in flight
    finish('before the write');
    await expect(slow).resolves.toBe('before the write');
    await expect(cachedListing(dbA, 'race', async () => 'after the write')).resolves.toBe('after the write');
  });
});
