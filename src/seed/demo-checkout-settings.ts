import type { Connection, Database } from '../db/client.ts';
import { creditAccounts } from '../modules/credit/index.ts';
import { shippingMethods, shippingMethodZones, shippingRateBands } from '../modules/shipping/index.ts';
import { taxRates } from '../modules/tax/index.ts';
import { bulkInsert } from './bulk-insert.ts';
import { DEMO_COMPANIES, type DemoCompanyKey } from './demo.ts';
import { idMaker } from './ids.ts';
import { createRng, type Rng } from './prng.ts';
import type { SeedCompany } from './types.ts';

/**
 * Checkout settings of the demo and benchmark data: the real tax rates of the demo markets,
 * shipping methods in each market's currency, and payment terms and a credit account for every
 * company (fixed, story-telling settings for the named demo companies). Pure generation plus one
 * bulk load; 10,000 companies take well under a second.
 */

type TaxRow = { country: string; region: string | null; taxClass: string; rateBp: number; label: string };

/** Rates in force in 2026 (standard, and reduced or zero-rated classes where the country has them). */
export const DEMO_TAX_RATES: readonly TaxRow[] = [
  { country: 'AE', region: null, taxClass: 'standard', rateBp: 500, label: 'VAT 5%' },
  { country: 'AE', region: null, taxClass: 'zero', rateBp: 0, label: 'VAT 0% (zero-rated)' },
  { country: 'SA', region: null, taxClass: 'standard', rateBp: 1500, label: 'VAT 15%' },
  { country: 'SA', region: null, taxClass: 'zero', rateBp: 0, label: 'VAT 0% (zero-rated)' },
  { country: 'PK', region: null, taxClass: 'standard', rateBp: 1800, label: 'GST 18%' },
  { country: 'PK', region: null, taxClass: 'zero', rateBp: 0, label: 'GST 0% (zero-rated)' },
  { country: 'BD', region: null, taxClass: 'standard', rateBp: 1500, label: 'VAT 15%' },
  { country: 'DE', region: null, taxClass: 'standard', rateBp: 1900, label: 'MwSt. 19%' },
  { country: 'DE', region: null, taxClass: 'reduced', rateBp: 700, label: 'MwSt. 7%' },
  { country: 'GB', region: null, taxClass: 'standard', rateBp: 2000, label: 'VAT 20%' },
  { country: 'GB', region: null, taxClass: 'reduced', rateBp: 500, label: 'VAT 5%' },
  { country: 'GB', region: null, taxClass: 'zero', rateBp: 0, label: 'VAT 0% (zero-rated)' },
  // The United States has no federal sales tax: state base rates for the demo's states only.
  { country: 'US', region: 'Illinois', taxClass: 'standard', rateBp: 625, label: 'Sales tax 6.25% (IL)' },
  { country: 'US', region: 'Texas', taxClass: 'standard', rateBp: 625, label: 'Sales tax 6.25% (TX)' },
  { country: 'US', region: 'Pennsylvania', taxClass: 'standard', rateBp: 600, label: 'Sales tax 6% (PA)' },
  { country: 'US', region: 'Colorado', taxClass: 'standard', rateBp: 290, label: 'Sales tax 2.9% (CO)' },
  { country: 'US', region: 'Arizona', taxClass: 'standard', rateBp: 560, label: 'Sales tax 5.6% (AZ)' },
];

interface MethodSpec {
  name: string;
  carrier: string;
  country: string;
  regions?: readonly string[];
  currency: string;
  days: [number, number];
  /** Major units per band: [max kg, price]. */
  bands: readonly (readonly [number, number])[];
  /** Major units; null = never free. */
  freeAbove: number | null;
}

/** Standard parcels and pallets up to 100 t (bulk building materials), express parcels up to 30 kg. */
const standardBands = (k: number) => [[1, 2.5 * k], [5, 6 * k], [20, 15 * k], [100, 45 * k], [1_000, 250 * k], [100_000, 1_800 * k]] as const;
const expressBands = (k: number) => [[1, 6 * k], [5, 12 * k], [30, 35 * k]] as const;

export const DEMO_SHIPPING: readonly MethodSpec[] = [
  { name: 'Standard delivery', carrier: 'TCS', country: 'PK', currency: 'PKR', days: [2, 4], bands: standardBands(100), freeAbove: 250_000 },
  { name: 'Express', carrier: 'Leopards Courier', country: 'PK', currency: 'PKR', days: [1, 2], bands: expressBands(100), freeAbove: null },
  { name: 'Same-day (Karachi)', carrier: 'Bykea', country: 'PK', regions: ['Sindh'], currency: 'PKR', days: [0, 1], bands: [[25, 1_500]], freeAbove: null },
  { name: 'Standard delivery', carrier: 'Aramex', country: 'AE', currency: 'AED', days: [1, 3], bands: standardBands(1), freeAbove: 2_000 },
  { name: 'Next-day express', carrier: 'Aramex', country: 'AE', currency: 'AED', days: [1, 1], bands: expressBands(1), freeAbove: null },
  { name: 'Standard delivery', carrier: 'SMSA Express', country: 'SA', currency: 'SAR', days: [2, 4], bands: standardBands(1), freeAbove: 2_000 },
  { name: 'Express', carrier: 'SMSA Express', country: 'SA', currency: 'SAR', days: [1, 2], bands: expressBands(1), freeAbove: null },
  { name: 'Standard delivery', carrier: 'Sundarban Courier', country: 'BD', currency: 'BDT', days: [2, 5], bands: standardBands(40), freeAbove: 60_000 },
  { name: 'Dhaka express', carrier: 'Pathao', country: 'BD', regions: ['Dhaka Division'], currency: 'BDT', days: [0, 1], bands: expressBands(40), freeAbove: null },
  { name: 'Tracked 48', carrier: 'Royal Mail', country: 'GB', currency: 'GBP', days: [2, 3], bands: standardBands(1), freeAbove: 500 },
  { name: 'Next day', carrier: 'DPD', country: 'GB', currency: 'GBP', days: [1, 1], bands: expressBands(1), freeAbove: null },
  { name: 'Paket', carrier: 'DHL', country: 'DE', currency: 'EUR', days: [1, 3], bands: standardBands(1), freeAbove: 500 },
  { name: 'Express', carrier: 'DHL Express', country: 'DE', currency: 'EUR', days: [1, 1], bands: expressBands(1), freeAbove: null },
  { name: 'Ground', carrier: 'UPS', country: 'US', currency: 'USD', days: [3, 5], bands: standardBands(1), freeAbove: 750 },
  { name: 'Next Day Air', carrier: 'UPS', country: 'US', currency: 'USD', days: [1, 1], bands: expressBands(1), freeAbove: null },
];

/** Minor units per major unit (every demo currency has 2 decimals). */
const MINOR = 100;
/** Roughly one US dollar in each demo currency, to size credit limits. */
const PER_USD: Record<string, number> = { PKR: 280, AED: 3.67, SAR: 3.75, BDT: 120, GBP: 0.79, EUR: 0.92, USD: 1 };

type AccountRow = typeof creditAccounts.$inferInsert;

/** The demo companies' settings, each telling part of the story (see README: "Ordering on account"). */
const DEMO_CREDIT: Record<DemoCompanyKey, Omit<AccountRow, 'companyId' | 'currency'>> = {
  // The group buys big on Net 60; over the limit its orders wait for the credit controller.
  group: { paymentTerms: 'net60', creditLimit: 10_000_000 * MINOR, overLimitAction: 'hold', poRequired: false, allowNewShipTo: true },
  // Karachi orders on Net 30 with a PO number; a large order goes on credit hold.
  karachi: { paymentTerms: 'net30', creditLimit: 2_500_000 * MINOR, overLimitAction: 'hold', poRequired: true, allowNewShipTo: true },
  // Lahore pays end of the following month under a low limit: a demo order over PKR 150,000 is blocked.
  lahore: { paymentTerms: 'eom', creditLimit: 150_000 * MINOR, overLimitAction: 'block', poRequired: false, allowNewShipTo: false },
  lahoreSite: { paymentTerms: 'due_on_receipt', creditLimit: 500_000 * MINOR, overLimitAction: 'block', poRequired: true, allowNewShipTo: false },
  lahoreBatchPlant: { paymentTerms: 'net15', creditLimit: 1_000_000 * MINOR, overLimitAction: 'block', poRequired: false, allowNewShipTo: false },
  // The Dubai facilities company buys on Net 30 in AED, blocked past its limit.
  gulf: { paymentTerms: 'net30', creditLimit: 150_000 * MINOR, overLimitAction: 'block', poRequired: true, allowNewShipTo: true },
};

const TERMS_MIX = [['net30', 40], ['net60', 20], ['eom', 15], ['net15', 10], ['due_on_receipt', 8], ['net7', 4], ['net90', 3]] as const;
const LIMITS_USD = [[10_000, 30], [25_000, 30], [50_000, 20], [100_000, 12], [250_000, 8]] as const;

/** Terms and a credit account for every company: pure, the same seed always gives the same rows. */
export function generateCreditAccounts(rng: Rng, companies: readonly SeedCompany[]): AccountRow[] {
  const demoKey = new Map<string, DemoCompanyKey>(Object.entries(DEMO_COMPANIES).map(([k, v]) => [v.legalName, k as DemoCompanyKey]));
  return companies.map((c) => {
    const key = demoKey.get(c.legalName);
    if (key) return { companyId: c.id, currency: c.currency, ...DEMO_CREDIT[key] };
    // 1 in 20 companies has no terms of its own (card only, or terms from a group set by staff).
    const terms = rng.chance(0.05) ? null : rng.weighted(TERMS_MIX);
    const usd = rng.weighted(LIMITS_USD);
    return {
      companyId: c.id,
      currency: c.currency,
      paymentTerms: terms,
      creditLimit: terms ? Math.round(usd * (PER_USD[c.currency] ?? 1)) * MINOR : null,
      overLimitAction: rng.chance(0.3) ? 'hold' : 'block',
      poRequired: rng.chance(0.4),
      allowNewShipTo: rng.chance(0.6),
    };
  });
}

async function loadShipping(conn: Connection, id: ReturnType<typeof idMaker>, now: Date): Promise<number> {
  const heads: (typeof shippingMethods.$inferInsert)[] = [];
  const zones: (typeof shippingMethodZones.$inferInsert)[] = [];
  const bands: (typeof shippingRateBands.$inferInsert)[] = [];
  DEMO_SHIPPING.forEach((m, i) => {
    const methodId = id('shippingMethod');
    heads.push({ id: methodId, name: m.name, carrier: m.carrier, currency: m.currency, freeThreshold: m.freeAbove === null ? null : m.freeAbove * MINOR, estDaysMin: m.days[0], estDaysMax: m.days[1], active: true, position: i, createdAt: now, updatedAt: now });
    for (const region of m.regions ?? ['']) zones.push({ methodId, country: m.country, region });
    for (const [kg, price] of m.bands) bands.push({ methodId, maxGrams: kg * 1000, amount: Math.round(price * MINOR) });
  });
  await bulkInsert(conn, shippingMethods, heads);
  await bulkInsert(conn, shippingMethodZones, zones);
  await bulkInsert(conn, shippingRateBands, bands);
  return heads.length;
}

/**
 * Loads the checkout settings for the companies just seeded (run after `loadDataset`). Replaces
 * earlier settings, so a `seed --force` starts clean.
 */
export async function seedCheckoutSettings(database: Database, companies: readonly SeedCompany[], seed: string, now = new Date()): Promise<{ taxRates: number; shippingMethods: number; creditAccounts: number }> {
  const rng = createRng(seed);
  const accounts = generateCreditAccounts(rng.fork('credit'), companies);
  const id = idMaker(rng.fork('checkout-ids'));
  return database.withConnection(async (conn) => {
    await conn.exec('begin');
    try {
      await conn.exec('delete from credit_ledger; delete from credit_accounts; delete from shipping_methods; delete from tax_rates; delete from company_tax_exemptions; delete from customer_group_payment_terms');
      await bulkInsert(conn, taxRates, DEMO_TAX_RATES.map((r) => ({ id: id('taxRate'), ...r, createdAt: now, updatedAt: now })));
      const methods = await loadShipping(conn, id, now);
      await bulkInsert(conn, creditAccounts, accounts, { batchSize: 10_000 });
      await conn.exec('commit');
      return { taxRates: DEMO_TAX_RATES.length, shippingMethods: methods, creditAccounts: accounts.length };
    } catch (err) {
      await conn.exec('rollback').catch(() => undefined);
      throw err;
    }
  });
}
