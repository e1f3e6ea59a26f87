import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { MethodRow, RateBand, ZoneEntry } from './domain/rates.ts';
import { shippingMethods, shippingMethodZones, shippingRateBands } from './shipping.tables.ts';

/** Queries behind shipping methods; every function runs on the Db it is given (ctx's). */

export type MethodRecord = typeof shippingMethods.$inferSelect;
export type FullMethod = MethodRecord & { zones: ZoneEntry[]; bands: RateBand[] };

async function withParts(db: Db, heads: MethodRecord[]): Promise<FullMethod[]> {
  if (!heads.length) return [];
  const ids = heads.map((h) => h.id);
  const [zones, bands] = await Promise.all([
    db.select().from(shippingMethodZones).where(inArray(shippingMethodZones.methodId, ids)).orderBy(asc(shippingMethodZones.country), asc(shippingMethodZones.region)),
    db.select().from(shippingRateBands).where(inArray(shippingRateBands.methodId, ids)).orderBy(asc(shippingRateBands.maxGrams)),
  ]);
  return heads.map((h) => ({
    ...h,
    zones: zones.filter((z) => z.methodId === h.id).map((z) => ({ country: z.country, region: z.region })),
    bands: bands.filter((b) => b.methodId === h.id).map((b) => ({ maxGrams: b.maxGrams, amount: b.amount })),
  }));
}

/** Active methods in a currency whose zone names the country (the checkout's candidates). */
export async function candidates(db: Db, country: string, currency: string): Promise<MethodRow[]> {
  const heads = await db
    .select()
    .from(shippingMethods)
    .where(and(eq(shippingMethods.active, true), eq(shippingMethods.currency, currency), sql`exists (select 1 from shipping_method_zones z where z.method_id = ${shippingMethods.id} and z.country = ${country})`));
  return withParts(db, heads);
}

export async function findMethod(db: Db, id: string): Promise<FullMethod | null> {
  const heads = await db.select().from(shippingMethods).where(eq(shippingMethods.id, id)).limit(1);
  return (await withParts(db, heads))[0] ?? null;
}

/** Page of methods ordered by (position, id). */
export async function listMethods(db: Db, after: { position: number; id: string } | undefined, limit: number): Promise<FullMethod[]> {
  const heads = await db
    .select()
    .from(shippingMethods)
    .where(after ? sql`(${shippingMethods.position}, ${shippingMethods.id}) > (${after.position}, ${after.id})` : undefined)
    .orderBy(asc(shippingMethods.position), asc(shippingMethods.id))
    .limit(limit + 1);
  return withParts(db, heads);
}

export async function insertMethod(db: Db, values: typeof shippingMethods.$inferInsert): Promise<void> {
  await db.insert(shippingMethods).values(values);
}

export async function updateMethod(db: Db, id: string, values: Partial<typeof shippingMethods.$inferInsert>): Promise<boolean> {
  return (await db.update(shippingMethods).set(values).where(eq(shippingMethods.id, id)).returning({ id: shippingMethods.id })).length > 0;
}

export async function deleteMethod(db: Db, id: string): Promise<boolean> {
  return (await db.delete(shippingMethods).where(eq(shippingMethods.id, id)).returning({ id: shippingMethods.id })).length > 0;
}

export async function replaceZones(db: Db, id: string, zones: readonly ZoneEntry[]): Promise<void> {
  await db.delete(shippingMethodZones).where(eq(shippingMethodZones.methodId, id));
  if (zones.length) await db.insert(shippingMethodZones).values(zones.map((z) => ({ methodId: id, country: z.country, region: z.region })));
}

export async function replaceBands(db: Db, id: string, bands: readonly RateBand[]): Promise<void> {
  await db.delete(shippingRateBands).where(eq(shippingRateBands.methodId, id));
  if (bands.length) await db.insert(shippingRateBands).values(bands.map((b) => ({ methodId: id, maxGrams: b.maxGrams, amount: b.amount })));
}
