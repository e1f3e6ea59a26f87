import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { apiKeys } from './auth.tables.ts';
import { looksLikeApiKey, newApiKey, sha256 } from './domain/tokens.ts';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

type Row = typeof apiKeys.$inferSelect;
const toApiKey = (r: Row): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

/** Creates a key; the plaintext is in this answer only (the database keeps its SHA-256). */
export async function createApiKey(ctx: Ctx, input: { name: string; scopes: string[] }, createdBy: string | null): Promise<ApiKey & { key: string }> {
  const k = newApiKey();
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({ id: newId('apiKey', ctx.clock.now().getTime()), name: input.name.trim(), prefix: k.prefix, keyHash: k.hash, scopes: [...new Set(input.scopes)], createdBy, createdAt: ctx.clock.now() })
    .returning();
  return { ...toApiKey(row!), key: k.key };
}

export async function listApiKeys(ctx: Ctx, q: { limit?: number; cursor?: string }): Promise<PageResult<ApiKey>> {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor)?.[0];
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(after === undefined ? undefined : gt(apiKeys.id, String(after)))
    .orderBy(asc(apiKeys.id))
    .limit(limit + 1);
  return toPage(rows.map(toApiKey), limit, (r) => [r.id]);
}

/** Revokes a key at once; revoking twice is harmless. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  const rows = isId('apiKey', id) ? await ctx.db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id)) : [];
  if (!rows.length) throw notFound('API key');
  await ctx.db.update(apiKeys).set({ revokedAt: ctx.clock.now() }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

const TOUCH_EVERY_MS = 60_000;

/**
 * The live key a bearer token names, or null. `lastUsedAt` is written at most once a minute per
 * key, so a busy integration does not turn every read into a write.
 */
export async function resolveApiKey(ctx: Ctx, token: string): Promise<{ id: string; scopes: string[] } | null> {
  if (!looksLikeApiKey(token)) return null;
  const [row] = await ctx.db
    .select({ id: apiKeys.id, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(token)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  const now = ctx.clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    const stale = new Date(now.getTime() - TOUCH_EVERY_MS);
    await ctx.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, stale))));
  }
  return { id: row.id, scopes: row.scopes };
}
