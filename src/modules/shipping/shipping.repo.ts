import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { MethodRow, RateBand, ZoneEntry } from './domain/rates.ts';
import { shippingMethods, shippingMethodZones, shippingRateBands } from './shipping.tables.ts';

/** Queries behind shipping methods; every function runs on the Db it is given (ctx's). */

export type MethodRecord = typeof shippingMethods.$inferSelect;
export type FullMethod = MethodRecord & { zones: ZoneEntry[]; bands: RateBand[] };

/**
 * A method's columns with its zones and rate bands, in one query: the checkout quotes shipping on
 * every order, so its method comes back in one round trip rather than three.
 */
const fullMethod = {
  ...getTableColumns(shippingMethods),
  zones: sql<ZoneEntry[]>`coalesce((select json_agg(json_build_object('country', z.country, 'region', z.region) order by z.country, z.region)
    from shipping_method_zones z where z.method_id = ${shippingMethods.id}), '[]'::json)`,
  bands: sql<RateBand[]>`coalesce((select json_agg(json_build_object('maxGrams', b.max_grams, 'amount', b.amount) order by b.max_grams)
    from shipping_rate_bands b where b.method_id = ${shippingMethods.id}), '[]'::json)`,
};

/** Active methods in a currency whose zone names the country (the checkout's candidates). */
export async function candidates(db: Db, country: string, currency: string): Promise<MethodRow[]> {
  return db
    .select(fullMethod)
    .from(shippingMethods)
    .where(and(eq(shippingMethods.active, true), eq(shippingMethods.currency, currency), sql`exists (select 1 from shipping_method_zones z where z.method_id = ${shippingMethods.id} and z.country = ${country})`));
}

export async function findMethod(db: Db, id: string): Promise<FullMethod | null> {
  const [method] = await db.select(fullMethod).from(shippingMethods).where(eq(shippingMethods.id, id)).limit(1);
  return method ?? null;
}

/**
 * `findMethod` as one json value (null when there is no such method), for a combined read
 * (`readTogether`): the checkout reads its method in the statement that reads its other facts.
 */
export function methodJsonSql(id: string | null): SQL {
  return sql`select json_build_object('id', m.id, 'name', m.name, 'carrier', m.carrier, 'currency', m.currency, 'freeThreshold', m.free_threshold,
      'estDaysMin', m.est_days_min, 'estDaysMax', m.est_days_max, 'active', m.active, 'position', m.position,
      'zones', coalesce((select json_agg(json_build_object('country', z.country, 'region', z.region) order by z.country, z.region)
        from shipping_method_zones z where z.method_id = m.id), '[]'::json),
      'bands', coalesce((select json_agg(json_build_object('maxGrams', b.max_grams, 'amount', b.amount) order by b.max_grams)
        from shipping_rate_bands b where b.method_id = m.id), '[]'::json))
    from shipping_methods m where m.id = ${id}`;
}

/** `methodJsonSql`'s value; bigint amounts arrive as json numbers (minor units fit in a double). */
export function toMethodRow(value: unknown): MethodRow | null {
  if (value === null) return null;
  const m = value as MethodRow & { freeThreshold: number | string | null };
  return { ...m, freeThreshold: m.freeThreshold === null ? null : Number(m.freeThreshold), bands: m.bands.map((b) => ({ maxGrams: Number(b.maxGrams), amount: Number(b.amount) })) };
}

/** Page of methods ordered by (position, id). */
export async function listMethods(db: Db, after: { position: number; id: string } | undefined, limit: number): Promise<FullMethod[]> {
  return db
    .select(fullMethod)
    .from(shippingMethods)
    .where(after ? sql`(${shippingMethods.position}, ${shippingMethods.id}) > (${after.position}, ${after.id})` : undefined)
    .orderBy(asc(shippingMethods.position), asc(shippingMethods.id))
    .limit(limit + 1);
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
