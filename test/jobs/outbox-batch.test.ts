import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { inTx } from '../../src/http/context.ts';
import { appendOutbox, startOutboxDispatcher, type OutboxBatchConsumer, type OutboxEvent, type OutboxHandlers } from '../../src/jobs/outbox.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createTestDatabase } from '../harness.ts';
import { unique } from '../helpers/unique.ts';

describe('outbox batch consumers', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
    // What the consumers wrote: only work that committed shows here.
    await database.query('create table if not exists batch_test_writes (consumer text not null, event_id text not null)');
  });
  afterAll(async () => drop());
  beforeEach(async () => {
    await database.query('update outbox_events set dispatched_at = now() where dispatched_at is null');
  });

  /** Appends events (one transaction each, so every one has its own creation time and id) and answers their ids. */
  const append = async (...events: { type: string; ref: string; bad?: boolean }[]): Promise<string[]> => {
    for (const e of events) await inTx(systemCtx(database.db), (tx) => appendOutbox(tx, [{ type: e.type, aggregateId: e.ref, payload: { bad: e.bad ?? false } }]));
    const rows = await database.query<{ id: string; aggregate_id: string }>('select id, aggregate_id from outbox_events where dispatched_at is null order by created_at, id');
    return events.map((e) => rows.find((r) => r.aggregate_id === e.ref)!.id);
  };
  const dispatcher = (handlers: OutboxHandlers, maxAttempts = 5) => startOutboxDispatcher({ database, handlers, ctxFor: (db) => systemCtx(db), maxAttempts, retryBaseMs: 60_000 }, false);
  /** Ends the back-off of every pending event, as if its retry time had come. */
  const due = () => database.query('update outbox_events set next_attempt_at = null where dispatched_at is null');
  const refs = (events: readonly OutboxEvent[]) => events.map((e) => e.aggregateId);
  const written = async (consumer: string) => (await database.query<{ event_id: string }>('select event_id from batch_test_writes where consumer = $1 order by event_id', [consumer])).map((r) => r.event_id);
  const write = (consumer: string) => async (ctx: Parameters<OutboxBatchConsumer['batch']>[0], e: OutboxEvent) => {
    await ctx.db.execute(sql`insert into batch_test_writes (consumer, event_id) values (${consumer}, ${e.aggregateId})`);
  };
  const state = async (ids: string[]) =>
    database.query<{ id: string; attempts: number; dispatched: boolean; done_handlers: number[]; last_error: string | null }>(
      'select id, attempts, dispatched_at is not null as dispatched, done_handlers, last_error from outbox_events where id = any($1::text[]) order by created_at, id',
      [`{${ids.join(',')}}`],
    );

  it('gives a batch consumer all its events of a claim in one call, in creation order across types', async () => {
    const [a, b] = [unique('test.a', '_'), unique('test.b', '_')];
    const calls: string[][] = [];
    const consumer: OutboxBatchConsumer = {
      batch: async (ctx, events) => {
        calls.push(refs(events));
        for (const e of events) await write('order')(ctx, e);
      },
    };
    const d = dispatcher({ [a]: [consumer], [b]: [consumer] });
    try {
      // invoice.overdue then invoice.paid of one invoice: the consumer must see them in that order.
      await append({ type: a, ref: 'o1' }, { type: b, ref: 'o2' }, { type: a, ref: 'o3' }, { type: b, ref: 'o4' });
      expect(await d.drain()).toBe(4);
      expect(calls).toEqual([['o1', 'o2', 'o3', 'o4']]);
      expect(await written('order')).toEqual(['o1', 'o2', 'o3', 'o4']);
    } finally {
      await d.stop();
    }
  });

  it('falls back to one event at a time when a batch fails: the others are delivered, the bad one is retried and set aside alone', async () => {
    const type = unique('test.fallback', '_');
    const calls: string[][] = [];
    const consumer: OutboxBatchConsumer = {
      batch: async (ctx, events) => {
        calls.push(refs(events));
        for (const e of events) {
          // Written before the failure: the batch's savepoint must take it back.
          await write('fallback')(ctx, e);
          if (e.payload.bad) throw new Error(`cannot take ${e.aggregateId}`);
        }
      },
    };
    const d = dispatcher({ [type]: [consumer] }, 2);
    try {
      const ids = await append({ type, ref: 'f1' }, { type, ref: 'f2', bad: true }, { type, ref: 'f3' });
      expect(await d.drain()).toBe(2);
      expect(calls).toEqual([['f1', 'f2', 'f3'], ['f1'], ['f2'], ['f3']]);
      expect(await written('fallback')).toEqual(['f1', 'f3']);
      expect(await state(ids)).toMatchObject([
        { attempts: 1, dispatched: true },
        { attempts: 1, dispatched: false, last_error: 'cannot take f2', done_handlers: [] },
        { attempts: 1, dispatched: true },
      ]);

      calls.length = 0;
      await d.drain(); // inside the back-off: nothing runs
      await due();
      await d.drain(); // the retry: only the bad event, alone
      await due();
      await d.drain(); // set aside after maxAttempts: nothing runs
      expect(calls).toEqual([['f2']]);
      expect(await written('fallback')).toEqual(['f1', 'f3']);
      expect((await state(ids))[1]).toMatchObject({ attempts: 2, dispatched: false, last_error: 'cannot take f2' });
    } finally {
      await d.stop();
    }
  });

  it('remembers per event which consumers succeeded, so a retry runs only the ones that failed', async () => {
    const type = unique('test.done', '_');
    const batchCalls: string[][] = [];
    const singleCalls: string[] = [];
    let firstAttempt = true;
    const batch: OutboxBatchConsumer = {
      batch: async (ctx, events) => {
        batchCalls.push(refs(events));
        for (const e of events) {
          if (firstAttempt && e.aggregateId === 'd2') throw new Error('batch refuses d2 once');
          await write('batch')(ctx, e);
        }
      },
    };
    const single = async (ctx: Parameters<OutboxBatchConsumer['batch']>[0], e: OutboxEvent) => {
      singleCalls.push(e.aggregateId);
      await write('single')(ctx, e);
      if (firstAttempt && e.aggregateId === 'd1') throw new Error('single refuses d1 once');
    };
    const d = dispatcher({ [type]: [batch, single] });
    try {
      const ids = await append({ type, ref: 'd1' }, { type, ref: 'd2' });
      expect(await d.drain()).toBe(0);
      expect(await state(ids)).toMatchObject([
        { attempts: 1, dispatched: false, done_handlers: [0], last_error: 'single refuses d1 once' },
        { attempts: 1, dispatched: false, done_handlers: [1], last_error: 'batch refuses d2 once' },
      ]);
      firstAttempt = false;
      await due();
      expect(await d.drain()).toBe(2);
      expect(batchCalls).toEqual([['d1', 'd2'], ['d1'], ['d2'], ['d2']]);
      expect(singleCalls).toEqual(['d1', 'd2', 'd1']);
      expect(await written('batch')).toEqual(['d1', 'd2']);
      expect(await written('single')).toEqual(['d1', 'd2']);
      expect(await state(ids)).toMatchObject([
        { attempts: 2, dispatched: true },
        { attempts: 2, dispatched: true },
      ]);
    } finally {
      await d.stop();
    }
  });

  it('delivers to per-event and batch consumers of the same events; the batch runs at its first event', async () => {
    const [y, z] = [unique('test.y', '_'), unique('test.z', '_')];
    const order: string[] = [];
    const batch: OutboxBatchConsumer = { batch: async (_ctx, events) => void order.push(`batch:${refs(events).join(',')}`) };
    const single = async (_ctx: unknown, e: OutboxEvent) => void order.push(`single:${e.aggregateId}`);
    const d = dispatcher({ [y]: [single, batch], [z]: [batch] });
    try {
      const ids = await append({ type: y, ref: 'y1' }, { type: z, ref: 'z1' }, { type: y, ref: 'y2' });
      expect(await d.drain()).toBe(3);
      expect(order).toEqual(['single:y1', 'batch:y1,z1,y2', 'single:y2']);
      expect((await state(ids)).map((r) => r.dispatched)).toEqual([true, true, true]);
    } finally {
      await d.stop();
    }
  });
});
