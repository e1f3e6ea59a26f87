/**
 * A sliding-window limiter kept in process memory: at most `max` hits per key within `windowMs`.
 * Per process is enough for the sign-in brake it serves (several processes each allow `max`,
 * and per-account lockout, stored in the database, holds across all of them).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records a hit at `now`; answers whether it is allowed and, if not, how long until it would be. */
  hit(key: string, now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    if (++this.calls % 1000 === 0) this.sweep(now);
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.max) {
      this.hits.set(key, list);
      return { allowed: false, retryAfterMs: list[0]! + this.windowMs - now };
    }
    list.push(now);
    this.hits.set(key, list);
    return { allowed: true };
  }

  /** Drops keys with no hit inside the window, so memory stays bounded by active clients. */
  private sweep(now: number): void {
    const since = now - this.windowMs;
    for (const [key, list] of this.hits) if (!list.some((t) => t > since)) this.hits.delete(key);
  }
}
