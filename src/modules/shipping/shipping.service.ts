import type { ReadPart } from '../../db/read-together.ts';
import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { optionsFor, quoteMethod, type MethodRow, type RateBand, type ShippingOption, type ShipTo, type ZoneEntry } from './domain/rates.ts';
import * as repo from './shipping.repo.ts';

/** Shipping at checkout (options and a quote for the chosen method) and the staff's method settings. */

export interface ShippingInput {
  /** The buying company (every method serves every company today; kept for per-company rules). */
  companyId: string;
  shipTo: ShipTo;
  /** The cart's currency: only methods priced in it are offered. */
  currency: string;
  weightGrams: number;
  /** Cart subtotal in minor units, for the free-shipping threshold. */
  subtotal: number;
}

function checkInput(input: ShippingInput): void {
  if (!Number.isFinite(input.weightGrams) || input.weightGrams < 0) throw invalid('weightGrams', 'must be 0 or more');
  if (!Number.isSafeInteger(input.subtotal) || input.subtotal < 0) throw invalid('subtotal', 'must be a whole number of minor units, 0 or more');
}

const shipToOf = (input: ShippingInput) => ({ ...input.shipTo, country: input.shipTo.country.toUpperCase() });

/**
 * The methods offered for a ship-to: active, priced in the cart's currency, whose zone covers the
 * country (or its region) and whose weight bands hold the parcel; free at or above the method's
 * threshold. Cheapest first.
 */
export async function shippingOptions(ctx: Ctx, input: ShippingInput): Promise<ShippingOption[]> {
  checkInput(input);
  const shipTo = shipToOf(input);
  const methods = await repo.candidates(ctx.db, shipTo.country, input.currency);
  return optionsFor(methods, { shipTo, currency: input.currency, weightGrams: input.weightGrams, subtotal: input.subtotal });
}

const WHY = { inactive: 'is not active', zone: 'does not ship to this address', currency: 'is not priced in the cart currency', weight: 'does not take parcels this heavy' } as const;

/** The chosen method's option, or SHIPPING_METHOD_UNAVAILABLE (field `shippingMethodId`) saying why. */
export async function shippingQuote(ctx: Ctx, methodId: string, input: ShippingInput): Promise<ShippingOption> {
  checkInput(input);
  return quoteFrom(isId('shippingMethod', methodId) ? await repo.findMethod(ctx.db, methodId) : null, input);
}

/** A method as read for a quote (`shippingMethodRead`); null when there is no such method. */
export type QuotableMethod = MethodRow | null;

/**
 * `shippingQuote`'s read as a part of a combined read (`readTogether`): the method with its zones
 * and bands. Quote with `quoteWith`.
 */
export function shippingMethodRead(methodId: string): ReadPart<QuotableMethod> {
  return { sql: repo.methodJsonSql(isId('shippingMethod', methodId) ? methodId : null), map: repo.toMethodRow };
}

/** `shippingQuote` for a method already read (`shippingMethodRead`). */
export function quoteWith(method: QuotableMethod, input: ShippingInput): ShippingOption {
  checkInput(input);
  return quoteFrom(method, input);
}

function quoteFrom(m: MethodRow | null, input: ShippingInput): ShippingOption {
  if (!m) throw new AppError('SHIPPING_METHOD_UNAVAILABLE', 'No such shipping method', 'shippingMethodId');
  const q = quoteMethod(m, { shipTo: shipToOf(input), currency: input.currency, weightGrams: input.weightGrams, subtotal: input.subtotal });
  if ('unavailable' in q) throw new AppError('SHIPPING_METHOD_UNAVAILABLE', `${m.name} ${WHY[q.unavailable]}`, 'shippingMethodId', { reason: q.unavailable });
  return q;
}

// ── Staff: methods ───────────────────────────────────────────────────────────────────────────

export interface ShippingMethodView {
  id: string;
  name: string;
  carrier: string;
  currency: string;
  freeThreshold: number | null;
  estimatedDays: { min: number; max: number };
  active: boolean;
  position: number;
  zones: ZoneEntry[];
  bands: RateBand[];
  createdAt: string;
  updatedAt: string;
}

export interface ShippingMethodInput {
  name: string;
  carrier: string;
  currency: string;
  freeThreshold?: number | null | undefined;
  estimatedDays: { min: number; max: number };
  active?: boolean | undefined;
  position?: number | undefined;
  zones: readonly ZoneEntry[];
  bands: readonly RateBand[];
}

function view(m: repo.FullMethod): ShippingMethodView {
  return {
    id: m.id,
    name: m.name,
    carrier: m.carrier,
    currency: m.currency,
    freeThreshold: m.freeThreshold,
    estimatedDays: { min: m.estDaysMin, max: m.estDaysMax },
    active: m.active,
    position: m.position,
    zones: m.zones,
    bands: m.bands,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

function checkParts(input: Pick<ShippingMethodInput, 'zones' | 'bands' | 'estimatedDays' | 'name' | 'carrier'>): { zones: ZoneEntry[]; bands: RateBand[] } {
  if (!input.name.trim()) throw invalid('name', 'must not be blank');
  if (!input.carrier.trim()) throw invalid('carrier', 'must not be blank');
  if (input.estimatedDays.max < input.estimatedDays.min) throw invalid('estimatedDays.max', 'must be at least the minimum');
  const zones: ZoneEntry[] = [];
  const seenZ = new Set<string>();
  for (const [i, z] of input.zones.entries()) {
    const e = { country: z.country.toUpperCase(), region: z.region.trim() };
    const k = `${e.country}|${e.region.toLowerCase()}`;
    if (seenZ.has(k)) throw invalid(`zones[${i}]`, 'The same zone entry appears twice');
    seenZ.add(k);
    zones.push(e);
  }
  const seenB = new Set<number>();
  for (const [i, b] of input.bands.entries()) {
    if (seenB.has(b.maxGrams)) throw invalid(`bands[${i}].maxGrams`, 'Two weight bands end at the same weight');
    seenB.add(b.maxGrams);
  }
  return { zones, bands: [...input.bands].sort((a, b) => a.maxGrams - b.maxGrams) };
}

async function loadMethod(ctx: Ctx, id: string): Promise<repo.FullMethod> {
  const m = isId('shippingMethod', id) ? await repo.findMethod(ctx.db, id) : null;
  if (!m) throw notFound('Shipping method');
  return m;
}

export async function getShippingMethod(ctx: Ctx, id: string): Promise<ShippingMethodView> {
  return view(await loadMethod(ctx, id));
}

/** Methods in their configured order. */
export async function listShippingMethods(ctx: Ctx, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<ShippingMethodView>> {
  const limit = q.limit ?? 50;
  const c = decodeCursor(q.cursor);
  const after = c && c.length === 2 && typeof c[0] === 'number' && typeof c[1] === 'string' ? { position: c[0], id: c[1] } : undefined;
  if (c && !after) throw new AppError('BAD_CURSOR', 'The cursor is not one this API issued', 'cursor');
  const rows = await repo.listMethods(ctx.db, after, limit);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > limit && last ? encodeCursor([last.position, last.id]) : null };
}

export async function createShippingMethod(ctx: Ctx, input: ShippingMethodInput): Promise<ShippingMethodView> {
  const { zones, bands } = checkParts(input);
  const id = await inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = newId('shippingMethod', now.getTime());
    await repo.insertMethod(tx.db, {
      id,
      name: input.name.trim(),
      carrier: input.carrier.trim(),
      currency: input.currency,
      freeThreshold: input.freeThreshold ?? null,
      estDaysMin: input.estimatedDays.min,
      estDaysMax: input.estimatedDays.max,
      active: input.active ?? true,
      position: input.position ?? 0,
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceZones(tx.db, id, zones);
    await repo.replaceBands(tx.db, id, bands);
    return id;
  });
  return getShippingMethod(ctx, id);
}

/** Changes a method; given zones or bands replace the old ones. */
export async function updateShippingMethod(ctx: Ctx, id: string, patch: Partial<ShippingMethodInput>): Promise<ShippingMethodView> {
  await inTx(ctx, async (tx) => {
    const cur = await loadMethod(tx, id);
    const merged = {
      name: patch.name ?? cur.name,
      carrier: patch.carrier ?? cur.carrier,
      estimatedDays: patch.estimatedDays ?? { min: cur.estDaysMin, max: cur.estDaysMax },
      zones: patch.zones ?? cur.zones,
      bands: patch.bands ?? cur.bands,
    };
    const { zones, bands } = checkParts(merged);
    await repo.updateMethod(tx.db, id, {
      name: merged.name.trim(),
      carrier: merged.carrier.trim(),
      currency: patch.currency ?? cur.currency,
      freeThreshold: patch.freeThreshold === undefined ? cur.freeThreshold : patch.freeThreshold,
      estDaysMin: merged.estimatedDays.min,
      estDaysMax: merged.estimatedDays.max,
      active: patch.active ?? cur.active,
      position: patch.position ?? cur.position,
      updatedAt: tx.clock.now(),
    });
    if (patch.zones) await repo.replaceZones(tx.db, id, zones);
    if (patch.bands) await repo.replaceBands(tx.db, id, bands);
  });
  return getShippingMethod(ctx, id);
}

/** Deletes a method (orders keep its id and name as they were). */
export async function deleteShippingMethod(ctx: Ctx, id: string): Promise<void> {
  if (!isId('shippingMethod', id) || !(await repo.deleteMethod(ctx.db, id))) throw notFound('Shipping method');
}
