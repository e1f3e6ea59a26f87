import type { Ctx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isId } from '../../lib/ids.ts';
import { findCompany, listCompanyRows, type CompanyRecord } from './companies.repo.ts';
import { publicCompany } from './companies.service.ts';
import type { Company, Location } from './domain/types.ts';
import { listLocations } from './locations.service.ts';
import { memberLocationIds } from './users.repo.ts';

/**
 * What a signed-in buyer may see of the company tree: the company they act for and — with
 * `company.descendants:read` (company admins) — every company below it. Never upwards, never
 * sideways: those ids answer 404 exactly like ids that do not exist.
 */
function buyer(ctx: Ctx) {
  const a = ctx.actor;
  if (a.kind !== 'buyer') throw new AppError('UNAUTHENTICATED');
  return a;
}

/** The buyer's own company, with a summary of its parent (if any). */
export async function storeOwnCompany(ctx: Ctx): Promise<Company & { parent: { id: string; legalName: string } | null }> {
  const a = buyer(ctx);
  const own = await findCompany(ctx.db, a.companyId);
  if (!own) throw notFound('Company');
  const parent = own.parentId ? await findCompany(ctx.db, own.parentId) : null;
  return { ...publicCompany(own), parent: parent ? { id: parent.id, legalName: parent.legalName } : null };
}

/** A company the buyer may read (own, or a descendant for company admins); otherwise 404. */
export async function storeReadableCompany(ctx: Ctx, id: string): Promise<CompanyRecord & { relDepth: number }> {
  const a = buyer(ctx);
  const c = isId('company', id) ? await findCompany(ctx.db, id) : null;
  const ownIndex = c ? c.path.indexOf(a.companyId) : -1;
  const allowed = c && ownIndex >= 0 && (c.id === a.companyId || a.permissions.has('company.descendants:read'));
  if (!c || !allowed) throw notFound('Company');
  return { ...c, relDepth: c.path.length - 1 - ownIndex };
}

/** Own company plus, for company admins, every descendant; flat, with parentId and depth below own. */
export async function storeCompanies(ctx: Ctx, q: { limit?: number; cursor?: string }): Promise<PageResult<Company & { depth: number }>> {
  const a = buyer(ctx);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor)?.[0];
  const own = await findCompany(ctx.db, a.companyId);
  if (!own) throw notFound('Company');
  const rows = a.permissions.has('company.descendants:read')
    ? await listCompanyRows(ctx.db, { subtreeOf: a.companyId, after: after === undefined ? undefined : String(after), limit })
    : after === undefined
      ? [{ ...own, childCount: 0 }]
      : [];
  const page = toPage(rows, limit, (r) => [r.id]);
  return { items: page.items.map((r) => ({ ...publicCompany(r), depth: r.depth - own.depth })), nextCursor: page.nextCursor };
}

/**
 * Locations the buyer may use in their own company: all of them, or only those their
 * membership is restricted to.
 */
export async function storeOwnLocations(ctx: Ctx, q: { limit?: number; cursor?: string }): Promise<PageResult<Location>> {
  const a = buyer(ctx);
  const only = await memberLocationIds(ctx.db, a.userId, a.companyId);
  const restricted = only.length > 0 && !a.permissions.has('company.locations:write');
  return listLocations(ctx, a.companyId, { ...q, ...(restricted ? { only } : {}) });
}
