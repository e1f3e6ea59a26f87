import { describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';

describe('seeded generator', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const seq = (seed: string) => Array.from({ length: 5 }, createRng(seed).next);
    const a = createRng('a');
    const first = Array.from({ length: 5 }, () => a.next());
    const again = createRng('a');
    expect(Array.from({ length: 5 }, () => again.next())).toEqual(first);
    expect(seq('b')).not.toEqual(first);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const r = createRng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('samples distinct items and respects weights roughly', () => {
    const r = createRng('w');
    expect(new Set(r.sample([1, 2, 3, 4, 5], 4)).size).toBe(4);
    let heavy = 0;
    for (let i = 0; i < 4000; i++) if (r.weighted([['x', 9], ['y', 1]] as const) === 'x') heavy++;
    expect(heavy / 4000).toBeGreaterThan(0.85);
    expect(heavy / 4000).toBeLessThan(0.95);
  });

  it('forks into independent but reproducible streams', () => {
    const f1 = createRng('s').fork('catalog').next();
    expect(createRng('s').fork('catalog').next()).toBe(f1);
    expect(createRng('s').fork('accounts').next()).not.toBe(f1);
  });
});
