import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestDatabase } from './harness.ts';
import type { Database } from '../src/db/client.ts';
import { registerErrorHandler } from '../src/http/problem.ts';
import { registerIdempotency } from '../src/http/idempotency.ts';
import { ANONYMOUS } from '../src/http/context.ts';
import { unique } from './helpers/unique.ts';

/** The Idempotency-Key mechanism on its own, in front of a counting route that can be slowed or failed. */
describe('Idempotency-Key on creating POSTs', () => {
  let app: FastifyInstance;
  let database: Database;
  let drop: () => Promise<void>;
  let created = 0;
  let failNext = false;

  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
    app = Fastify();
    app.decorateRequest('actor', null as unknown as never);
    app.addHook('onRequest', async (req) => {
      req.actor = ANONYMOUS;
    });
    registerErrorHandler(app);
    registerIdempotency(app, database);
    app.post('/things', async (req, reply) => {
      const body = req.body as { name: string; slow?: boolean };
      if (body.slow) await new Promise((r) => setTimeout(r, 150));
      if (failNext) {
        failNext = false;
        throw new Error('boom');
      }
      created += 1;
      return reply.status(201).send({ id: `thing_${created}`, name: body.name });
    });
    app.post('/notes', async (req, reply) => {
      created += 1;
      return reply.status(201).type('text/plain').send(`note ${created}: {${(req.body as { text: string }).text}`);
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const post = (key: string | undefined, body: object) =>
    app.inject({ method: 'POST', url: '/things', headers: key ? { 'idempotency-key': key } : {}, payload: body });

  it('replays the stored response for the same key and body, without running the handler again', async () => {
    const first = await post('k-1', { name: 'a' });
    const again = await post('k-1', { name: 'a' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(created).toBe(1);
  });

  it('answers 422 when the key is reused with a different body', async () => {
    await post('k-2', { name: 'a' });
    const res = await post('k-2', { name: 'b' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
  });

  it('creates exactly one resource when the same key is retried concurrently', async () => {
    const before = created;
    const key = unique('k-3');
    const results = await Promise.all(Array.from({ length: 20 }, () => post(key, { name: 'c', slow: true })));
    expect(created - before).toBe(1);
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
  });

  it('releases the key after a server error so the client can retry', async () => {
    failNext = true;
    const key = unique('k-4');
    const failed = await post(key, { name: 'd' });
    expect(failed.statusCode).toBe(500);
    const retried = await post(key, { name: 'd' });
    expect(retried.statusCode).toBe(201);
  });

  it('rejects a malformed key with a problem naming the header', async () => {
    const res = await post('x'.repeat(300), { name: 'e' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'Idempotency-Key' });
  });

  it('does nothing without a key', async () => {
    const before = created;
    await post(undefined, { name: 'f' });
    await post(undefined, { name: 'f' });
    expect(created - before).toBe(2);
  });

  it('replays byte for byte: a JSON answer and a text answer that is not JSON', async () => {
    const key = unique('k-5');
    const body = { name: 'ünïcode "quoted" \\ \u2028', nested: [1, 2.5, null, { a: true }] };
    const first = await post(key, body);
    const again = await post(key, body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);

    const note = unique('k-6');
    const send = () => app.inject({ method: 'POST', url: '/notes', headers: { 'idempotency-key': note }, payload: { text: 'not json' } });
    const made = await send();
    const before = created;
    const replayed = await send();
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toBe(made.body);
    expect(created).toBe(before);
  });
});
