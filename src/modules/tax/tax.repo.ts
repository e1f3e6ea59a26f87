import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { TaxRateRow } from './domain/tax.ts';
import { companyTaxExemptions, taxRates } from './tax.tables.ts';

/** Queries behind tax rates and exemptions; every function runs on the Db it is given (ctx's). */

export type TaxRateRecord = typeof taxRates.$inferSelect;
export type ExemptionRow = typeof companyTaxExemptions.$inferSelect;

/** Every rate of a country (all classes, regions and windows: a country has a handful). */
export async function ratesOfCountry(db: Db, country: string): Promise<TaxRateRecord[]> {
  return db.select().from(taxRates).where(eq(taxRates.country, country));
}

/** An exemption as a tax computation needs it. */
export type ExemptionFacts = Pick<ExemptionRow, 'certificateNumber' | 'expiresOn'>;

/**
 * What a tax computation reads, in one round trip (a checkout computes tax on every order): the
 * country's rates and the company's exemption, if any.
 */
export interface TaxInputs {
  rates: TaxRateRow[];
  exemption: ExemptionFacts | null;
}

/**
 * `taxInputs` as one json value, for a combined read (`readTogether`). The country may be SQL (the
 * ship-to location's country, read in the same statement); it is upper-cased here.
 */
export function taxInputsSql(country: string | SQL, companyId: string | null): SQL {
  return sql`select json_build_object(
      'rates', (select coalesce(json_agg(json_build_object('country', r.country, 'region', r.region, 'taxClass', r.tax_class, 'rateBp', r.rate_bp, 'label', r.label,
                 'validFrom', r.valid_from, 'validTo', r.valid_to)), '[]'::json) from tax_rates r where r.country = upper(${country})),
      'exemption', (select json_build_object('certificateNumber', e.certificate_number, 'expiresOn', e.expires_on) from company_tax_exemptions e where e.company_id = ${companyId}))`;
}

/** `taxInputsSql`'s value as the computation takes it. */
export function toTaxInputs(value: unknown): TaxInputs {
  type RateJson = Omit<TaxRateRow, 'validFrom' | 'validTo'> & { validFrom: string | null; validTo: string | null };
  const row = value as { rates: RateJson[]; exemption: ExemptionFacts | null };
  const at = (v: string | null) => (v === null ? null : new Date(v));
  return { rates: row.rates.map((r) => ({ ...r, validFrom: at(r.validFrom), validTo: at(r.validTo) })), exemption: row.exemption };
}

export async function taxInputs(db: Db, country: string, companyId: string | null): Promise<TaxInputs> {
  const res = (await db.execute(sql`select (${taxInputsSql(country, companyId)}) as inputs`)) as unknown as { rows: { inputs: unknown }[] };
  return toTaxInputs(res.rows[0]!.inputs);
}

export async function findRate(db: Db, id: string): Promise<TaxRateRecord | null> {
  const [row] = await db.select().from(taxRates).where(eq(taxRates.id, id)).limit(1);
  return row ?? null;
}

/** Page of rates ordered by (country, id), optionally of one country. */
export async function listRates(db: Db, country: string | undefined, after: { country: string; id: string } | undefined, limit: number): Promise<TaxRateRecord[]> {
  const conds: SQL[] = [];
  if (country) conds.push(eq(taxRates.country, country));
  if (after) conds.push(or(gt(taxRates.country, after.country), and(eq(taxRates.country, after.country), gt(taxRates.id, after.id)))!);
  return db.select().from(taxRates).where(conds.length ? and(...conds) : undefined).orderBy(asc(taxRates.country), asc(taxRates.id)).limit(limit + 1);
}

export async function insertRate(db: Db, values: typeof taxRates.$inferInsert): Promise<TaxRateRecord> {
  const [row] = await db.insert(taxRates).values(values).returning();
  return row!;
}

export async function updateRate(db: Db, id: string, values: Partial<typeof taxRates.$inferInsert>): Promise<TaxRateRecord | null> {
  const [row] = await db.update(taxRates).set(values).where(eq(taxRates.id, id)).returning();
  return row ?? null;
}

export async function deleteRate(db: Db, id: string): Promise<boolean> {
  return (await db.delete(taxRates).where(eq(taxRates.id, id)).returning({ id: taxRates.id })).length > 0;
}

/** Serialises rate writes of one country, so two overlapping rates cannot both pass the overlap check. */
export async function lockCountry(db: Db, country: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`tax_rates:${country}`}))`);
}

export async function findExemption(db: Db, companyId: string): Promise<ExemptionRow | null> {
  const [row] = await db.select().from(companyTaxExemptions).where(eq(companyTaxExemptions.companyId, companyId)).limit(1);
  return row ?? null;
}

export async function upsertExemption(db: Db, values: typeof companyTaxExemptions.$inferInsert): Promise<ExemptionRow> {
  const [row] = await db
    .insert(companyTaxExemptions)
    .values(values)
    .onConflictDoUpdate({ target: companyTaxExemptions.companyId, set: { certificateNumber: values.certificateNumber, expiresOn: values.expiresOn, updatedAt: values.updatedAt ?? new Date() } })
    .returning();
  return row!;
}

export async function deleteExemption(db: Db, companyId: string): Promise<boolean> {
  return (await db.delete(companyTaxExemptions).where(eq(companyTaxExemptions.companyId, companyId)).returning({ id: companyTaxExemptions.companyId })).length > 0;
}

export async function companyFacts(db: Db, companyId: string): Promise<{ taxId: string | null } | null> {
  const r = (await db.execute(sql`select tax_id from companies where id = ${companyId}`)) as unknown as { rows: { tax_id: string | null }[] };
  const row = r.rows[0];
  return row ? { taxId: row.tax_id } : null;
}
