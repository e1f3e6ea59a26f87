import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Expr } from './domain/ast.ts';
import type { CompanyFacts } from './domain/facts.ts';
import { compileRule } from './domain/compile.ts';
import type { RuleError } from './domain/diagnostics.ts';
import { compileToPredicate } from './domain/evaluate.ts';
import { explain } from './domain/explain.ts';
import { diffMembership } from './domain/preview.ts';
import { reviveRule } from './domain/stored.ts';
import {
  addStatic,
  allGroups,
  applyChanges,
  companyExists,
  companyNames,
  currentMembers,
  deleteGroupRow,
  findGroup,
  findGroupByName,
  findMember,
  groupsWithVersion,
  insertGroup,
  listGroupRows,
  listMemberRows,
  loadFacts,
  lockMembership,
  membershipsOf,
  removeStatic,
  staticMembers,
  updateGroupRow,
  type GroupRow,
  type LoadedFacts,
  type LoggedChange,
  type Memberships,
} from './segments.repo.ts';

export interface CustomerGroup {
  id: string;
  name: string;
  description: string;
  rule: string | null;
  memberCount: number;
  /** Companies added by hand (members whatever the rule says). */
  staticCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface GroupInput {
  name: string;
  description?: string;
  rule?: string | null;
}

export type GroupPatch = Partial<GroupInput>;

export interface Member {
  companyId: string;
  legalName: string;
  since: string;
  reason: string;
  static: boolean;
}

export interface ReevaluateResult {
  joined: number;
  left: number;
}

export interface PreviewCompany {
  id: string;
  legalName: string;
}

export interface PreviewResult {
  /** Members after the change (static members included); 0 when the rule has errors. */
  count: number;
  joins: PreviewCompany[];
  leaves: PreviewCompany[];
  joinCount: number;
  leaveCount: number;
  errors: RuleError[];
}

export interface MembershipExplanation {
  groupId: string;
  companyId: string;
  member: boolean;
  static: boolean;
  since: string | null;
  sentence: string;
  reasons: string[];
}

const PREVIEW_LIMIT = 50;
const STATIC_REASON = 'static member (added by hand)';

function toGroup(r: GroupRow & { memberCount: number; staticCount: number }): CustomerGroup {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    rule: r.ruleSource,
    memberCount: r.memberCount,
    staticCount: r.staticCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Compiles a rule or refuses it with 400 VALIDATION_FAILED on `rule`, every error with its position. */
function compileOrThrow(source: string): Expr {
  const result = compileRule(source);
  if (result.ok) return result.ast;
  const first = result.errors[0]!;
  throw new AppError('VALIDATION_FAILED', `rule: ${first.message}`, 'rule', {
    errors: result.errors.map((e) => ({ field: 'rule', message: e.message, line: e.line, column: e.column })),
  });
}

/** Company ids a rule names in `descendant_of` / `child_of`, so explanations can show their names. */
function referencedCompanies(e: Expr, out: Set<string> = new Set()): Set<string> {
  if (e.kind === 'hierarchy') out.add(e.companyId);
  else if (e.kind === 'and' || e.kind === 'or') e.operands.forEach((o) => referencedCompanies(o, out));
  else if (e.kind === 'not') referencedCompanies(e.operand, out);
  return out;
}

/** The stored AST of a group, revalidated; null for no rule or for a stored rule that no longer checks (logged). */
function storedAst(ctx: Ctx, g: GroupRow): Expr | null {
  if (g.ruleAst === null || g.ruleAst === undefined) return null;
  // Revalidating 200 stored trees costs milliseconds of CPU on every per-company event: a group's
  // stored tree only changes with its rule (source) and update time, so the result is remembered.
  // The row objects of this process's group copy are asked again for every company evaluated:
  // found by identity first, without building (and hashing) the key from the rule's whole source.
  let revived = revivedByRow.get(g);
  if (!revived) {
    const key = ruleKey(g);
    const cached = key === null ? undefined : revivedRules.get(key);
    revived = cached ?? reviveRule(g.ruleAst);
    if (key !== null && !cached) {
      if (revivedRules.size >= 5000) revivedRules.clear();
      revivedRules.set(key, revived);
    }
    revivedByRow.set(g, revived);
  }
  if (revived.ok) return revived.ast;
  ctx.log.warn({ groupId: g.id, errors: revived.errors }, 'stored segment rule no longer valid; evaluated as no rule');
  return null;
}

const revivedRules = new Map<string, ReturnType<typeof reviveRule>>();
const revivedByRow = new WeakMap<GroupRow, ReturnType<typeof reviveRule>>();
const ruleKey = (g: Pick<GroupRow, 'id' | 'updatedAt' | 'ruleSource'>) => (g.ruleSource === null ? null : `${g.id}\u0000${g.updatedAt.getTime()}\u0000${g.ruleSource}`);

/**
 * Every group with its rule tree as of `version` (customer_groups' token, read by the caller in
 * the same statement as the memberships it evaluates). Reading 500 groups costs ≈ 1 ms on every
 * per-company re-evaluation, so this process keeps the groups of the versions it has seen: the
 * token changes with every write to customer_groups in any process (a trigger), and groups are read
 * again, with the token in the same statement, only when it differs. Keyed by the token alone:
 * it is random, so two databases share one only while their groups are the same.
 */
async function groupsForEvaluation(ctx: Ctx, version: string): Promise<readonly GroupRow[]> {
  const hit = groupsByVersion.get(version);
  if (hit) return hit;
  const read = await groupsWithVersion(ctx.db);
  if (groupsByVersion.size >= 8) groupsByVersion.clear();
  groupsByVersion.set(read.version, read.groups);
  // Should a write commit between the memberships' read and this one, the newer groups are used:
  // only writes that do not take the membership lock (which the caller holds) can, a name or
  // description, a group without rule created or one deleted, and those move nobody.
  return read.groups;
}
const groupsByVersion = new Map<string, readonly GroupRow[]>();

const predicates = new WeakMap<Expr, ReturnType<typeof compileToPredicate>>();

/** The rule's predicate, compiled once per revived tree. */
function predicateOf(ast: Expr): ReturnType<typeof compileToPredicate> {
  let p = predicates.get(ast);
  if (!p) predicates.set(ast, (p = compileToPredicate(ast)));
  return p;
}

/** Whether `f` belongs in `g` and why: null when it is already where it should be. */
function changeFor(ctx: Ctx, g: GroupRow, f: CompanyFacts, isStatic: boolean, has: boolean): LoggedChange | null {
  const ast = storedAst(ctx, g);
  // A stored rule that no longer checks (the catalogue changed under it) must not empty the group:
  // its membership stays as it is until staff fix the rule.
  if (ast === null && g.ruleAst !== null && g.ruleAst !== undefined) return null;
  const want = isStatic || (ast !== null && predicateOf(ast)(f));
  if (want === has) return null;
  if (want) return { groupId: g.id, companyId: f.id, change: 'joined', reason: isStatic ? STATIC_REASON : explain(ast!, f, { groupName: g.name }).sentence };
  const reason = ast ? explain(ast, f, { groupName: g.name }).sentence : `not in ${g.name} because it is no longer a static member and the group has no rule`;
  return { groupId: g.id, companyId: f.id, change: 'left', reason };
}

/**
 * Brings the materialised membership of `groups` in line with their rules and static members for the
 * companies in `facts` (all companies, or the one a change touched): joins and leaves are written with
 * their reason and logged. Runs inside the caller's transaction.
 */
async function reconcile(ctx: Ctx, groups: readonly GroupRow[], facts: readonly LoadedFacts[], companyId?: string): Promise<ReevaluateResult> {
  if (groups.length === 0 || facts.length === 0) return { joined: 0, left: 0 };
  await lockMembership(ctx.db);
  // For one company its own memberships are few and found by company alone.
  const filter = companyId === undefined ? { groupIds: groups.map((g) => g.id) } : { companyId };
  const statics = await staticMembers(ctx.db, filter);
  const current = await currentMembers(ctx.db, filter);
  const joins: LoggedChange[] = [];
  const leaves: LoggedChange[] = [];
  for (const g of groups) {
    const fixed = statics.get(g.id);
    const now = current.get(g.id);
    for (const { facts: f } of facts) {
      const c = changeFor(ctx, g, f, fixed?.has(f.id) ?? false, now?.has(f.id) ?? false);
      if (c) (c.change === 'joined' ? joins : leaves).push(c);
    }
  }
  await applyChanges(ctx.db, [...joins, ...leaves], ctx.clock.now());
  return { joined: joins.length, left: leaves.length };
}

/**
 * Re-evaluates every group for some companies in one pass — the membership lock taken once, their
 * memberships read in one query with the groups' version, the groups from this process's copy of
 * that version — with exactly the outcome of re-evaluating them one after another in `facts`' order:
 * the same joins and leaves, with the same reasons, logged company by company.
 */
/** What a caller of the re-evaluation may already have done in its transaction. */
export interface ReconcileOptions {
  /** The membership lock is held. */
  membershipLocked?: boolean | undefined;
  /** The companies' memberships (at least), read while holding it. */
  memberships?: Memberships | undefined;
}

async function reconcileCompanies(ctx: Ctx, facts: readonly LoadedFacts[], opts: ReconcileOptions): Promise<ReevaluateResult> {
  if (facts.length === 0) return { joined: 0, left: 0 };
  const locked = opts.membershipLocked ?? false;
  if (!locked) await lockMembership(ctx.db);
  // Memberships the caller read under the lock (with the metrics) are used only then.
  const m = (locked ? opts.memberships : undefined) ?? (await membershipsOf(ctx.db, facts.map((f) => f.facts.id)));
  const groups = await groupsForEvaluation(ctx, m.groupsVersion);
  const changes: LoggedChange[] = [];
  let joined = 0;
  for (const { facts: f } of facts) {
    const leaves: LoggedChange[] = [];
    for (const g of groups) {
      const c = changeFor(ctx, g, f, m.statics.get(g.id)?.has(f.id) ?? false, m.current.get(g.id)?.has(f.id) ?? false);
      if (c?.change === 'joined') {
        changes.push(c);
        joined += 1;
      } else if (c) leaves.push(c);
    }
    changes.push(...leaves);
  }
  await applyChanges(ctx.db, changes, ctx.clock.now());
  return { joined, left: changes.length - joined };
}

async function requireGroup(ctx: Ctx, id: string): Promise<GroupRow & { memberCount: number; staticCount: number }> {
  const g = await findGroup(ctx.db, id);
  if (!g) throw notFound('Customer group');
  return g;
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  const other = await findGroupByName(ctx.db, name);
  if (other && other.id !== exceptId) throw new AppError('CONFLICT', `A customer group named "${other.name}" already exists`, 'name');
}

/** Lists customer groups, oldest first, with their member counts. */
export async function listGroups(ctx: Ctx, query: { limit?: number; cursor?: string }): Promise<PageResult<CustomerGroup>> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor)?.[0];
  const rows = await listGroupRows(ctx.db, after === undefined ? undefined : String(after), limit);
  const page = toPage(rows, limit, (r) => [r.id]);
  return { items: page.items.map(toGroup), nextCursor: page.nextCursor };
}

/** One customer group (404 if missing). */
export async function getGroup(ctx: Ctx, id: string): Promise<CustomerGroup> {
  return toGroup(await requireGroup(ctx, id));
}

/** Creates a group; a rule is compiled (400 with positions if bad) and its members materialised at once. */
export async function createGroup(ctx: Ctx, input: GroupInput): Promise<CustomerGroup> {
  const ast = input.rule ? compileOrThrow(input.rule) : null;
  const id = newId('group');
  await inTx(ctx, async (tx) => {
    await assertNameFree(tx, input.name);
    const now = tx.clock.now();
    await insertGroup(tx.db, { id, name: input.name, description: input.description ?? '', ruleSource: ast ? input.rule! : null, ruleAst: ast, createdAt: now, updatedAt: now });
    if (ast) await reconcile(tx, await allGroups(tx.db, [id]), await loadFacts(tx.db));
  });
  return getGroup(ctx, id);
}

/** Changes a group; a changed rule (or `rule: null`) re-evaluates the group's membership in the same transaction. */
export async function updateGroup(ctx: Ctx, id: string, patch: GroupPatch): Promise<CustomerGroup> {
  const ast = patch.rule ? compileOrThrow(patch.rule) : null;
  await inTx(ctx, async (tx) => {
    await requireGroup(tx, id);
    if (patch.name !== undefined) await assertNameFree(tx, patch.name, id);
    const values: Parameters<typeof updateGroupRow>[2] = { updatedAt: tx.clock.now() };
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.description !== undefined) values.description = patch.description;
    if (patch.rule !== undefined) {
      values.ruleSource = ast ? patch.rule : null;
      values.ruleAst = ast;
    }
    await updateGroupRow(tx.db, id, values);
    if (patch.rule !== undefined) await reconcile(tx, await allGroups(tx.db, [id]), await loadFacts(tx.db));
  });
  return getGroup(ctx, id);
}

/** Deletes a group with its static members, materialised members and log. */
export async function deleteGroup(ctx: Ctx, id: string): Promise<void> {
  if (!(await deleteGroupRow(ctx.db, id))) throw notFound('Customer group');
}

/** Members of a group (static and rule-based) with the reason each joined, by company id. */
export async function listMembers(ctx: Ctx, groupId: string, query: { limit?: number; cursor?: string }): Promise<PageResult<Member>> {
  await requireGroup(ctx, groupId);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor)?.[0];
  const rows = await listMemberRows(ctx.db, groupId, after === undefined ? undefined : String(after), limit);
  const page = toPage(rows, limit, (r) => [r.companyId]);
  return {
    items: page.items.map((r) => ({ companyId: r.companyId, legalName: r.legalName, since: r.since.toISOString(), reason: r.reason, static: r.isStatic })),
    nextCursor: page.nextCursor,
  };
}

/** Adds a company to a group by hand (idempotent); it becomes a member at once. */
export async function addStaticMember(ctx: Ctx, groupId: string, companyId: string): Promise<MembershipExplanation> {
  await inTx(ctx, async (tx) => {
    const g = await requireGroup(tx, groupId);
    if (!(await companyExists(tx.db, companyId))) throw notFound('Company', 'companyId');
    await addStatic(tx.db, groupId, companyId);
    await reconcile(tx, [g], await loadFacts(tx.db, [companyId]), companyId);
  });
  return explainMembership(ctx, groupId, companyId);
}

/** Removes a hand-added company; it stays a member only if the group's rule matches it. */
export async function removeStaticMember(ctx: Ctx, groupId: string, companyId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const g = await requireGroup(tx, groupId);
    if (!(await removeStatic(tx.db, groupId, companyId))) throw notFound('Static member', 'companyId');
    await reconcile(tx, [g], await loadFacts(tx.db, [companyId]), companyId);
  });
}

/** Full re-evaluation: facts loaded once, every group checked, all changes written in one transaction. */
export async function reevaluateAll(ctx: Ctx): Promise<ReevaluateResult> {
  return inTx(ctx, async (tx) => reconcile(tx, await allGroups(tx.db), await loadFacts(tx.db)));
}

/** Re-evaluates every group for one company (after the company changed); 404 if it does not exist. */
export async function reevaluateCompany(ctx: Ctx, companyId: string): Promise<ReevaluateResult> {
  return reevaluateCompanies(ctx, [companyId]);
}

/**
 * Re-evaluates every group for some companies (after they changed) in one pass, with the outcome of
 * re-evaluating them one by one in the order given; 404 if one does not exist. `facts` may bring
 * their facts already loaded (in the caller's transaction, current), in any order;
 * `membershipLocked` says the caller's transaction already holds the membership lock, and
 * `memberships` (used only then) are these companies' memberships read under it.
 */
export async function reevaluateCompanies(ctx: Ctx, companyIds: readonly string[], facts?: readonly LoadedFacts[], opts: ReconcileOptions = {}): Promise<ReevaluateResult> {
  const ids = [...new Set(companyIds)];
  if (ids.length === 0) return { joined: 0, left: 0 };
  return inTx(ctx, async (tx) => {
    const loaded = new Map((facts ?? []).map((f) => [f.facts.id, f]));
    const missing = ids.filter((id) => !loaded.has(id));
    for (const f of await loadFacts(tx.db, missing)) loaded.set(f.facts.id, f);
    const ordered = ids.map((id) => loaded.get(id));
    if (ordered.some((f) => f === undefined)) throw notFound('Company', 'companyId');
    return reconcileCompanies(tx, ordered as LoadedFacts[], opts);
  });
}

/** Why a company is (or is not) in a group, in words, from its current facts. */
export async function explainMembership(ctx: Ctx, groupId: string, companyId: string): Promise<MembershipExplanation> {
  const g = await requireGroup(ctx, groupId);
  const [loaded] = await loadFacts(ctx.db, [companyId]);
  if (!loaded) throw notFound('Company', 'companyId');
  const isStatic = (await staticMembers(ctx.db, { groupIds: [groupId], companyId })).get(groupId)?.has(companyId) ?? false;
  const row = await findMember(ctx.db, groupId, companyId);
  const ast = storedAst(ctx, g);
  const names = ast ? await companyNames(ctx.db, [...referencedCompanies(ast)]) : new Map<string, string>();
  const explained = ast ? explain(ast, loaded.facts, { groupName: g.name, companyName: (id) => names.get(id) }) : null;
  let sentence: string;
  if (isStatic) sentence = `in ${g.name} because it is a static member${explained ? `; the rule alone: ${explained.sentence}` : ''}`;
  else if (explained) sentence = explained.sentence;
  else sentence = `not in ${g.name} because it is not a static member and the group has no rule`;
  return {
    groupId,
    companyId,
    member: row !== null,
    static: isStatic,
    since: row ? row.since.toISOString() : null,
    sentence,
    reasons: explained ? [...explained.reasons] : [],
  };
}

/**
 * What saving `ruleSource` would do: who joins and who leaves compared with the group's current rule
 * (or, without `groupId`, compared with an empty group). Never writes; rule errors come back as data.
 */
export async function previewRule(ctx: Ctx, ruleSource: string, groupId?: string): Promise<PreviewResult> {
  const compiled = compileRule(ruleSource);
  if (!compiled.ok) return { count: 0, joins: [], leaves: [], joinCount: 0, leaveCount: 0, errors: compiled.errors };
  let oldAst: Expr | null = null;
  let fixed: Set<string> | undefined;
  if (groupId !== undefined) {
    const g = await requireGroup(ctx, groupId);
    oldAst = storedAst(ctx, g);
    fixed = (await staticMembers(ctx.db, { groupIds: [groupId] })).get(groupId);
  }
  const loaded = await loadFacts(ctx.db);
  const names = new Map(loaded.map((l) => [l.facts.id, l.legalName]));
  const diff = diffMembership(
    oldAst,
    compiled.ast,
    loaded.map((l) => l.facts),
    fixed ? { staticMemberIds: fixed } : {},
  );
  const named = (ids: string[]) => ids.slice(0, PREVIEW_LIMIT).map((id) => ({ id, legalName: names.get(id) ?? '' }));
  return { count: diff.after, joins: named(diff.joins), leaves: named(diff.leaves), joinCount: diff.joins.length, leaveCount: diff.leaves.length, errors: [] };
}

/** The customer groups a company belongs to now (rule or static), as materialised. */
export async function groupsOfCompany(ctx: Ctx, companyId: string): Promise<string[]> {
  const byGroup = await currentMembers(ctx.db, { companyId });
  return [...byGroup.keys()].sort();
}
