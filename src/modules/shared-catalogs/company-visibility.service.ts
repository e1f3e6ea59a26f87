import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../lib/errors.ts';
import { getCompanyRecord } from '../accounts/index.ts';
import { groupsOfCompany } from '../segments/index.ts';
import { reachReasons } from './domain/reach.ts';
import type { Assignment, CompanyPlace } from './domain/types.ts';
import * as repo from './shared-catalogs.repo.ts';
import { resolveVisibility } from './visibility.service.ts';

/** Staff's "what does this company see, and why": the reaching catalogs with their reasons. */

export interface ReasonView {
  via: 'everyone' | 'company' | 'ancestor' | 'group';
  /** The ancestor (via = ancestor) or the company itself (via = company); null otherwise. */
  companyId: string | null;
  groupId: string | null;
  /** The ancestor's legal name or the group's name; '' for everyone. */
  label: string;
}

export interface CompanyVisibility {
  companyId: string;
  /** True when no active catalog reaches the company: it sees every active product. */
  publicCatalog: boolean;
  catalogs: { id: string; name: string; reasons: ReasonView[] }[];
  visibleProductCount: number;
}

/** Which active catalogs reach a company and how (directly, via an ancestor, via a group, everyone), and what it sees. */
export async function companyVisibility(ctx: Ctx, companyId: string): Promise<CompanyVisibility> {
  const company = await getCompanyRecord(ctx, companyId);
  if (!company) throw notFound('Company');
  const place: CompanyPlace = { id: company.id, ancestorIds: company.path.slice(0, -1), groupIds: await groupsOfCompany(ctx, company.id) };
  const active = await repo.activeCatalogsWithAssignments(ctx.db);
  const rows = await repo.allAssignments(ctx.db, active.map((c) => c.id));
  const reaching = active.flatMap((c) => {
    const assignments = rows.filter((r) => r.catalogId === c.id).map(toAssignment);
    const reasons = reachReasons(assignments, place);
    return reasons.length ? [{ id: c.id, name: c.name, reasons }] : [];
  });
  const names = await repo.namesOf(ctx.db, place.ancestorIds, place.groupIds);
  const resolved = await resolveVisibility(ctx, company.id);
  const { count } = await repo.visibleProducts(ctx.db, resolved.sql, 0);
  return {
    companyId: company.id,
    publicCatalog: reaching.length === 0,
    catalogs: reaching.map((c) => ({
      id: c.id,
      name: c.name,
      reasons: c.reasons.map((r) => {
        if (r.via === 'ancestor') return { via: r.via, companyId: r.companyId, groupId: null, label: names.get(r.companyId) ?? '' };
        if (r.via === 'group') return { via: r.via, companyId: null, groupId: r.groupId, label: names.get(r.groupId) ?? '' };
        if (r.via === 'company') return { via: r.via, companyId: company.id, groupId: null, label: company.legalName };
        return { via: r.via, companyId: null, groupId: null, label: '' };
      }),
    })),
    visibleProductCount: count,
  };
}

function toAssignment(r: { type: Assignment['type']; groupId: string | null; companyId: string | null; includeDescendants: boolean }): Assignment {
  if (r.type === 'group') return { type: 'group', groupId: r.groupId ?? '' };
  if (r.type === 'company') return { type: 'company', companyId: r.companyId ?? '', includeDescendants: r.includeDescendants };
  return { type: 'everyone' };
}
