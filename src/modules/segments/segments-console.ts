// What the admin console's customer-group screens read besides the groups themselves: the rule
// language's attribute catalogue (for the rule builder), a group's join/leave log, and the groups
// one company belongs to (for the price trace and the company page). Reads only.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { companies } from '../accounts/index.ts';
import { ATTRIBUTES, OPERATORS, type AttributeType } from './domain/catalogue.ts';
import { companyExists, findGroup } from './segments.repo.ts';
import { customerGroupMembers, customerGroupMembershipLog, customerGroups, customerGroupStaticMembers } from './segments.tables.ts';

export interface CatalogueAttribute {
  name: string;
  type: AttributeType;
  description: string;
  example: string;
  operators: string[];
  /** True for purchase-history metrics (spend, order counts…), false for company attributes. */
  metric: boolean;
}

export interface AttributeCatalogue {
  attributes: CatalogueAttribute[];
  /** Hierarchy conditions (`descendant_of("cmp_…")`), which take a company id instead of an attribute. */
  relations: { name: 'descendant_of' | 'child_of'; description: string }[];
}

/** The attribute catalogue of the rule language, as the rule builder needs it. */
export function attributeCatalogue(): AttributeCatalogue {
  return {
    attributes: ATTRIBUTES.map((a) => ({
      name: a.name,
      type: a.type,
      description: a.description,
      example: a.example,
      operators: [...OPERATORS[a.type]],
      metric: a.source === 'metrics',
    })),
    relations: [
      { name: 'descendant_of', description: 'Anywhere below the given company in the hierarchy (not the company itself).' },
      { name: 'child_of', description: 'Directly below the given company.' },
    ],
  };
}

export interface MembershipLogEntry {
  id: number;
  companyId: string;
  legalName: string;
  change: 'joined' | 'left';
  reason: string;
  at: string;
}

/** A group's joins and leaves, newest first, with the reason each was recorded with. */
export async function groupLog(ctx: Ctx, groupId: string, query: { limit?: number; cursor?: string }): Promise<PageResult<MembershipLogEntry>> {
  if (!(await findGroup(ctx.db, groupId))) throw notFound('Customer group');
  const limit = query.limit ?? 50;
  const key = decodeCursor(query.cursor);
  if (key && (key.length !== 1 || typeof key[0] !== 'number')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const before = key?.[0] as number | undefined;
  const l = customerGroupMembershipLog;
  const rows = await ctx.db
    .select({ id: l.id, companyId: l.companyId, legalName: companies.legalName, change: l.change, reason: l.reason, at: l.at })
    .from(l)
    .innerJoin(companies, eq(companies.id, l.companyId))
    .where(and(eq(l.groupId, groupId), before === undefined ? undefined : lt(l.id, before)))
    .orderBy(desc(l.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [r.id]);
  return {
    items: page.items.map((r) => ({ ...r, change: r.change === 'left' ? 'left' : 'joined', at: r.at.toISOString() })),
    nextCursor: page.nextCursor,
  };
}

export interface CompanyGroup {
  groupId: string;
  name: string;
  rule: string | null;
  static: boolean;
  since: string;
  reason: string;
}

/** The groups a company belongs to now (materialised), oldest group first, with why it joined each. */
export async function groupsForCompany(ctx: Ctx, companyId: string, query: { limit?: number; cursor?: string }): Promise<PageResult<CompanyGroup>> {
  if (!(await companyExists(ctx.db, companyId))) throw notFound('Company');
  const limit = query.limit ?? 50;
  const key = decodeCursor(query.cursor);
  if (key && (key.length !== 1 || typeof key[0] !== 'string')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const after = key?.[0] as string | undefined;
  const m = customerGroupMembers;
  const rows = await ctx.db
    .select({
      groupId: m.groupId,
      name: customerGroups.name,
      rule: customerGroups.ruleSource,
      since: m.since,
      reason: m.reason,
      static: sql<boolean>`exists (select 1 from ${customerGroupStaticMembers} s where s.group_id = ${m.groupId} and s.company_id = ${m.companyId})`,
    })
    .from(m)
    .innerJoin(customerGroups, eq(customerGroups.id, m.groupId))
    .where(and(eq(m.companyId, companyId), after === undefined ? undefined : sql`${m.groupId} > ${after}`))
    .orderBy(m.groupId)
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [r.groupId]);
  return { items: page.items.map((r) => ({ ...r, static: Boolean(r.static), since: r.since.toISOString() })), nextCursor: page.nextCursor };
}
