import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../http/context.ts';
import { anyText, arrayLiteral } from '../db/sql-arrays.ts';
import { inTx } from '../http/context.ts';
import { newMonotonicId } from '../lib/ids.ts';

/** An event as a consumer sees it, read back from `outbox_events`. */
export interface OutboxEvent {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
}

/**
 * Consumers by event type. A handler runs in the claiming transaction, inside its own savepoint;
 * it is identified by its position in the type's list, so new consumers are appended at the end.
 */
export type OutboxHandlers = Readonly<Record<string, readonly ((ctx: Ctx, event: OutboxEvent) => Promise<void>)[]>>;

export interface OutboxDispatcherOptions {
  readonly database: Database;
  readonly handlers: OutboxHandlers;
  /** Builds the context handlers run with (no actor: the system acts). */
  readonly ctxFor: (db: Database['db']) => Ctx;
  readonly intervalMs?: number;
  readonly maxAttempts?: number;
  /** First retry delay; doubles with each attempt (default 1 s; 0 retries on the next tick). */
  readonly retryBaseMs?: number;
}

export interface OutboxDispatcher {
  /** Dispatches everything pending now; resolves with how many events were handled. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** An event as a module writes it: type, the aggregate it is about, and a JSON payload. */
export interface NewOutboxEvent {
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: unknown;
}

/**
 * Appends events to the outbox on ctx's database or transaction — in the transaction of the change
 * they describe, so they commit or vanish with it. Several events go in one statement. Consumers
 * get events by (created_at, id); the ids are monotonic, so events written in the same millisecond
 * keep the order they were written in.
 */
export async function appendOutbox(ctx: Ctx, events: readonly NewOutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const rows = events.map((e) => sql`(${newMonotonicId('event', now.getTime())}, ${e.type}, ${e.aggregateId}, ${JSON.stringify(e.payload)}::jsonb, ${at}::timestamptz)`);
  await ctx.db.execute(sql`insert into outbox_events (id, type, aggregate_id, payload, created_at) values ${sql.join(rows, sql`, `)}`);
}

/** Events claimed per transaction, and at most per dispatch pass. */
const CLAIM = 10;
const PASS = 50;

/**
 * Delivers committed outbox events to in-process consumers, at least once and in creation order.
 * Events are claimed in small batches with `for update skip locked`, so several processes can
 * dispatch side by side; their handlers run in the claiming transaction, so their writes and the
 * "dispatched" marks commit together. Each handler runs in a savepoint: one that fails rolls back
 * alone, the others' work commits and is remembered, and only the failed ones run again — after a
 * back-off that doubles per attempt — until the event is set aside after `maxAttempts` (a dead letter).
 */
export function startOutboxDispatcher(opts: OutboxDispatcherOptions, autoStart = true): OutboxDispatcher {
  const { database, handlers } = opts;
  const maxAttempts = opts.maxAttempts ?? 12; // with the doubling back-off: about an hour of retries
  const retryBaseMs = opts.retryBaseMs ?? 1_000;
  let running: Promise<number> | null = null;
  let stopped = false;

  type Row = { id: string; type: string; aggregate_id: string; payload: Record<string, unknown>; done_handlers: number[] };

  /**
   * Claims up to CLAIM events in one transaction and runs their consumers there, each in its own
   * savepoint. One transaction per batch rather than per event: under load an order's three events
   * cost one begin/claim/mark/commit between them, and an event nobody consumes costs no statement
   * of its own. Answers how many events were claimed and how many of those were delivered.
   */
  async function dispatchBatch(): Promise<{ claimed: number; done: number }> {
    const ctx = opts.ctxFor(database.db);
    let claimed: Row[] = [];
    try {
      return await inTx(ctx, async (tx) => {
        // Both drivers answer execute() with `{ rows }`.
        claimed = (
          (await tx.db.execute(
            sql`select id, type, aggregate_id, payload, done_handlers from outbox_events
              where dispatched_at is null and attempts < ${maxAttempts} and (next_attempt_at is null or next_attempt_at <= now())
              order by created_at, id limit ${CLAIM} for update skip locked`,
          )) as unknown as { rows: Row[] }
        ).rows;
        const delivered: string[] = [];
        for (const row of claimed) {
          const event: OutboxEvent = { id: row.id, type: row.type, aggregateId: row.aggregate_id, payload: row.payload };
          const done = new Set(row.done_handlers);
          let failure: unknown = null;
          for (const [i, handle] of (handlers[row.type] ?? []).entries()) {
            if (done.has(i)) continue;
            // A failing consumer rolls back only its own work; the others' commits with the event.
            await tx.db.execute(sql`savepoint outbox_consumer`);
            try {
              await handle(tx, event);
              await tx.db.execute(sql`release savepoint outbox_consumer`);
              done.add(i);
            } catch (err) {
              await tx.db.execute(sql`rollback to savepoint outbox_consumer`);
              failure ??= err;
            }
          }
          if (failure === null) {
            delivered.push(row.id);
            continue;
          }
          const message = ((failure as Error).message ?? String(failure)).slice(0, 2000);
          const attempts = (await tx.db.execute(
            sql`update outbox_events set attempts = attempts + 1, last_error = ${message}, done_handlers = ${sql.raw(`'{${[...done].join(',')}}'::integer[]`)},
                  next_attempt_at = now() + make_interval(secs => ${retryBaseMs / 1000} * power(2, attempts))
                where id = ${row.id} returning attempts`,
          )) as unknown as { rows: { attempts: number }[] };
          ctx.log.error({ err: failure, eventId: row.id, type: row.type, attempt: attempts.rows[0]?.attempts }, 'outbox consumer failed; will retry');
        }
        if (delivered.length) {
          await tx.db.execute(sql`update outbox_events set dispatched_at = now(), attempts = attempts + 1 where ${anyText(sql`id`, delivered)}`);
        }
        return { claimed: claimed.length, done: delivered.length };
      });
    } catch (err) {
      // The transaction itself failed (not a consumer): count an attempt on every event it held.
      if (!claimed.length) throw err;
      const message = (err as Error).message ?? String(err);
      await database.query('update outbox_events set attempts = attempts + 1, last_error = $2 where id = any($1::text[])', [arrayLiteral(claimed.map((r) => r.id)), message.slice(0, 2000)]);
      ctx.log.error({ err, eventIds: claimed.map((r) => r.id) }, 'outbox batch failed; will retry');
      return { claimed: claimed.length, done: 0 };
    }
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (let seen = 0; seen < PASS && !stopped; ) {
      const r = await dispatchBatch();
      if (r.claimed === 0) break;
      seen += r.claimed;
      handled += r.done;
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
