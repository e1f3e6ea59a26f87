import type { Db } from '../../db/client.ts';
import type { LiveNotice } from './shipments-events.ts';

/**
 * The live order pages this process streams to. One LISTEN per process feeds it (see
 * `listenForOrderLive`); a notice goes only to the streams of its order. Streams are bounded per
 * process and per buyer, so a page left open in many tabs — or a client that reconnects in a loop —
 * cannot exhaust the process.
 */
export interface LiveLimits {
  /** Streams this process serves at once. */
  maxStreams: number;
  /** Streams one buyer (user) may hold at once. */
  maxPerUser: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /**
   * A stream is ended after this long; the browser reconnects by itself, and the reconnect passes
   * through sign-in and scoping again, so a revoked session or a removed user stops hearing.
   */
  maxAgeMs: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = { maxStreams: 2000, maxPerUser: 10, heartbeatMs: 20_000, maxAgeMs: 10 * 60_000 };

export type LiveSend = (notice: LiveNotice) => void;

export class LiveHub {
  limits: LiveLimits = { ...DEFAULT_LIVE_LIMITS };
  private readonly byOrder = new Map<string, Set<LiveSend>>();
  private readonly perUser = new Map<string, number>();
  private total = 0;
  private attached = 0;
  private unlisten: Promise<() => Promise<void>> | null = null;

  /** Streams open now (for tests and metrics). */
  get size(): number {
    return this.total;
  }

  /**
   * Registers a stream of `orderId` for `userKey`; returns its unsubscribe, or why it was refused.
   */
  subscribe(orderId: string, userKey: string, send: LiveSend): { ok: true; off: () => void } | { ok: false; reason: 'process' | 'user' } {
    if (this.total >= this.limits.maxStreams) return { ok: false, reason: 'process' };
    const mine = this.perUser.get(userKey) ?? 0;
    if (mine >= this.limits.maxPerUser) return { ok: false, reason: 'user' };
    let set = this.byOrder.get(orderId);
    if (!set) this.byOrder.set(orderId, (set = new Set()));
    set.add(send);
    this.perUser.set(userKey, mine + 1);
    this.total += 1;
    let done = false;
    const off = () => {
      if (done) return;
      done = true;
      set.delete(send);
      if (!set.size) this.byOrder.delete(orderId);
      const left = (this.perUser.get(userKey) ?? 1) - 1;
      if (left > 0) this.perUser.set(userKey, left);
      else this.perUser.delete(userKey);
      this.total -= 1;
    };
    return { ok: true, off };
  }

  /**
   * Starts hearing notices on `channel` (once per hub, however many apps share the database handle);
   * returns the detach, which stops listening when the last app lets go.
   */
  async attach(listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>, channel: string): Promise<() => Promise<void>> {
    this.attached += 1;
    this.unlisten ??= listen(channel, (payload) => this.dispatch(payload));
    await this.unlisten;
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      this.attached -= 1;
      if (this.attached > 0 || !this.unlisten) return;
      const off = this.unlisten;
      this.unlisten = null;
      await (await off)();
    };
  }

  /** Hands a NOTIFY payload to the streams of its order; malformed payloads are dropped. */
  dispatch(payload: string): void {
    let notice: LiveNotice;
    try {
      notice = JSON.parse(payload) as LiveNotice;
    } catch {
      return;
    }
    if (typeof notice?.orderId !== 'string') return;
    for (const send of [...(this.byOrder.get(notice.orderId) ?? [])]) send(notice);
  }
}

// One hub per database handle: several apps (tests) may share a process, each on its own database.
const hubs = new WeakMap<Db, LiveHub>();

/** The hub of a database handle (created on first use). */
export function liveHubFor(db: Db): LiveHub {
  let h = hubs.get(db);
  if (!h) hubs.set(db, (h = new LiveHub()));
  return h;
}

/** Formats one server-sent event. */
export function sseMessage(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
