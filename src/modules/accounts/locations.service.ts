import { sql, type SQL } from 'drizzle-orm';
import type { ReadPart } from '../../db/read-together.ts';
import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import type { Location, LocationInput } from './domain/types.ts';
import { clearDefault, deleteLocationRow, findLocation, insertLocation, listLocationRows, shipToLocationRows, shipToLocationSql, toShipToLocation, updateLocationRow } from './locations.repo.ts';

/**
 * Locations of one company. Callers pass the company the actor may act on; a location id of any
 * other company answers 404 like a missing one.
 */
export async function listLocations(ctx: Ctx, companyId: string, q: { limit?: number; cursor?: string; only?: string[] }): Promise<PageResult<Location>> {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor)?.[0];
  const rows = await listLocationRows(ctx.db, companyId, { after: after === undefined ? undefined : String(after), limit, only: q.only });
  return toPage(rows, limit, (r) => [r.id]);
}

/**
 * The ship-to addresses a member may order to: the company's ship-to locations, limited to those
 * their membership names where it names any — unless they may manage locations (`seeAll`).
 */
export async function shipToLocationsFor(ctx: Ctx, companyId: string, userId: string, seeAll: boolean): Promise<Location[]> {
  return shipToLocationRows(ctx.db, companyId, userId, !seeAll, 200);
}

/** A ship-to location read with other facts in one statement (`shipToLocationRead`). */
export interface ShipToLocationRead {
  /** The location, or null when it is not one of the member's ship-to addresses (`shipToLocationsFor`). */
  readonly part: ReadPart<Location | null>;
  /** SQL naming the location's country (null when not allowed), for another part of the same read. */
  readonly country: SQL;
}

/**
 * One of the ship-to addresses `shipToLocationsFor` gives the member, by id, as a part of a combined
 * read (`readTogether`): the checkout reads the chosen location, and its country for tax, in the
 * statement that reads its other facts.
 */
export function shipToLocationRead(companyId: string, userId: string, seeAll: boolean, locationId: string): ShipToLocationRead {
  const q = shipToLocationSql(companyId, userId, !seeAll, isId('location', locationId) ? locationId : null);
  return { part: { sql: q.json, map: toShipToLocation }, country: sql`(${q.column('country')})` };
}

export async function getLocation(ctx: Ctx, companyId: string, id: string): Promise<Location> {
  const loc = isId('location', id) ? await findLocation(ctx.db, companyId, id) : null;
  if (!loc) throw notFound('Location');
  return loc;
}

/** Adds a location; a new default takes the flag from the previous one. */
export async function createLocation(ctx: Ctx, companyId: string, input: LocationInput): Promise<Location> {
  return inTx(ctx, async (tx) => {
    if (input.isDefault) await clearDefault(tx.db, companyId);
    return insertLocation(tx.db, {
      id: newId('location', tx.clock.now().getTime()),
      companyId,
      name: input.name,
      line1: input.line1,
      line2: input.line2 ?? null,
      city: input.city,
      region: input.region ?? null,
      postalCode: input.postalCode ?? null,
      country: input.country,
      phone: input.phone ?? null,
      isBillTo: input.isBillTo ?? false,
      isShipTo: input.isShipTo ?? true,
      isDefault: input.isDefault ?? false,
    });
  });
}

export async function updateLocation(ctx: Ctx, companyId: string, id: string, patch: Partial<LocationInput>): Promise<Location> {
  return inTx(ctx, async (tx) => {
    await getLocation(tx, companyId, id);
    if (patch.isDefault) await clearDefault(tx.db, companyId);
    const loc = await updateLocationRow(tx.db, companyId, id, { ...patch, updatedAt: tx.clock.now() });
    if (!loc) throw notFound('Location');
    return loc;
  });
}

export async function deleteLocation(ctx: Ctx, companyId: string, id: string): Promise<void> {
  const gone = isId('location', id) && (await deleteLocationRow(ctx.db, companyId, id));
  if (!gone) throw notFound('Location');
}
