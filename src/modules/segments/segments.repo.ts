import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { anyText } from '../../db/sql-arrays.ts';
import type { Db } from '../../db/client.ts';
import { companies } from '../accounts/index.ts';
import type { CompanyFacts, CustomValue } from './domain/facts.ts';
import { metricsFacts, type MetricsRecord } from './domain/purchase-metrics.ts';
import { companyMetrics } from './purchase-history.tables.ts';
import { customerGroupMembers, customerGroupMembershipLog, customerGroups, customerGroupStaticMembers, customerGroupsVersion } from './segments.tables.ts';

export type GroupRow = typeof customerGroups.$inferSelect;

/** One company's facts plus its legal name (for previews and explanations). */
export interface LoadedFacts {
  facts: CompanyFacts;
  legalName: string;
}

/** Custom field values the evaluator can read; anything else (nested objects) is left out as missing. */
function customValue(v: unknown): CustomValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.amount === 'number' && typeof o.currency === 'string' && Object.keys(o).length === 2) return { amount: o.amount, currency: o.currency };
  }
  return undefined;
}

type CompanyRow = typeof companies.$inferSelect;

/**
 * The rule evaluator's facts of one company from its accounts row and its stored metrics row.
 * Ancestors come from the materialised path; a company with no metrics row yet has empty metrics
 * (sums and counts read as 0, dates and averages as missing). contract_tier and payment_terms have
 * no column yet and read as missing.
 */
export function factsOf(r: CompanyRow, metrics: MetricsRecord | undefined): LoadedFacts {
  const custom: Record<string, CustomValue> = {};
  for (const [k, v] of Object.entries(r.customFields ?? {})) {
    const cv = customValue(v);
    if (cv !== undefined) custom[k] = cv;
  }
  const facts: CompanyFacts = {
    id: r.id,
    ancestors: r.path.slice(0, -1),
    attributes: {
      parent_id: r.parentId,
      industry: r.industry,
      country: r.country,
      region: r.region,
      tags: r.tags,
      created_at: r.createdAt.toISOString(),
      depth: r.depth,
      currency: r.currency,
      status: r.status,
    },
    metrics: metrics ? metricsFacts(metrics) : {},
    custom,
  };
  return { facts, legalName: r.legalName };
}

/**
 * Builds the rule evaluator's facts from the accounts tables and `company_metrics` (one query):
 * some companies (`ids` given; by id, unknown ids left out) or all.
 */
export async function loadFacts(db: Db, ids?: readonly string[]): Promise<LoadedFacts[]> {
  if (ids && ids.length === 0) return [];
  const base = db.select({ company: companies, metrics: companyMetrics }).from(companies).leftJoin(companyMetrics, eq(companyMetrics.companyId, companies.id));
  const rows = await (ids ? base.where(anyText(companies.id, ids)) : base).orderBy(asc(companies.id));
  return rows.map((r) => factsOf(r.company, r.metrics ?? undefined));
}

export async function companyNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: companies.id, legalName: companies.legalName }).from(companies).where(anyText(companies.id, ids));
  return new Map(rows.map((r) => [r.id, r.legalName]));
}

export async function companyExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: companies.id }).from(companies).where(eq(companies.id, id)).limit(1);
  return row !== undefined;
}

const memberCount = sql<number>`(select count(*)::int from customer_group_members m where m.group_id = ${customerGroups.id})`;
const staticCount = sql<number>`(select count(*)::int from customer_group_static_members s where s.group_id = ${customerGroups.id})`;

export async function findGroup(db: Db, id: string): Promise<(GroupRow & { memberCount: number; staticCount: number }) | null> {
  const [row] = await db
    .select({ group: customerGroups, memberCount, staticCount })
    .from(customerGroups)
    .where(eq(customerGroups.id, id))
    .limit(1);
  return row ? { ...row.group, memberCount: row.memberCount, staticCount: row.staticCount } : null;
}

export async function findGroupByName(db: Db, name: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(customerGroups).where(sql`lower(${customerGroups.name}) = lower(${name})`).limit(1);
  return row ?? null;
}

export async function listGroupRows(db: Db, after: string | undefined, limit: number): Promise<(GroupRow & { memberCount: number; staticCount: number })[]> {
  const rows = await db
    .select({ group: customerGroups, memberCount, staticCount })
    .from(customerGroups)
    .where(after === undefined ? undefined : gt(customerGroups.id, after))
    .orderBy(asc(customerGroups.id))
    .limit(limit + 1);
  return rows.map((r) => ({ ...r.group, memberCount: r.memberCount, staticCount: r.staticCount }));
}

/** Groups that have a rule (for re-evaluation). */
export async function ruleGroups(db: Db, ids?: readonly string[]): Promise<GroupRow[]> {
  const hasRule = sql`${customerGroups.ruleAst} is not null`;
  return db
    .select()
    .from(customerGroups)
    .where(ids ? and(hasRule, anyText(customerGroups.id, ids)) : hasRule)
    .orderBy(asc(customerGroups.id));
}

export async function allGroups(db: Db, ids?: readonly string[]): Promise<GroupRow[]> {
  const base = db.select().from(customerGroups);
  return (ids ? base.where(anyText(customerGroups.id, ids)) : base).orderBy(asc(customerGroups.id));
}

export async function insertGroup(db: Db, values: typeof customerGroups.$inferInsert): Promise<void> {
  await db.insert(customerGroups).values(values);
}

export async function updateGroupRow(db: Db, id: string, values: Partial<typeof customerGroups.$inferInsert>): Promise<boolean> {
  const rows = await db.update(customerGroups).set(values).where(eq(customerGroups.id, id)).returning({ id: customerGroups.id });
  return rows.length > 0;
}

export async function deleteGroupRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(customerGroups).where(eq(customerGroups.id, id)).returning({ id: customerGroups.id });
  return rows.length > 0;
}

export async function addStatic(db: Db, groupId: string, companyId: string): Promise<void> {
  await db.insert(customerGroupStaticMembers).values({ groupId, companyId }).onConflictDoNothing();
}

export async function removeStatic(db: Db, groupId: string, companyId: string): Promise<boolean> {
  const rows = await db
    .delete(customerGroupStaticMembers)
    .where(and(eq(customerGroupStaticMembers.groupId, groupId), eq(customerGroupStaticMembers.companyId, companyId)))
    .returning({ id: customerGroupStaticMembers.companyId });
  return rows.length > 0;
}

/** Static members by group, optionally only for some groups and/or one company. */
export async function staticMembers(db: Db, filter: { groupIds?: readonly string[]; companyId?: string } = {}): Promise<Map<string, Set<string>>> {
  const conds = [];
  if (filter.groupIds) conds.push(anyText(customerGroupStaticMembers.groupId, filter.groupIds));
  if (filter.companyId) conds.push(eq(customerGroupStaticMembers.companyId, filter.companyId));
  const rows = await db.select().from(customerGroupStaticMembers).where(conds.length ? and(...conds) : undefined);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let s = out.get(r.groupId);
    if (!s) out.set(r.groupId, (s = new Set()));
    s.add(r.companyId);
  }
  return out;
}

/** Materialised members by group, optionally only for some groups and/or one company. */
export async function currentMembers(db: Db, filter: { groupIds?: readonly string[]; companyId?: string } = {}): Promise<Map<string, Set<string>>> {
  const conds = [];
  if (filter.groupIds) conds.push(anyText(customerGroupMembers.groupId, filter.groupIds));
  if (filter.companyId) conds.push(eq(customerGroupMembers.companyId, filter.companyId));
  const rows = await db
    .select({ groupId: customerGroupMembers.groupId, companyId: customerGroupMembers.companyId })
    .from(customerGroupMembers)
    .where(conds.length ? and(...conds) : undefined);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let s = out.get(r.groupId);
    if (!s) out.set(r.groupId, (s = new Set()));
    s.add(r.companyId);
  }
  return out;
}

/** The memberships of some companies by group — static (added by hand) and materialised — in one query. */
export interface Memberships {
  statics: Map<string, Set<string>>;
  current: Map<string, Set<string>>;
  /** customer_groups' version token, read with the memberships (one snapshot). */
  groupsVersion: string;
}

/**
 * The memberships of `companyIds` and the groups' version token as rows (k, group_id, company_id):
 * k 'm' current member, 's' static member, 'v' the token (in group_id). For `membershipsOf`, or a
 * caller that reads them in a larger statement (`collectMemberships` turns the rows back).
 */
export function membershipsSql(companyIds: readonly string[]): SQL {
  const ids = anyText(sql.raw('company_id'), companyIds);
  return sql`select 'm' as k, group_id, company_id from customer_group_members where ${ids}
        union all select 's', group_id, company_id from customer_group_static_members where ${ids}
        union all select 'v', version, null from customer_groups_version`;
}

/** `membershipsSql`'s rows as memberships. */
export function collectMemberships(rows: Iterable<{ k: string; group_id: string; company_id: string | null }>): Memberships {
  const out: Memberships = { statics: new Map(), current: new Map(), groupsVersion: '' };
  for (const r of rows) {
    if (r.k === 'v') {
      out.groupsVersion = r.group_id;
      continue;
    }
    const byGroup = r.k === 'm' ? out.current : out.statics;
    let s = byGroup.get(r.group_id);
    if (!s) byGroup.set(r.group_id, (s = new Set()));
    s.add(r.company_id!);
  }
  return out;
}

export async function membershipsOf(db: Db, companyIds: readonly string[]): Promise<Memberships> {
  const rows = ((await db.execute(membershipsSql(companyIds))) as unknown as { rows: { k: string; group_id: string; company_id: string | null }[] }).rows;
  return collectMemberships(rows);
}

/** Every group with its rule tree, and the version token of that state (one snapshot). */
export async function groupsWithVersion(db: Db): Promise<{ version: string; groups: GroupRow[] }> {
  const rows = await db
    .select({ version: customerGroupsVersion.version, group: customerGroups })
    .from(customerGroupsVersion)
    .leftJoin(customerGroups, sql`true`)
    .orderBy(asc(customerGroups.id));
  return { version: rows[0]?.version ?? '', groups: rows.flatMap((r) => (r.group ? [r.group] : [])) };
}

export async function findMember(db: Db, groupId: string, companyId: string): Promise<{ since: Date; reason: string } | null> {
  const [row] = await db
    .select({ since: customerGroupMembers.since, reason: customerGroupMembers.reason })
    .from(customerGroupMembers)
    .where(and(eq(customerGroupMembers.groupId, groupId), eq(customerGroupMembers.companyId, companyId)))
    .limit(1);
  return row ?? null;
}

export interface MemberChange {
  groupId: string;
  companyId: string;
  reason: string;
}

const CHUNK = 500;

/**
 * Serialises membership writers until the transaction ends, so a full re-evaluation and a rule save
 * running at once cannot both log the same join (each reads the table, then writes its diff).
 */
export async function lockMembership(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7271005)`);
}

/** `lockMembership` as a one-row relation, for a statement that takes the lock while it reads something else. */
export const MEMBERSHIP_LOCK = sql`(select pg_advisory_xact_lock(7271005)) membership_lock`;

export interface LoggedChange extends MemberChange {
  change: 'joined' | 'left';
}

/**
 * Writes joins and leaves to the materialised table and the log (call inside a transaction); the
 * log gets them in the order given (ids ascending), as re-evaluating one company after another would.
 */
export async function applyChanges(db: Db, changes: readonly LoggedChange[], at: Date): Promise<void> {
  const joins = changes.filter((c) => c.change === 'joined');
  const leaves = changes.filter((c) => c.change === 'left');
  for (let i = 0; i < joins.length; i += CHUNK) {
    const part = joins.slice(i, i + CHUNK);
    await db.insert(customerGroupMembers).values(part.map((j) => ({ groupId: j.groupId, companyId: j.companyId, reason: j.reason, since: at }))).onConflictDoNothing();
  }
  for (let i = 0; i < leaves.length; i += CHUNK) {
    const part = leaves.slice(i, i + CHUNK);
    // One statement per chunk: a nightly run can have thousands of leaves (windows decaying).
    await db.delete(customerGroupMembers).where(sql`(${customerGroupMembers.groupId}, ${customerGroupMembers.companyId}) in (${sql.join(part.map((l) => sql`(${l.groupId}, ${l.companyId})`), sql`, `)})`);
  }
  for (let i = 0; i < changes.length; i += CHUNK) {
    await db.insert(customerGroupMembershipLog).values(changes.slice(i, i + CHUNK).map((c) => ({ groupId: c.groupId, companyId: c.companyId, change: c.change, reason: c.reason, at })));
  }
}

export async function listMemberRows(
  db: Db,
  groupId: string,
  after: string | undefined,
  limit: number,
): Promise<{ companyId: string; legalName: string; since: Date; reason: string; isStatic: boolean }[]> {
  return db
    .select({
      companyId: customerGroupMembers.companyId,
      legalName: companies.legalName,
      since: customerGroupMembers.since,
      reason: customerGroupMembers.reason,
      isStatic: sql<boolean>`exists (select 1 from customer_group_static_members s where s.group_id = ${customerGroupMembers.groupId} and s.company_id = ${customerGroupMembers.companyId})`,
    })
    .from(customerGroupMembers)
    .innerJoin(companies, eq(companies.id, customerGroupMembers.companyId))
    .where(and(eq(customerGroupMembers.groupId, groupId), after === undefined ? undefined : gt(customerGroupMembers.companyId, after)))
    .orderBy(asc(customerGroupMembers.companyId))
    .limit(limit + 1);
}

export async function membershipLog(db: Db, groupId: string, companyId?: string): Promise<{ companyId: string; change: string; reason: string; at: Date }[]> {
  return db
    .select({ companyId: customerGroupMembershipLog.companyId, change: customerGroupMembershipLog.change, reason: customerGroupMembershipLog.reason, at: customerGroupMembershipLog.at })
    .from(customerGroupMembershipLog)
    .where(and(eq(customerGroupMembershipLog.groupId, groupId), companyId ? eq(customerGroupMembershipLog.companyId, companyId) : undefined))
    .orderBy(asc(customerGroupMembershipLog.id));
}
