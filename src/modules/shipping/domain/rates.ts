/**
 * Shipping rates, pure: which methods serve a ship-to and what they cost for a weight and subtotal.
 */

export interface ZoneEntry {
  readonly country: string;
  /** '' = the whole country. */
  readonly region: string;
}

export interface RateBand {
  readonly maxGrams: number;
  readonly amount: number;
}

export interface MethodRow {
  readonly id: string;
  readonly name: string;
  readonly carrier: string;
  readonly currency: string;
  readonly freeThreshold: number | null;
  readonly estDaysMin: number;
  readonly estDaysMax: number;
  readonly active: boolean;
  readonly position: number;
  readonly zones: readonly ZoneEntry[];
  readonly bands: readonly RateBand[];
}

export interface ShipTo {
  country: string;
  region?: string | null | undefined;
  postalCode?: string | null | undefined;
}

export interface ShippingOption {
  id: string;
  name: string;
  carrier: string;
  amount: number;
  currency: string;
  free: boolean;
  estimatedDays: { min: number; max: number };
}

/** Why a method is not offered (for the error detail of a quote). */
export type Unavailable = 'inactive' | 'zone' | 'currency' | 'weight';

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** The zone covers the ship-to: a whole-country entry, or an entry for its region. */
export function zoneCovers(zones: readonly ZoneEntry[], to: ShipTo): boolean {
  const country = to.country.toUpperCase();
  const region = norm(to.region);
  return zones.some((z) => z.country === country && (z.region === '' || (region !== '' && norm(z.region) === region)));
}

/** The smallest band that holds the weight; undefined when the parcel is heavier than every band. */
export function bandFor(bands: readonly RateBand[], weightGrams: number): RateBand | undefined {
  let best: RateBand | undefined;
  for (const b of bands) if (weightGrams <= b.maxGrams && (!best || b.maxGrams < best.maxGrams)) best = b;
  return best;
}

/** The option a method gives for the input, or why it gives none. */
export function quoteMethod(m: MethodRow, input: { shipTo: ShipTo; currency: string; weightGrams: number; subtotal: number }): ShippingOption | { unavailable: Unavailable } {
  if (!m.active) return { unavailable: 'inactive' };
  if (m.currency !== input.currency) return { unavailable: 'currency' };
  if (!zoneCovers(m.zones, input.shipTo)) return { unavailable: 'zone' };
  const band = bandFor(m.bands, Math.max(0, input.weightGrams));
  if (!band) return { unavailable: 'weight' };
  const free = m.freeThreshold !== null && input.subtotal >= m.freeThreshold;
  return { id: m.id, name: m.name, carrier: m.carrier, amount: free ? 0 : band.amount, currency: m.currency, free, estimatedDays: { min: m.estDaysMin, max: m.estDaysMax } };
}

/** Every method offered for the input, cheapest first (then faster, then the configured order). */
export function optionsFor(methods: readonly MethodRow[], input: { shipTo: ShipTo; currency: string; weightGrams: number; subtotal: number }): ShippingOption[] {
  const pos = new Map(methods.map((m) => [m.id, m.position]));
  return methods
    .map((m) => quoteMethod(m, input))
    .filter((o): o is ShippingOption => !('unavailable' in o))
    .sort((a, b) => a.amount - b.amount || a.estimatedDays.max - b.estimatedDays.max || (pos.get(a.id) ?? 0) - (pos.get(b.id) ?? 0) || a.id.localeCompare(b.id));
}
