import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limit.ts';

describe('sliding-window limiter', () => {
  it('allows max hits in the window and refuses the next with the wait until the oldest expires', () => {
    const l = new SlidingWindowLimiter(3, 60_000);
    expect(l.hit('ip', 0).allowed).toBe(true);
    expect(l.hit('ip', 10_000).allowed).toBe(true);
    expect(l.hit('ip', 20_000).allowed).toBe(true);
    expect(l.hit('ip', 30_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    // The first hit leaves the window at 60 s: one slot frees up.
    expect(l.hit('ip', 60_001).allowed).toBe(true);
    expect(l.hit('ip', 60_002).allowed).toBe(false);
  });

  it('keeps keys apart', () => {
    const l = new SlidingWindowLimiter(1, 1000);
    expect(l.hit('a', 0).allowed).toBe(true);
    expect(l.hit('b', 0).allowed).toBe(true);
    expect(l.hit('a', 1).allowed).toBe(false);
  });

  it('does not count refused hits, so a client that backs off gets back in', () => {
    const l = new SlidingWindowLimiter(2, 1000);
    l.hit('k', 0);
    l.hit('k', 500);
    for (let t = 600; t < 1000; t += 50) expect(l.hit('k', t).allowed).toBe(false);
    expect(l.hit('k', 1001).allowed).toBe(true);
  });
});
