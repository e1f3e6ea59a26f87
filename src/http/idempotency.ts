import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import { actorKey } from './context.ts';

const HEADER = 'idempotency-key';
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actorKey: string; key: string };
  }
}

/**
 * Stripe's semantics for creating POSTs: the first request with a key claims it and its response is
 * stored; a retry with the same key and body gets the stored response (with `Idempotent-Replayed`);
 * the same key with another body is a 422; a retry while the first is still running is a 409.
 * A 5xx releases the key so the client can retry. Keys are scoped to the actor.
 */
export function registerIdempotency(app: FastifyInstance, database: Database): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY_RE.test(key)) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1–255 printable ASCII characters', 'Idempotency-Key');
    const who = actorKey(request.actor);
    const path = request.url.split('?')[0] ?? request.url;
    const hash = createHash('sha256').update(`${request.method} ${path}\n`).update(JSON.stringify(request.body ?? null)).digest('hex');
    const claimed = await database.query(
      `insert into idempotency_keys (actor_key, key, method, path, request_hash) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning key`,
      [who, key, request.method, path, hash],
    );
    if (claimed.length) {
      request.idempotency = { actorKey: who, key };
      return;
    }
    const [prior] = await database.query<{ request_hash: string; status_code: number | null; response_body: string | null }>(
      'select request_hash, status_code, response_body from idempotency_keys where actor_key = $1 and key = $2',
      [who, key],
    );
    if (!prior) throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'Retry in a moment', 'Idempotency-Key');
    if (prior.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', undefined, 'Idempotency-Key');
    if (prior.status_code === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'The first request with this key has not finished; retry shortly', 'Idempotency-Key');
    reply.header('idempotent-replayed', 'true');
    // A string with a JSON content type is sent as it is: the replay's body is the first response's, byte for byte.
    return reply.status(prior.status_code).type(prior.status_code >= 400 ? 'application/problem+json' : 'application/json').send(prior.response_body ?? undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await database.query('delete from idempotency_keys where actor_key = $1 and key = $2', [claim.actorKey, claim.key]);
      return payload;
    }
    // The body as the serialiser wrote it (a string; an empty body is stored as null).
    const text = typeof payload === 'string' && payload.length ? payload : null;
    await database.query('update idempotency_keys set status_code = $3, response_body = $4 where actor_key = $1 and key = $2', [claim.actorKey, claim.key, reply.statusCode, text]);
    return payload;
  });
}
