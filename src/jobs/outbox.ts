import { is, sql, SQL } from 'drizzle-orm';
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

/** A consumer that takes one event at a time. */
export type OutboxHandler = (ctx: Ctx, event: OutboxEvent) => Promise<void>;

/**
 * A consumer that takes the events of one claim together (up to ten), so it can do for all of them
 * what it would do per event once — one read of the catalog, one insert, one re-evaluation. The
 * contract the dispatcher keeps:
 * - `batch` gets, in creation order, every claimed event of every type the SAME object is
 *   registered for (types are not regrouped: `invoice.overdue` then `invoice.paid` stay in that
 *   order), minus those it already succeeded for on an earlier attempt (`done_handlers`).
 * - It runs at the point of its first pending event in the claim (before per-event consumers of
 *   later events), in the claiming transaction, inside one savepoint.
 * - It must give the same result as calling it once per event in that order; its events count as
 *   delivered to it only if it returns — except those it names in `failed` (event id → error): it
 *   has undone its own writes for them (for work that cannot be rolled back, such as an email
 *   already sent for the others), and they are retried later like any failure, alone.
 * - If it throws, its savepoint is rolled back and its events are retried one at a time, each in
 *   its own savepoint (`batch(ctx, [event])`): the bad event fails alone and is retried with the
 *   usual back-off (and dead-lettered after `maxAttempts`), the others are delivered now. A retried
 *   event can thus reach the consumer after later ones, as with per-event consumers.
 */
export interface OutboxBatchConsumer {
  readonly batch: (ctx: Ctx, events: readonly OutboxEvent[]) => Promise<void | OutboxBatchResult>;
}

/** What a batch consumer may answer: the events it could not handle (their own writes undone). */
export interface OutboxBatchResult {
  readonly failed: ReadonlyMap<string, unknown>;
}

/** Either form; an object with `batch` is a batch consumer even if it can also be called per event. */
export type OutboxConsumer = OutboxHandler | OutboxBatchConsumer;

/**
 * Consumers by event type. A consumer runs in the claiming transaction, inside its own savepoint;
 * it is identified by its position in the type's list (`done_handlers`), so new consumers are
 * appended at the end. A batch consumer is one object registered under each type it takes.
 */
export type OutboxHandlers = Readonly<Record<string, readonly OutboxConsumer[]>>;

const isBatch = (c: OutboxConsumer): c is OutboxBatchConsumer => typeof (c as Partial<OutboxBatchConsumer>).batch === 'function';

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
  await ctx.db.execute(outboxInsertSql(ctx, events));
}

/**
 * The INSERT appendOutbox runs (at least one event), for a caller that sends it as part of a larger
 * statement (`writeTogether`). A payload given as SQL is used as the jsonb expression it is: for a
 * value only that statement knows, such as an order number it draws from a sequence.
 */
export function outboxInsertSql(ctx: Ctx, events: readonly NewOutboxEvent[]): SQL {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const payload = (p: unknown) => (is(p, SQL) ? p : sql`${JSON.stringify(p)}::jsonb`);
  const rows = events.map((e) => sql`(${newMonotonicId('event', now.getTime())}, ${e.type}, ${e.aggregateId}, ${payload(e.payload)}, ${at}::timestamptz)`);
  return sql`insert into outbox_events (id, type, aggregate_id, payload, created_at) values ${sql.join(rows, sql`, `)}`;
}

/** Events claimed per transaction, and at most per dispatch pass. */
const CLAIM = 10;
const PASS = 50;

/**
 * Delivers committed outbox events to in-process consumers, at least once and in creation order.
 * Events are claimed in small batches with `for update skip locked`, so several processes can
 * dispatch side by side; their handlers run in the claiming transaction, so their writes and the
 * "dispatched" marks commit together. Each consumer runs in a savepoint — a per-event handler once
 * per event, a batch consumer once for all its events of the claim (see OutboxBatchConsumer): one
 * that fails rolls back alone, the others' work commits and is remembered, and only the failed ones
 * run again — after a back-off that doubles per attempt — until the event is set aside after
 * `maxAttempts` (a dead letter).
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
        const states = claimed.map((row) => ({
          row,
          event: { id: row.id, type: row.type, aggregateId: row.aggregate_id, payload: row.payload } satisfies OutboxEvent,
          done: new Set(row.done_handlers),
          failure: null as { err: unknown } | null,
        }));
        type State = (typeof states)[number];
        // A consumer's work in a savepoint of its own: on failure only that work is rolled back.
        const attempt = async (fn: () => Promise<void>): Promise<{ err: unknown } | null> => {
          await tx.db.execute(sql`savepoint outbox_consumer`);
          try {
            await fn();
            await tx.db.execute(sql`release savepoint outbox_consumer`);
            return null;
          } catch (err) {
            await tx.db.execute(sql`rollback to savepoint outbox_consumer`);
            return { err };
          }
        };
        // Each batch consumer's pending events, in claim (creation) order, whatever their type.
        const batches = new Map<OutboxBatchConsumer, { state: State; index: number }[]>();
        for (const state of states) {
          for (const [index, c] of (handlers[state.row.type] ?? []).entries()) {
            if (!isBatch(c) || state.done.has(index)) continue;
            const list = batches.get(c);
            if (list) list.push({ state, index });
            else batches.set(c, [{ state, index }]);
          }
        }
        // The events a batch call settled: done, or failed where the consumer named them.
        const settle = (items: readonly { state: State; index: number }[], result: void | OutboxBatchResult) => {
          for (const i of items) {
            const failed = result?.failed.get(i.state.row.id);
            if (result?.failed.has(i.state.row.id)) i.state.failure ??= { err: failed };
            else i.state.done.add(i.index);
          }
        };
        const runBatch = async (c: OutboxBatchConsumer, items: readonly { state: State; index: number }[]) => {
          let result: void | OutboxBatchResult = undefined;
          if (items.length > 1) {
            const failed = await attempt(async () => {
              result = await c.batch(tx, items.map((i) => i.state.event));
            });
            if (!failed) return settle(items, result);
            ctx.log.warn({ err: failed.err, eventIds: items.map((i) => i.state.row.id) }, 'outbox batch consumer failed; delivering its events one at a time');
          }
          for (const i of items) {
            const failed = await attempt(async () => {
              result = await c.batch(tx, [i.state.event]);
            });
            if (failed) i.state.failure ??= failed;
            else settle([i], result);
          }
        };
        const ran = new Set<OutboxBatchConsumer>();
        for (const state of states) {
          for (const [index, c] of (handlers[state.row.type] ?? []).entries()) {
            if (state.done.has(index)) continue;
            if (isBatch(c)) {
              // At its first pending event a batch consumer takes all of them; later ones are settled.
              if (!ran.has(c)) {
                ran.add(c);
                await runBatch(c, batches.get(c) ?? []);
              }
              continue;
            }
            const failed = await attempt(() => c(tx, state.event));
            if (failed) state.failure ??= failed;
            else state.done.add(index);
          }
        }
        const delivered: string[] = [];
        for (const { row, done, failure } of states) {
          if (failure === null) {
            delivered.push(row.id);
            continue;
          }
          const err = failure.err;
          const message = ((err as Error | undefined)?.message ?? String(err)).slice(0, 2000);
          const attempts = (await tx.db.execute(
            sql`update outbox_events set attempts = attempts + 1, last_error = ${message}, done_handlers = ${sql.raw(`'{${[...done].join(',')}}'::integer[]`)},
                  next_attempt_at = now() + make_interval(secs => ${retryBaseMs / 1000} * power(2, attempts))
                where id = ${row.id} returning attempts`,
          )) as unknown as { rows: { attempts: number }[] };
          ctx.log.error({ err, eventId: row.id, type: row.type, attempt: attempts.rows[0]?.attempts }, 'outbox consumer failed; will retry');
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
      seen += r.claimed;
      handled += r.done;
      // A short claim took every event that was due and not held by another dispatcher: asking
      // again would cost a begin/claim/commit that finds nothing (the next tick looks anyway).
      if (r.claimed < CLAIM) break;
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
