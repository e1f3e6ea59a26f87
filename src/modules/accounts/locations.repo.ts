import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
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
