import { describe, expect, it } from 'vitest';
import { isId, newId, newMonotonicId } from './ids.ts';

describe('ids', () => {
  it('carries the entity prefix and validates by kind', () => {
    const id = newId('company');
    expect(id).toMatch(/^cmp_[0-9a-z]{26}$/);
    expect(isId('company', id)).toBe(true);
    expect(isId('product', id)).toBe(false);
    expect(isId('company', 'cmp_../../etc')).toBe(false);
  });

  it('sorts by creation time, so id is a stable pagination key', () => {
    const a = newId('product', 1_700_000_000_000);
    const b = newId('product', 1_700_000_000_001);
    const c = newId('product', 1_800_000_000_000);
    expect([c, a, b].sort()).toEqual([a, b, c]);
  });

  it('monotonic ids made in the same millisecond sort in the order they were made', () => {
    const ids = Array.from({ length: 200 }, () => newMonotonicId('event', 1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(200);
    const later = newMonotonicId('event', 1_700_000_000_001);
    expect(later > ids[199]!).toBe(true);
    expect(isId('event', later)).toBe(true);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => newId('variant')));
    expect(seen.size).toBe(10_000);
  });
});
