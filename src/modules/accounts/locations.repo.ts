import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { companyLocations, companyMembershipLocations } from './accounts.tables.ts';
import type { Location } from './domain/types.ts';

type LocationRow = typeof companyLocations.$inferSelect;

function toLocation(r: LocationRow): Location {
  return {
    id: r.id,
    companyId: r.companyId,
    name: r.name,
    line1: r.line1,
    line2: r.line2,
    city: r.city,
    region: r.region,
    postalCode: r.postalCode,
    country: r.country,
    phone: r.phone,
    isBillTo: r.isBillTo,
    isShipTo: r.isShipTo,
    isDefault: r.isDefault,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A location only if it belongs to `companyId`: another company's id looks exactly like a missing one. */
export async function findLocation(db: Db, companyId: string, id: string): Promise<Location | null> {
  const [row] = await db
    .select()
    .from(companyLocations)
    .where(and(eq(companyLocations.id, id), eq(companyLocations.companyId, companyId)))
    .limit(1);
  return row ? toLocation(row) : null;
}

export async function listLocationRows(db: Db, companyId: string, opts: { after?: string; limit: number; only?: string[] }): Promise<Location[]> {
  const rows = await db
    .select()
    .from(companyLocations)
    .where(
      and(
        eq(companyLocations.companyId, companyId),
        opts.after ? gt(companyLocations.id, opts.after) : undefined,
        opts.only ? inArray(companyLocations.id, opts.only) : undefined,
      ),
    )
    .orderBy(asc(companyLocations.id))
    .limit(opts.limit + 1);
  return rows.map(toLocation);
}

/**
 * The company's ship-to locations a member may use, in one query: all of them, unless `restricted`
 * and the membership names locations (then only those). At most `limit`, by id.
 */
export async function shipToLocationRows(db: Db, companyId: string, userId: string, restricted: boolean, limit: number): Promise<Location[]> {
  const mine = (extra = sql``) => sql`select 1 from ${companyMembershipLocations} r where r.user_id = ${userId} and r.company_id = ${companyId}${extra}`;
  const allowed = restricted ? sql`(not exists (${mine()}) or exists (${mine(sql` and r.location_id = ${companyLocations.id}`)}))` : undefined;
  const rows = await db
    .select()
    .from(companyLocations)
    .where(and(eq(companyLocations.companyId, companyId), eq(companyLocations.isShipTo, true), allowed))
    .orderBy(asc(companyLocations.id))
    .limit(limit);
  return rows.map(toLocation);
}

/**
 * One ship-to location (`id`) as `shipToLocationRows` would list it for the member — else nothing —
 * as SQL for a combined read: `json` answers the location as one json value (null when it is not
 * one they may use), `column` answers one of its columns (the checkout's tax reads the country in
 * the same statement).
 */
export function shipToLocationSql(companyId: string, userId: string, restricted: boolean, id: string | null): { json: SQL; column: (name: 'country' | 'region') => SQL } {
  const allowed = restricted
    ? sql`and (not exists (select 1 from company_membership_locations r where r.user_id = ${userId} and r.company_id = ${companyId})
           or exists (select 1 from company_membership_locations r where r.user_id = ${userId} and r.company_id = ${companyId} and r.location_id = l.id))`
    : sql``;
  const from = sql`from company_locations l where l.id = ${id} and l.company_id = ${companyId} and l.is_ship_to ${allowed}`;
  return {
    json: sql`select json_build_object('id', l.id, 'companyId', l.company_id, 'name', l.name, 'line1', l.line1, 'line2', l.line2, 'city', l.city,
        'region', l.region, 'postalCode', l.postal_code, 'country', l.country, 'phone', l.phone, 'isBillTo', l.is_bill_to, 'isShipTo', l.is_ship_to,
        'isDefault', l.is_default, 'createdAt', l.created_at, 'updatedAt', l.updated_at) ${from}`,
    column: (name) => sql`select ${sql.identifier(name)} ${from}`,
  };
}

/** `shipToLocationSql(…).json`'s value as a Location (dates as ISO strings, as `toLocation` gives them). */
export function toShipToLocation(value: unknown): Location | null {
  if (value === null) return null;
  const l = value as Location;
  return { ...l, createdAt: new Date(l.createdAt).toISOString(), updatedAt: new Date(l.updatedAt).toISOString() };
}

export async function countLocationsIn(db: Db, companyId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .select({ id: companyLocations.id })
    .from(companyLocations)
    .where(and(eq(companyLocations.companyId, companyId), inArray(companyLocations.id, ids)));
  return rows.length;
}

/** Clears the default flag of a company's locations (before another becomes the default). */
export async function clearDefault(db: Db, companyId: string): Promise<void> {
  await db.update(companyLocations).set({ isDefault: false }).where(and(eq(companyLocations.companyId, companyId), eq(companyLocations.isDefault, true)));
}

export async function insertLocation(db: Db, values: typeof companyLocations.$inferInsert): Promise<Location> {
  const [row] = await db.insert(companyLocations).values(values).returning();
  return toLocation(row!);
}

export async function updateLocationRow(db: Db, companyId: string, id: string, values: Partial<typeof companyLocations.$inferInsert>): Promise<Location | null> {
  const [row] = await db
    .update(companyLocations)
    .set(values)
    .where(and(eq(companyLocations.id, id), eq(companyLocations.companyId, companyId)))
    .returning();
  return row ? toLocation(row) : null;
}

export async function deleteLocationRow(db: Db, companyId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(companyLocations)
    .where(and(eq(companyLocations.id, id), eq(companyLocations.companyId, companyId)))
    .returning({ id: companyLocations.id });
  return rows.length > 0;
}
