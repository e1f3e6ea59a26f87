import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { authChanged } from '../../lib/auth-epoch.ts';
import { isId, newId } from '../../lib/ids.ts';
import {
  ancestorRows,
  countChildren,
  deleteCompanyRow,
  descendantIdRows,
  findCompany,
  insertCompany,
  listCompanyRows,
  lockHierarchy,
  rebaseSubtree,
  updateCompanyRow,
  type CompanyRecord,
} from './companies.repo.ts';
import { findStaffRow } from './users.repo.ts';
import { recordEvent } from './events.ts';
import { childPath, wouldCycle } from './domain/hierarchy.ts';
import type { Company, CompanyInput, CompanyPatch } from './domain/types.ts';
import { assertCurrency, assertTimezone } from './domain/validation.ts';

/** Strips the internal path columns before a company leaves the module. */
export function publicCompany(c: CompanyRecord): Company {
  const { path: _path, depth: _depth, ...rest } = c;
  return rest;
}

async function loadCompany(ctx: Ctx, id: string, field?: string): Promise<CompanyRecord> {
  const c = isId('company', id) ? await findCompany(ctx.db, id) : null;
  if (!c) throw notFound('Company', field);
  return c;
}

async function assertSalesRep(ctx: Ctx, salesRepId: string | null | undefined): Promise<void> {
  if (!salesRepId) return;
  const staff = isId('staff', salesRepId) ? await findStaffRow(ctx.db, salesRepId) : null;
  if (!staff) throw new AppError('VALIDATION_FAILED', 'No staff member has that id', 'salesRepId');
}

function checkFields(input: CompanyPatch): void {
  if (input.currency !== undefined) assertCurrency(input.currency);
  if (input.timezone !== undefined) assertTimezone(input.timezone);
}

/** Creates a company, optionally under a parent (any depth). */
export async function createCompany(ctx: Ctx, input: CompanyInput): Promise<Company> {
  checkFields(input);
  return inTx(ctx, async (tx) => {
    if (input.parentId) {
      await lockHierarchy(tx.db);
      await loadCompany(tx, input.parentId, 'parentId');
    }
    await assertSalesRep(tx, input.salesRepId);
    const c = await insertCompany(tx.db, {
      id: newId('company', tx.clock.now().getTime()),
      parentId: input.parentId ?? null,
      path: [], // replaced by the insert trigger
      depth: 0,
      legalName: input.legalName.trim(),
      taxId: input.taxId ?? null,
      industry: input.industry ?? null,
      country: input.country,
      region: input.region ?? null,
      currency: input.currency,
      timezone: input.timezone ?? 'UTC',
      locale: input.locale ?? 'en',
      tags: input.tags ?? [],
      customFields: input.customFields ?? {},
      status: input.status ?? 'active',
      salesRepId: input.salesRepId ?? null,
    });
    await recordEvent(tx, { type: 'company.created', aggregateId: c.id, payload: { parentId: c.parentId } });
    return publicCompany(c);
  });
}

/** One company by id (staff view; 404 when absent). */
export async function getCompany(ctx: Ctx, id: string): Promise<Company> {
  return publicCompany(await loadCompany(ctx, id));
}

/** Internal view with path and depth, for other modules (pricing inheritance, segments). */
export async function getCompanyRecord(ctx: Ctx, id: string): Promise<CompanyRecord | null> {
  return isId('company', id) ? findCompany(ctx.db, id) : null;
}

/**
 * Changes a company. A new `parentId` moves the whole subtree; a parent inside the company's own
 * subtree (or itself) is refused with HIERARCHY_CYCLE.
 */
export async function updateCompany(ctx: Ctx, id: string, patch: CompanyPatch): Promise<Company> {
  checkFields(patch);
  const updated = await inTx(ctx, async (tx) => {
    if (patch.parentId !== undefined) await lockHierarchy(tx.db);
    const current = await loadCompany(tx, id);
    if (patch.salesRepId !== undefined) await assertSalesRep(tx, patch.salesRepId);
    if (patch.parentId !== undefined && patch.parentId !== current.parentId) {
      const parent = patch.parentId === null ? null : await loadCompany(tx, patch.parentId, 'parentId');
      if (wouldCycle(id, parent?.path ?? null)) throw new AppError('HIERARCHY_CYCLE', 'A company cannot be moved under itself or its own descendant', 'parentId');
      await rebaseSubtree(tx.db, id, current.depth, childPath(parent?.path ?? null, id));
      await recordEvent(tx, { type: 'company.moved', aggregateId: id, payload: { from: current.parentId, to: patch.parentId } });
    }
    const { parentId, legalName, ...rest } = patch;
    const updated = await updateCompanyRow(tx.db, id, {
      ...rest,
      ...(parentId !== undefined ? { parentId } : {}),
      ...(legalName !== undefined ? { legalName: legalName.trim() } : {}),
      updatedAt: tx.clock.now(),
    });
    await recordEvent(tx, { type: 'company.updated', aggregateId: id, payload: { fields: Object.keys(patch).sort() } });
    return publicCompany(updated!);
  });
  // Suspending a company signs its buyers out at once.
  if (patch.status !== undefined) authChanged();
  return updated;
}

/** Deletes a company with no children (COMPANY_HAS_CHILDREN otherwise). */
export async function deleteCompany(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await loadCompany(tx, id);
    if ((await countChildren(tx.db, id)) > 0) throw new AppError('COMPANY_HAS_CHILDREN', 'Move or delete the child companies first');
    await deleteCompanyRow(tx.db, id);
    await recordEvent(tx, { type: 'company.deleted', aggregateId: id, payload: {} });
  });
  authChanged();
}

export interface CompanyListQuery {
  q?: string;
  parentId?: string;
  limit?: number;
  cursor?: string;
}

/** Staff list: search by name, filter by parent (`root` for top level), keyset-paginated by id. */
export async function listCompanies(ctx: Ctx, query: CompanyListQuery): Promise<PageResult<Company & { childCount: number }>> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor)?.[0];
  if (query.parentId && query.parentId !== 'root' && !isId('company', query.parentId)) return { items: [], nextCursor: null };
  const rows = await listCompanyRows(ctx.db, { q: query.q, parentId: query.parentId, after: after === undefined ? undefined : String(after), limit });
  const page = toPage(rows, limit, (r) => [r.id]);
  return { items: page.items.map((r) => ({ ...publicCompany(r), childCount: r.childCount })), nextCursor: page.nextCursor };
}

/** A company's ancestors, root first. */
export async function companyAncestors(ctx: Ctx, id: string): Promise<Company[]> {
  const c = await loadCompany(ctx, id);
  return (await ancestorRows(ctx.db, c)).map(publicCompany);
}

/** Ancestor ids root first (not including the company); empty for an unknown id. */
export async function ancestorIds(ctx: Ctx, id: string): Promise<string[]> {
  const c = await getCompanyRecord(ctx, id);
  return c ? c.path.slice(0, -1) : [];
}

/** Descendant ids at any depth (not including the company). */
export async function descendantIds(ctx: Ctx, id: string): Promise<string[]> {
  return descendantIdRows(ctx.db, id);
}

/**
 * The companies a buyer may read: their own, plus its descendants where their role grants
 * company.descendants:read (descendantIds leaves the company itself out). Orders, returns and
 * invoices all scope a buyer's reads with it.
 */
export async function buyerReadableCompanyIds(ctx: Ctx, buyer: { companyId: string; permissions: ReadonlySet<string> }): Promise<string[]> {
  return buyer.permissions.has('company.descendants:read') ? [buyer.companyId, ...(await descendantIds(ctx, buyer.companyId))] : [buyer.companyId];
}

/** Integration list: every company by id order. */
export async function listCompaniesForIntegration(ctx: Ctx, query: { limit?: number; cursor?: string }): Promise<PageResult<Company>> {
  const page = await listCompanies(ctx, query);
  return { items: page.items.map(({ childCount: _c, ...c }) => c), nextCursor: page.nextCursor };
}
