import type { PriceRounding, PriceTier } from './types.ts';
import { adjustPrice } from './rounding.ts';

/**
 * "Change prices by p %" on stored entries: the unit price and every tier price become
 * price × (100 + p) / 100, rounded once, half-even, onto the rounding grid — the engine's own
 * integer maths (`adjustPrice`), so a bulk change and a derived list agree to the minor unit.
 */

/** Why a percent change is refused, or null: −100 … +1000 with at most two decimals, not zero. */
export function percentProblem(percent: number): string | null {
  const bp = percent * 100;
  if (!Number.isFinite(percent) || percent < -100 || percent > 1000) return 'percent must be between -100 and 1000';
  if (Math.abs(bp - Math.round(bp)) > 1e-6) return 'percent may have at most two decimals';
  if (Math.round(bp) === 0) return 'a change of 0 % changes nothing';
  return null;
}

/** The entry's prices after the change (`percent` −12 = 12 % cheaper). */
export function scalePrices(entry: { unitPrice: number; tiers: readonly PriceTier[] }, percent: number, rounding: PriceRounding): { unitPrice: number; tiers: PriceTier[] } {
  const adjustment = { type: 'percent' as const, value: -percent };
  return {
    unitPrice: adjustPrice(entry.unitPrice, adjustment, rounding),
    tiers: entry.tiers.map((t) => ({ minQty: t.minQty, unitPrice: adjustPrice(t.unitPrice, adjustment, rounding) })),
  };
}
