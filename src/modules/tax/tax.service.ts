import type { SQL } from 'drizzle-orm';
import type { ReadPart } from '../../db/read-together.ts';
import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { computeTax, type TaxLineInput, type TaxLineResult } from './domain/tax.ts';
import * as repo from './tax.repo.ts';

/** Tax at checkout (rates by ship-to and class, exemptions) and the staff's rate and exemption settings. */

export interface TaxInput {
  companyId: string;
  shipTo: { country: string; region?: string | null | undefined };
  currency: string;
  lines: readonly TaxLineInput[];
  /** The shipping charge (minor units), taxed at the ship-to's standard rate. */
  shipping: number;
  /** The moment the rates are read for (default: now). */
  at?: Date;
}

export interface TaxResult {
  lines: Map<string, TaxLineResult>;
  shippingTax: number;
  total: number;
  exempt: boolean;
  exemptReason?: string;
}

/** 'YYYY-MM-DD' of an instant in UTC. */
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Valid through its expiry day (UTC): expired from the next day on. */
function exemptionValid(e: repo.ExemptionFacts | null, at: Date): e is repo.ExemptionFacts {
  return e !== null && utcDay(at) <= e.expiresOn;
}

/**
 * Tax of a cart at a ship-to: per line rate by country/region and tax class (a class without a
 * rate falls back to 'standard'), rounded half-even per line; shipping at the standard rate. A
 * company with a valid exemption certificate pays none (`exempt: true` and the reason).
 */
export async function taxFor(ctx: Ctx, input: TaxInput): Promise<TaxResult> {
  checkTaxInput(input);
  return taxFromInputs(ctx, await repo.taxInputs(ctx.db, input.shipTo.country.toUpperCase(), companyParam(input.companyId)), input);
}

/** What `taxFor` reads (the country's rates, the company's exemption), read elsewhere; see `taxInputsRead`. */
export type TaxInputs = repo.TaxInputs;

const companyParam = (companyId: string) => (isId('company', companyId) ? companyId : null);

function checkTaxInput(input: TaxInput): void {
  for (const [i, l] of input.lines.entries()) if (!Number.isSafeInteger(l.amount) || l.amount < 0) throw invalid(`lines[${i}].amount`, 'must be a whole number of minor units, 0 or more');
  if (!Number.isSafeInteger(input.shipping) || input.shipping < 0) throw invalid('shipping', 'must be a whole number of minor units, 0 or more');
}

/**
 * `taxFor`'s reads as a part of a combined read (`readTogether`): the rates of `country` — a code,
 * or SQL naming it in the same statement (the chosen ship-to location's country) — and the
 * company's exemption. Compute with `taxFromInputs`.
 */
export function taxInputsRead(country: string | SQL, companyId: string): ReadPart<TaxInputs> {
  return { sql: repo.taxInputsSql(typeof country === 'string' ? country.toUpperCase() : country, companyParam(companyId)), map: repo.toTaxInputs };
}

/** `taxFor` from inputs already read (`taxInputsRead`, for the same country and company). */
export function taxFromInputs(ctx: Ctx, inputs: TaxInputs, input: TaxInput): TaxResult {
  checkTaxInput(input);
  const at = input.at ?? ctx.clock.now();
  const country = input.shipTo.country.toUpperCase();
  const { rates, exemption } = inputs;
  const exempt = exemptionValid(exemption, at);
  const r = computeTax(rates, { country, region: input.shipTo.region }, input.lines, input.shipping, at, exempt);
  return exempt ? { ...r, exempt, exemptReason: `Tax-exempt: certificate ${exemption.certificateNumber}, valid until ${exemption.expiresOn}` } : { ...r, exempt };
}

// ── Staff: rates ─────────────────────────────────────────────────────────────────────────────

export interface TaxRateView {
  id: string;
  country: string;
  region: string | null;
  taxClass: string;
  rateBp: number;
  label: string;
  validFrom: string | null;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaxRateInput {
  country: string;
  region?: string | null | undefined;
  taxClass: string;
  rateBp: number;
  label: string;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(r: repo.TaxRateRecord): TaxRateView {
  return { id: r.id, country: r.country, region: r.region, taxClass: r.taxClass, rateBp: r.rateBp, label: r.label, validFrom: iso(r.validFrom), validTo: iso(r.validTo), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

function toDate(v: string | null | undefined, field: string): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw invalid(field, 'must be a date or date-time');
  return d;
}

interface NormalRate {
  country: string;
  region: string | null;
  taxClass: string;
  rateBp: number;
  label: string;
  validFrom: Date | null;
  validTo: Date | null;
}

function normalise(input: TaxRateInput): NormalRate {
  const region = input.region?.trim() || null;
  const label = input.label.trim();
  if (!label) throw invalid('label', 'must not be blank');
  const validFrom = toDate(input.validFrom, 'validFrom');
  const validTo = toDate(input.validTo, 'validTo');
  if (validFrom && validTo && validTo <= validFrom) throw invalid('validTo', 'must be after validFrom');
  return { country: input.country.toUpperCase(), region, taxClass: input.taxClass.trim().toLowerCase(), rateBp: input.rateBp, label, validFrom, validTo };
}

/** Two windows [from, to) overlap; an open end is unbounded. */
function overlaps(a: { validFrom: Date | null; validTo: Date | null }, b: { validFrom: Date | null; validTo: Date | null }): boolean {
  const aBeforeBEnds = !a.validFrom || !b.validTo || a.validFrom < b.validTo;
  const bBeforeAEnds = !b.validFrom || !a.validTo || b.validFrom < a.validTo;
  return aBeforeBEnds && bBeforeAEnds;
}

/** Refuses a rate whose place, class and window overlap another's (the choice would be ambiguous). */
async function checkConflict(ctx: Ctx, rate: NormalRate, selfId?: string): Promise<void> {
  await repo.lockCountry(ctx.db, rate.country);
  const others = await repo.ratesOfCountry(ctx.db, rate.country);
  const clash = others.find((o) => o.id !== selfId && o.taxClass === rate.taxClass && (o.region ?? '').toLowerCase() === (rate.region ?? '').toLowerCase() && overlaps(o, rate));
  if (clash) throw new AppError('TAX_RATE_CONFLICT', `Rate "${clash.label}" (${clash.id}) already covers ${rate.country}${rate.region ? `/${rate.region}` : ''} ${rate.taxClass} for overlapping dates`, 'taxClass');
}

/** Rates, by country then id; `country` narrows to one. */
export async function listTaxRates(ctx: Ctx, q: { country?: string | undefined; limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<TaxRateView>> {
  const limit = q.limit ?? 50;
  const c = decodeCursor(q.cursor);
  const after = c && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string' ? { country: c[0], id: c[1] } : undefined;
  if (c && !after) throw new AppError('BAD_CURSOR', 'The cursor is not one this API issued', 'cursor');
  const rows = await repo.listRates(ctx.db, q.country?.toUpperCase(), after, limit);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > limit && last ? encodeCursor([last.country, last.id]) : null };
}

async function loadRate(ctx: Ctx, id: string): Promise<repo.TaxRateRecord> {
  const row = isId('taxRate', id) ? await repo.findRate(ctx.db, id) : null;
  if (!row) throw notFound('Tax rate');
  return row;
}

export async function getTaxRate(ctx: Ctx, id: string): Promise<TaxRateView> {
  return view(await loadRate(ctx, id));
}

/** Adds a rate; TAX_RATE_CONFLICT when another rate covers the same place, class and dates. */
export async function createTaxRate(ctx: Ctx, input: TaxRateInput): Promise<TaxRateView> {
  const rate = normalise(input);
  return inTx(ctx, async (tx) => {
    await checkConflict(tx, rate);
    const now = tx.clock.now();
    return view(await repo.insertRate(tx.db, { id: newId('taxRate', now.getTime()), ...rate, createdAt: now, updatedAt: now }));
  });
}

/** Changes a rate (fields not given stay); checked for conflicts like a new one. */
export async function updateTaxRate(ctx: Ctx, id: string, patch: Partial<TaxRateInput>): Promise<TaxRateView> {
  return inTx(ctx, async (tx) => {
    const cur = await loadRate(tx, id);
    const rate = normalise({
      country: patch.country ?? cur.country,
      region: patch.region === undefined ? cur.region : patch.region,
      taxClass: patch.taxClass ?? cur.taxClass,
      rateBp: patch.rateBp ?? cur.rateBp,
      label: patch.label ?? cur.label,
      validFrom: patch.validFrom === undefined ? iso(cur.validFrom) : patch.validFrom,
      validTo: patch.validTo === undefined ? iso(cur.validTo) : patch.validTo,
    });
    await checkConflict(tx, rate, id);
    const row = await repo.updateRate(tx.db, id, { ...rate, updatedAt: tx.clock.now() });
    if (!row) throw notFound('Tax rate');
    return view(row);
  });
}

export async function deleteTaxRate(ctx: Ctx, id: string): Promise<void> {
  if (!isId('taxRate', id) || !(await repo.deleteRate(ctx.db, id))) throw notFound('Tax rate');
}

// ── Staff: a company's exemption ────────────────────────────────────────────────────────────

export interface TaxExemptionView {
  companyId: string;
  /** The company's VAT / tax id (`companies.tax_id`), printed on invoices. */
  vatId: string | null;
  exemption: { certificateNumber: string; expiresOn: string; valid: boolean } | null;
}

async function companyTaxId(ctx: Ctx, companyId: string): Promise<string | null> {
  const facts = isId('company', companyId) ? await repo.companyFacts(ctx.db, companyId) : null;
  if (!facts) throw notFound('Company');
  return facts.taxId;
}

/** A company's VAT id and exemption certificate (with whether it is valid today). */
export async function getTaxExemption(ctx: Ctx, companyId: string): Promise<TaxExemptionView> {
  const vatId = await companyTaxId(ctx, companyId);
  const e = await repo.findExemption(ctx.db, companyId);
  return { companyId, vatId, exemption: e ? { certificateNumber: e.certificateNumber, expiresOn: e.expiresOn, valid: exemptionValid(e, ctx.clock.now()) } : null };
}

/** Records a company's exemption certificate; it exempts orders through its expiry day. */
export async function setTaxExemption(ctx: Ctx, companyId: string, input: { certificateNumber: string; expiresOn: string }): Promise<TaxExemptionView> {
  const certificateNumber = input.certificateNumber.trim();
  if (!certificateNumber) throw invalid('certificateNumber', 'must not be blank');
  if (Number.isNaN(Date.parse(`${input.expiresOn}T00:00:00Z`))) throw invalid('expiresOn', 'must be a date YYYY-MM-DD');
  await inTx(ctx, async (tx) => {
    await companyTaxId(tx, companyId);
    await repo.upsertExemption(tx.db, { companyId, certificateNumber, expiresOn: input.expiresOn, updatedAt: tx.clock.now() });
  });
  return getTaxExemption(ctx, companyId);
}

export async function deleteTaxExemption(ctx: Ctx, companyId: string): Promise<void> {
  await companyTaxId(ctx, companyId);
  if (!(await repo.deleteExemption(ctx.db, companyId))) throw notFound('Tax exemption');
}
