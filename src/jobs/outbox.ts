import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../http/context.ts';
import { inTx } from '../http/context.ts';

/** An event as a consumer sees it, read back from `outbox_events`. */
export interface OutboxEvent {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
}

/** Consumers by event type. A handler runs in the transaction that marks the event dispatched. */
export type OutboxHandlers = Readonly<Record<string, readonly ((ctx: Ctx, event: OutboxEvent) => Promise<void>)[]>>;

export interface OutboxDispatcherOptions {
  readonly database: Database;
  readonly handlers: OutboxHandlers;
  /** Builds the context handlers run with (no actor: the system acts). */
  readonly ctxFor: (db: Database['db']) => Ctx;
  readonly intervalMs?: number;
  readonly maxAttempts?: number;
}

export interface OutboxDispatcher {
  /** Dispatches everything pending now; resolves with how many events were handled. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 50;

/**
 * Delivers committed outbox events to in-process consumers, at least once and in creation order.
 * Each event is claimed with `for update skip locked`, so several processes can dispatch side by
 * side; its handlers run in the claiming transaction, so their writes and the "dispatched" mark
 * commit together. A failing event is retried on later ticks and set aside after `maxAttempts`.
 */
export function startOutboxDispatcher(opts: OutboxDispatcherOptions, autoStart = true): OutboxDispatcher {
  const { database, handlers } = opts;
  const maxAttempts = opts.maxAttempts ?? 5;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function dispatchOne(): Promise<'done' | 'empty' | 'failed'> {
    const ctx = opts.ctxFor(database.db);
    let claimed: OutboxEvent | null = null;
    try {
      return await inTx(ctx, async (tx) => {
        // Both drivers answer execute() with `{ rows }`.
        const rows = (await tx.db.execute(
          sql`select id, type, aggregate_id, payload from outbox_events
            where dispatched_at is null and attempts < ${maxAttempts}
            order by created_at, id limit 1 for update skip locked`,
        )) as unknown as { rows: { id: string; type: string; aggregate_id: string; payload: Record<string, unknown> }[] };
        const row = rows.rows[0];
        if (!row) return 'empty';
        claimed = { id: row.id, type: row.type, aggregateId: row.aggregate_id, payload: row.payload };
        for (const handle of handlers[row.type] ?? []) await handle(tx, claimed);
        await tx.db.execute(sql`update outbox_events set dispatched_at = now(), attempts = attempts + 1 where id = ${row.id}`);
        return 'done';
      });
    } catch (err) {
      const failed = claimed as OutboxEvent | null;
      if (!failed) throw err;
      const message = (err as Error).message ?? String(err);
      await database.query('update outbox_events set attempts = attempts + 1, last_error = $2 where id = $1', [failed.id, message.slice(0, 2000)]);
      ctx.log.error({ err, eventId: failed.id, type: failed.type }, 'outbox handler failed; will retry');
      return 'failed';
    }
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (let i = 0; i < BATCH && !stopped; i++) {
      const r = await dispatchOne();
      if (r === 'empty') break;
      if (r === 'done') handled += 1;
    }
    return handled;
  }

  const drain = (): Promise<number> => {
    // One pass at a time per process; callers share the pass in flight, then start another.
    const next = (running ?? Promise.resolve(0)).then(() => drainOnce());
    running = next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  };

  const timer = autoStart
    ? setInterval(() => {
        drain().catch((err: unknown) => opts.ctxFor(database.db).log.error({ err }, 'outbox dispatch failed'));
      }, opts.intervalMs ?? 250)
    : null;
  timer?.unref();

  return {
    drain,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
