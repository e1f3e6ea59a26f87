import type { Static } from 'typebox';
import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { ancestorIds, getCompanyRecord } from '../accounts/index.ts';
import { variantFacts } from '../catalog/index.ts';
import { groupsOfCompany } from '../segments/index.ts';
import type { PriceEntry, PriceList, PriceListTarget, PricingStrategy, Resolution } from './domain/types.ts';
import { buildPriceIndex } from './domain/price-index.ts';
import { resolvePrice } from './domain/resolve.ts';
import { priceCart, type CartLineInput, type PricedCart } from './domain/cart.ts';
import { validateContractPrice, validateDerivations, validatePriceList } from './domain/validate.ts';
import * as repo from './pricing.repo.ts';
import { entryCounts } from './entries-admin.repo.ts';
import type * as s from './pricing.schemas.ts';

export type PriceListView = Static<typeof s.PriceList>;
export type EntryView = Static<typeof s.Entry>;
export type ContractView = Static<typeof s.Contract>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const date = (v: string | null | undefined): Date | null => (v == null ? null : new Date(v));

function view(l: repo.ListRow, targets: readonly repo.TargetRow[]): PriceListView {
  return {
    id: l.id, name: l.name, currency: l.currency, status: l.status, validFrom: iso(l.validFrom), validTo: iso(l.validTo),
    priority: l.priority, kind: l.kind, derived: (l.derived as PriceListView['derived']) ?? null,
    targets: targets.map(repo.targetOf), createdAt: iso(l.createdAt)!, updatedAt: iso(l.updatedAt)!,
  };
}

function firstProblem(problems: readonly { field: string; message: string }[]): void {
  const p = problems[0];
  if (p) throw invalid(p.field, p.message);
}

/** The list row, or 404 for an unknown or malformed id. */
export async function loadList(ctx: Ctx, id: string): Promise<repo.ListRow> {
  const l = isId('priceList', id) ? await repo.getList(ctx.db, id) : undefined;
  if (!l) throw notFound('Price list');
  return l;
}

/** Company targets must name companies that exist (an unknown id would silently price nobody). */
async function checkTargets(ctx: Ctx, targets: readonly PriceListTarget[]): Promise<void> {
  for (const [i, t] of targets.entries()) {
    if (t.type === 'company' && !(await getCompanyRecord(ctx, t.companyId))) throw invalid(`targets[${i}].companyId`, `No company has id ${t.companyId}`);
  }
}

/** Validates a list with the engine's rules, and its derivation against every other list. */
async function checkList(ctx: Ctx, list: PriceList): Promise<void> {
  firstProblem(validatePriceList(list));
  await checkTargets(ctx, list.targets);
  if (list.derived == null) return;
  const others = (await repo.allDerivationHeaders(ctx.db)).filter((l) => l.id !== list.id).map((l) => repo.listOf(l, [], []));
  const bad = validateDerivations([...others, list]).find((p) => p.listId === list.id);
  if (bad) throw invalid('derived.baseListId', bad.message);
}

/** Price lists, oldest first, cursor-paginated. */
export async function listPriceLists(ctx: Ctx, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<PriceListView>> {
  const limit = q.limit ?? 50;
  const key = decodeCursor(q.cursor);
  if (key && (key.length !== 1 || typeof key[0] !== 'string')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const found = await repo.listLists(ctx.db, key?.[0] as string | undefined, limit);
  const targets = await repo.targetsOf(ctx.db, found.map((l) => l.id));
  const page = toPage(found, limit, (l) => [l.id]);
  const counts = await entryCounts(ctx.db, page.items.map((l) => l.id));
  return { items: page.items.map((l) => ({ ...view(l, targets.filter((t) => t.listId === l.id)), entryCount: counts.get(l.id) ?? 0 })), nextCursor: page.nextCursor };
}

/** One price list with its targets. */
export async function getPriceList(ctx: Ctx, id: string): Promise<PriceListView> {
  const l = await loadList(ctx, id);
  return view(l, await repo.targetsOf(ctx.db, [l.id]));
}

/** Creates a list after the engine's validation (errors name the field). */
export async function createPriceList(ctx: Ctx, input: Static<typeof s.PriceListCreate>): Promise<PriceListView> {
  const id = newId('priceList', ctx.clock.now().getTime());
  const list: PriceList = {
    id, name: input.name, currency: input.currency, status: input.status ?? 'draft', validFrom: date(input.validFrom), validTo: date(input.validTo),
    priority: input.priority ?? 0, kind: input.kind ?? 'standard', derived: input.derived ?? null, targets: input.targets ?? [], entries: [],
  };
  return inTx(ctx, async (tx) => {
    await checkList(tx, list);
    await repo.insertList(tx.db, {
      id, name: list.name, currency: list.currency, status: list.status, validFrom: list.validFrom ?? null, validTo: list.validTo ?? null,
      priority: list.priority, kind: list.kind, derived: list.derived ?? null,
    });
    await repo.replaceTargets(tx.db, id, list.targets);
    return getPriceList(tx, id);
  });
}

/** Updates a list's header or targets (currency and kind are fixed once created). */
export async function updatePriceList(ctx: Ctx, id: string, patch: Static<typeof s.PriceListPatch>): Promise<PriceListView> {
  return inTx(ctx, async (tx) => {
    const l = await loadList(tx, id);
    const targets = patch.targets ?? (await repo.targetsOf(tx.db, [id])).map(repo.targetOf);
    const next: PriceList = {
      id, name: patch.name ?? l.name, currency: l.currency, status: patch.status ?? l.status,
      validFrom: patch.validFrom !== undefined ? date(patch.validFrom) : l.validFrom,
      validTo: patch.validTo !== undefined ? date(patch.validTo) : l.validTo,
      priority: patch.priority ?? l.priority, kind: l.kind,
      derived: patch.derived !== undefined ? patch.derived : ((l.derived as PriceList['derived']) ?? null), targets, entries: [],
    };
    await checkList(tx, next);
    await repo.updateList(tx.db, id, {
      name: next.name, status: next.status, validFrom: next.validFrom ?? null, validTo: next.validTo ?? null, priority: next.priority, derived: next.derived ?? null,
    });
    if (patch.targets !== undefined) await repo.replaceTargets(tx.db, id, patch.targets);
    return getPriceList(tx, id);
  });
}

/** Deletes a list and its entries; refused while another list derives from it. */
export async function deletePriceList(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await loadList(tx, id);
    const dependants = await repo.derivedFrom(tx.db, id);
    if (dependants.length > 0) throw new AppError('CONFLICT', `Lists ${dependants.join(', ')} derive from this list`, 'id');
    await repo.deleteList(tx.db, id);
  });
}

type EntryItem = Static<typeof s.EntriesPut>['items'][number];
export interface ItemError { index: number; field: string; message: string }

/**
 * Bulk upsert of a list's entries by SKU or variant id. Unknown variants and entries the engine
 * rejects (tiers, quantity rules) are reported per item; the rest are written. A later item for
 * the same variant wins.
 */
export async function putEntries(ctx: Ctx, id: string, items: readonly EntryItem[]): Promise<{ created: number; updated: number; failed: number; errors: ItemError[] }> {
  return inTx(ctx, async (tx) => {
    const l = await loadList(tx, id);
    const facts = await variantFacts(tx, {
      ids: items.flatMap((i) => (i.variantId ? [i.variantId] : [])),
      skus: items.flatMap((i) => (i.sku && !i.variantId ? [i.sku] : [])),
    });
    const byId = new Set(facts.map((f) => f.variantId));
    const bySku = new Map(facts.map((f) => [f.sku.toLowerCase(), f.variantId]));
    const errors: ItemError[] = [];
    const latest = new Map<string, PriceEntry>();
    const header = repo.listOf(l, [{ listId: id, type: 'everyone', targetId: '', includeDescendants: false }], []);
    items.forEach((item, index) => {
      const variantId = item.variantId ? (byId.has(item.variantId) ? item.variantId : undefined) : item.sku ? bySku.get(item.sku.toLowerCase()) : undefined;
      if (!item.variantId && !item.sku) { errors.push({ index, field: 'sku', message: 'Give a sku or a variantId' }); return; }
      if (!variantId) { errors.push({ index, field: item.variantId ? 'variantId' : 'sku', message: `No variant has ${item.variantId ? `id ${item.variantId}` : `SKU ${item.sku}`}` }); return; }
      const rules = {
        ...(item.qtyMin != null ? { min: item.qtyMin } : {}), ...(item.qtyMax != null ? { max: item.qtyMax } : {}), ...(item.qtyIncrement != null ? { increment: item.qtyIncrement } : {}),
      };
      const entry: PriceEntry = { variantId, unitPrice: item.unitPrice, tiers: item.tiers ?? [], ...(Object.keys(rules).length > 0 ? { qtyRules: rules } : {}) };
      const problem = validatePriceList({ ...header, entries: [entry] }).find((p) => p.field.startsWith('entries[0]'));
      if (problem) { errors.push({ index, field: problem.field.replace('entries[0].', '').replace('qtyRules.', 'qty').replace(/qty(min|max|increment)$/, (_m, w: string) => `qty${w[0]!.toUpperCase()}${w.slice(1)}`), message: problem.message }); return; }
      latest.set(variantId, entry);
    });
    const existed = await repo.upsertEntries(tx.db, id, [...latest.values()]);
    const updated = [...latest.keys()].filter((v) => existed.has(v)).length;
    return { created: latest.size - updated, updated, failed: errors.length, errors };
  });
}

async function loadCompany(ctx: Ctx, companyId: string): Promise<{ id: string; currency: string }> {
  const c = await getCompanyRecord(ctx, companyId);
  if (!c) throw notFound('Company');
  return c;
}

/** A company's contract prices, cursor-paginated. */
export async function listContracts(ctx: Ctx, companyId: string, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<ContractView>> {
  await loadCompany(ctx, companyId);
  const limit = q.limit ?? 50;
  const key = decodeCursor(q.cursor);
  if (key && (key.length !== 1 || typeof key[0] !== 'string')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const found = await repo.contractsOfCompany(ctx.db, companyId, key?.[0] as string | undefined, limit);
  const page = toPage(found, limit, (c) => [c.id]);
  return { items: page.items.map(contractView), nextCursor: page.nextCursor };
}

function contractView(c: repo.ContractRow & { sku: string }): ContractView {
  return {
    id: c.id, companyId: c.companyId, variantId: c.variantId, sku: c.sku, currency: c.currency, unitPrice: Number(c.unitPrice),
    tiers: c.tiers, reference: c.reference, validTo: iso(c.validTo)!, createdAt: iso(c.createdAt)!,
  };
}

/** Records a contract price for a company and a variant (by SKU or id). */
export async function createContract(ctx: Ctx, companyId: string, input: Static<typeof s.ContractCreate>): Promise<ContractView> {
  return inTx(ctx, async (tx) => {
    await loadCompany(tx, companyId);
    if (!input.sku && !input.variantId) throw invalid('sku', 'Give a sku or a variantId');
    const [f] = await variantFacts(tx, input.variantId ? { ids: [input.variantId] } : { skus: [input.sku!] });
    if (!f) throw invalid(input.variantId ? 'variantId' : 'sku', 'No such variant');
    const validTo = new Date(input.validTo);
    firstProblem(validateContractPrice({ companyId, variantId: f.variantId, currency: input.currency, unitPrice: input.unitPrice, tiers: input.tiers ?? [], reference: input.reference, validTo }));
    const id = newId('contractPrice', tx.clock.now().getTime());
    const ok = await repo.insertContract(tx.db, {
      id, companyId, variantId: f.variantId, currency: input.currency, unitPrice: input.unitPrice, tiers: input.tiers ?? [], reference: input.reference, validTo,
    });
    if (!ok) throw new AppError('CONFLICT', `Contract ${input.reference} already prices this variant in ${input.currency}`, 'reference');
    const now = tx.clock.now().toISOString();
    return { id, companyId, variantId: f.variantId, sku: f.sku, currency: input.currency, unitPrice: input.unitPrice, tiers: input.tiers ?? [], reference: input.reference, validTo: validTo.toISOString(), createdAt: now };
  });
}

/** Deletes a company's contract price; another company's contract answers 404 like a missing one. */
export async function deleteContract(ctx: Ctx, companyId: string, contractId: string): Promise<void> {
  await loadCompany(ctx, companyId);
  if (!isId('contractPrice', contractId) || !(await repo.deleteContract(ctx.db, companyId, contractId))) throw notFound('Contract price');
}

/** Who buys and how: inputs of {@link priceForCompany}. */
export interface PricingRequest {
  companyId: string;
  currency?: string | undefined;
  strategy: PricingStrategy;
  /**
   * Customer groups to price for. Absent: the company's materialised memberships (segments
   * module); given: exactly these (the staff trace's "what if it were in group G").
   */
  groupIds?: readonly string[] | undefined;
  channel?: string | null | undefined;
  at?: Date | undefined;
}

/**
 * Prices cart lines for a company: loads only what can reach it (a fixed number of queries — the
 * company's ancestors, the variants' facts, then the four loader queries) and runs the engine.
 * Lines whose variant id is unknown come back unpriced.
 */
export async function priceForCompany(ctx: Ctx, req: PricingRequest, lines: readonly { variantId: string; quantity: number }[]): Promise<PricedCart> {
  const company = await loadCompany(ctx, req.companyId);
  const variantIds = [...new Set(lines.map((l) => l.variantId))];
  const { index, context, facts } = await prepare(ctx, req, company, variantIds);
  const input: CartLineInput[] = lines.map((l) => ({ quantity: l.quantity, variant: facts.get(l.variantId) ?? { variantId: l.variantId, categoryIds: [], tags: [] } }));
  return priceCart(input, index, context);
}

async function prepare(ctx: Ctx, req: PricingRequest, company: { id: string; currency: string }, variantIds: readonly string[]) {
  const [ancestors, factRows] = await Promise.all([ancestorIds(ctx, company.id), variantFacts(ctx, { ids: variantIds })]);
  const nearestFirst = [...ancestors].reverse();
  const groupIds = req.groupIds ?? (await groupsOfCompany(ctx, company.id));
  const loaded = await repo.loadForCompany(ctx.db, { companyId: company.id, ancestors: nearestFirst, groupIds, channel: req.channel ?? null, variantIds });
  const index = buildPriceIndex(loaded.lists, loaded.contracts);
  const context = {
    companyId: company.id, ancestors: nearestFirst, groupIds, channel: req.channel ?? null,
    currency: req.currency ?? company.currency, at: req.at ?? ctx.clock.now(), strategy: req.strategy,
  };
  const facts = new Map(factRows.map((f) => [f.variantId, { variantId: f.variantId, categoryIds: f.categoryIds, brandId: f.brandId, tags: f.tags }]));
  return { index, context, facts };
}

/** The staff price trace: the engine's full resolution for one company, SKU and quantity. */
export async function resolveForStaff(ctx: Ctx, req: PricingRequest & { sku: string; quantity: number }): Promise<Resolution & { sku: string; strategy: PricingStrategy }> {
  const company = await loadCompany(ctx, req.companyId);
  const [f] = await variantFacts(ctx, { skus: [req.sku] });
  if (!f) throw notFound('Variant', 'sku');
  const { index, context, facts } = await prepare(ctx, req, company, [f.variantId]);
  const r = resolvePrice({ index, context, variant: facts.get(f.variantId)!, quantity: req.quantity });
  return { ...r, sku: f.sku, strategy: req.strategy };
}
