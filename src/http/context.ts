import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';

/** Who is calling. Permissions are resolved once per request from roles (permission sets). */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'buyer';
      readonly userId: string;
      readonly companyId: string;
      readonly email: string;
      readonly permissions: ReadonlySet<string>;
      readonly sessionId: string;
    }
  | {
      readonly kind: 'staff';
      readonly staffId: string;
      readonly email: string;
      readonly permissions: ReadonlySet<string>;
      readonly sessionId: string;
    }
  | { readonly kind: 'apiKey'; readonly keyId: string; readonly scopes: ReadonlySet<string> };

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/**
 * The request context every service method takes first: who acts, the database handle (a
 * transaction once one is open), the clock and the logger. Repos never open their own transaction.
 */
export interface Ctx {
  readonly actor: Actor;
  readonly db: Db;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
  readonly requestId: string;
  readonly locale: string;
  /**
   * Inside a transaction, the root handle whose process caches (prices) the transaction may use.
   * Caches are bypassed in a transaction by default, since it may have written what they hold; a
   * use case whose transaction writes none of it (checkout) sets this to price from the cache.
   */
  readonly cacheDb?: Db;
}

/** Runs `fn` in a transaction (or joins the one already open on ctx). */
export async function inTx<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if ((ctx as { inTransaction?: boolean }).inTransaction) return fn(ctx);
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db, inTransaction: true } as Ctx));
}

/** A stable key for scoping per-actor data (idempotency keys, rate limits). */
export function actorKey(actor: Actor): string {
  switch (actor.kind) {
    case 'buyer':
      return `usr:${actor.userId}`;
    case 'staff':
      return `stf:${actor.staffId}`;
    case 'apiKey':
      return `key:${actor.keyId}`;
    default:
      return 'anon';
  }
}
