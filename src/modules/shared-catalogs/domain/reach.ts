import type { Assignment, CompanyPlace, ReachReason } from './types.ts';

/**
 * Why a catalog with these assignments reaches a company (empty = it does not). `null` is a caller
 * without a company (anonymous visitors, staff previewing the store, API keys): only assignments
 * to everyone reach them.
 */
export function reachReasons(assignments: readonly Assignment[], company: CompanyPlace | null): ReachReason[] {
  const out: ReachReason[] = [];
  for (const a of assignments) {
    if (a.type === 'everyone') out.push({ via: 'everyone' });
    else if (!company) continue;
    else if (a.type === 'group') {
      if (company.groupIds.includes(a.groupId)) out.push({ via: 'group', groupId: a.groupId });
    } else if (a.companyId === company.id) out.push({ via: 'company' });
    else if (a.includeDescendants && company.ancestorIds.includes(a.companyId)) out.push({ via: 'ancestor', companyId: a.companyId });
  }
  return out;
}

/** True when the catalog reaches the company (or the company-less caller). */
export function reaches(assignments: readonly Assignment[], company: CompanyPlace | null): boolean {
  return reachReasons(assignments, company).length > 0;
}
