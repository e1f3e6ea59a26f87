import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import type { Assignment } from './domain/types.ts';
import { compileVisibility } from './domain/visibility.ts';
import { afterCatalogWrite } from './reach-cache.ts';
import * as repo from './shared-catalogs.repo.ts';
import type { CatalogStatus, RuleEffect, RuleKind } from './shared-catalogs.tables.ts';
import { visibilitySql } from './visibility-sql.ts';

/** Staff use cases of shared catalogs: CRUD with validated rules and assignments, and previews. */

export interface RuleInput {
  effect: RuleEffect;
  kind: RuleKind;
  /** The category, product or brand id, or the tag. */
  value: string;
}

export interface CatalogInput {
  name: string;
  description?: string | undefined;
  status?: CatalogStatus | undefined;
  rules?: readonly RuleInput[] | undefined;
  assignments?: readonly Assignment[] | undefined;
}
export type CatalogPatch = Partial<CatalogInput>;

export interface RuleView extends RuleInput {
  /** The name of the category, product or brand (the tag itself for tags). */
  label: string;
}

export type AssignmentView =
  | { type: 'everyone'; label: string }
  | { type: 'group'; groupId: string; label: string }
  | { type: 'company'; companyId: string; includeDescendants: boolean; label: string };

export interface SharedCatalog {
  id: string;
  name: string;
  description: string;
  status: CatalogStatus;
  version: number;
  rules: RuleView[];
  assignments: AssignmentView[];
  createdAt: string;
  updatedAt: string;
}

export type KindCounts = Record<RuleKind, number>;

export interface SharedCatalogSummary {
  id: string;
  name: string;
  description: string;
  status: CatalogStatus;
  version: number;
  include: KindCounts;
  exclude: KindCounts;
  assignments: { everyone: boolean; groups: number; companies: number };
  createdAt: string;
  updatedAt: string;
}

export interface CatalogPreview {
  /** Active products the rules select (as if this were the only catalog reaching a buyer). */
  count: number;
  products: { id: string; name: string; slug: string }[];
}

const PREVIEW_PRODUCTS = 20;

async function loadCatalog(ctx: Ctx, id: string): Promise<repo.CatalogRow> {
  const row = isId('sharedCatalog', id) ? await repo.findCatalog(ctx.db, id) : undefined;
  if (!row) throw notFound('Shared catalog');
  return row;
}

async function view(ctx: Ctx, row: repo.CatalogRow): Promise<SharedCatalog> {
  const [rules, assignments] = await Promise.all([repo.ruleRowsOf(ctx.db, [row.id]), repo.assignmentRowsOf(ctx.db, [row.id])]);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    version: row.version,
    rules: rules.map((r) => ({ effect: r.effect, kind: r.kind, value: r.value, label: r.label })),
    assignments: assignments.map(assignmentView),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function assignmentView(a: repo.AssignmentRow): AssignmentView {
  if (a.type === 'group') return { type: 'group', groupId: a.groupId ?? '', label: a.label };
  if (a.type === 'company') return { type: 'company', companyId: a.companyId ?? '', includeDescendants: a.includeDescendants, label: a.label };
  return { type: 'everyone', label: '' };
}

/** Trims tags and refuses duplicates and ids of things that do not exist, naming the field. */
async function checkRules(ctx: Ctx, rules: readonly RuleInput[]): Promise<RuleInput[]> {
  const out = rules.map((r) => ({ ...r, value: r.value.trim() }));
  const seen = new Set<string>();
  const ids = { category: [] as string[], product: [] as string[], brand: [] as string[], group: [], company: [] };
  for (const [i, r] of out.entries()) {
    if (!r.value) throw invalid(`rules[${i}].value`, 'must not be blank');
    const k = `${r.effect}|${r.kind}|${r.value}`;
    if (seen.has(k)) throw invalid(`rules[${i}]`, `The same ${r.effect} rule on ${r.kind} ${r.value} appears twice`);
    seen.add(k);
    if (r.kind !== 'tag') ids[r.kind].push(r.value);
  }
  const found = await repo.existingIds(ctx.db, ids);
  for (const [i, r] of out.entries()) {
    if (r.kind !== 'tag' && !found.has(r.value)) throw invalid(`rules[${i}].value`, `No ${r.kind} has id ${r.value}`);
  }
  return out;
}

async function checkAssignments(ctx: Ctx, list: readonly Assignment[]): Promise<void> {
  const seen = new Set<string>();
  const group: string[] = [];
  const company: string[] = [];
  for (const [i, a] of list.entries()) {
    const k = a.type === 'group' ? `g|${a.groupId}` : a.type === 'company' ? `c|${a.companyId}` : 'everyone';
    if (seen.has(k)) throw invalid(`assignments[${i}]`, 'The same assignment appears twice');
    seen.add(k);
    if (a.type === 'group') group.push(a.groupId);
    if (a.type === 'company') company.push(a.companyId);
  }
  const found = await repo.existingIds(ctx.db, { category: [], product: [], brand: [], group, company });
  for (const [i, a] of list.entries()) {
    if (a.type === 'group' && !found.has(a.groupId)) throw invalid(`assignments[${i}].groupId`, `No customer group has id ${a.groupId}`);
    if (a.type === 'company' && !found.has(a.companyId)) throw invalid(`assignments[${i}].companyId`, `No company has id ${a.companyId}`);
  }
}

async function checkName(ctx: Ctx, name: string, selfId?: string): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed) throw invalid('name', 'must not be blank');
  const other = await repo.findCatalogByName(ctx.db, trimmed);
  if (other && other.id !== selfId) throw new AppError('CONFLICT', `A shared catalog named "${other.name}" already exists`, 'name');
  return trimmed;
}

/** Shared catalogs by id (creation order), cursor-paginated, with rule and assignment summaries. */
export async function listCatalogs(ctx: Ctx, query: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<SharedCatalogSummary>> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor)?.[0];
  const page = toPage(await repo.listCatalogRows(ctx.db, after === undefined ? undefined : String(after), limit), limit, (r) => [r.id]);
  const ids = page.items.map((r) => r.id);
  const [rc, ac] = await Promise.all([repo.ruleCounts(ctx.db, ids), repo.assignmentCounts(ctx.db, ids)]);
  const zero = (): KindCounts => ({ category: 0, product: 0, brand: 0, tag: 0 });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const include = zero();
      const exclude = zero();
      for (const c of rc) if (c.catalogId === r.id) (c.effect === 'include' ? include : exclude)[c.kind] = c.n;
      const count = (type: Assignment['type']) => ac.find((c) => c.catalogId === r.id && c.type === type)?.n ?? 0;
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        status: r.status,
        version: r.version,
        include,
        exclude,
        assignments: { everyone: count('everyone') > 0, groups: count('group'), companies: count('company') },
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
  };
}

/** One shared catalog with its rules and assignments (names included). */
export async function getCatalog(ctx: Ctx, id: string): Promise<SharedCatalog> {
  return view(ctx, await loadCatalog(ctx, id));
}

/** Creates a catalog (draft unless said otherwise); rules and assignments are validated first. */
export async function createCatalog(ctx: Ctx, input: CatalogInput): Promise<SharedCatalog> {
  return written(ctx, inTx(ctx, async (tx) => {
    const name = await checkName(tx, input.name);
    const rules = await checkRules(tx, input.rules ?? []);
    await checkAssignments(tx, input.assignments ?? []);
    const id = newId('sharedCatalog');
    const now = tx.clock.now();
    await repo.insertCatalog(tx.db, { id, name, description: input.description ?? '', status: input.status ?? 'draft', createdAt: now, updatedAt: now });
    await repo.replaceRules(tx.db, id, rules);
    await repo.replaceAssignments(tx.db, id, input.assignments ?? []);
    return view(tx, await loadCatalog(tx, id));
  }));
}

/**
 * Changes a catalog; `rules` and `assignments`, when given, replace the old ones whole. Every change
 * bumps the version, which is what the storefront's caches are keyed by.
 */
export async function updateCatalog(ctx: Ctx, id: string, patch: CatalogPatch): Promise<SharedCatalog> {
  return written(ctx, inTx(ctx, async (tx) => {
    await loadCatalog(tx, id);
    const name = patch.name === undefined ? undefined : await checkName(tx, patch.name, id);
    const rules = patch.rules === undefined ? undefined : await checkRules(tx, patch.rules);
    if (patch.assignments !== undefined) await checkAssignments(tx, patch.assignments);
    await repo.touchCatalog(
      tx.db,
      id,
      { ...(name !== undefined ? { name } : {}), ...(patch.description !== undefined ? { description: patch.description } : {}), ...(patch.status ? { status: patch.status } : {}) },
      tx.clock.now(),
    );
    if (rules) await repo.replaceRules(tx.db, id, rules);
    if (patch.assignments) await repo.replaceAssignments(tx.db, id, patch.assignments);
    return view(tx, await loadCatalog(tx, id));
  }));
}

/** Deletes a catalog with its rules and assignments; the buyers it reached see what else reaches them. */
export async function deleteCatalog(ctx: Ctx, id: string): Promise<void> {
  await loadCatalog(ctx, id);
  await written(ctx, (async () => {
    if (!(await repo.deleteCatalogRow(ctx.db, id))) throw notFound('Shared catalog');
  })());
}

/** Awaits a committed write, then drops the reach caches here and in other processes. */
async function written<T>(ctx: Ctx, write: Promise<T>): Promise<T> {
  const result = await write;
  await afterCatalogWrite(ctx);
  return result;
}

async function previewOf(ctx: Ctx, rules: readonly RuleInput[]): Promise<CatalogPreview> {
  const pred = compileVisibility([repo.toRules(rules.map((r) => ({ effect: r.effect, kind: r.kind, categoryId: r.kind === 'category' ? r.value : null, productId: r.kind === 'product' ? r.value : null, brandId: r.kind === 'brand' ? r.value : null, tag: r.kind === 'tag' ? r.value : null })))]);
  const { count, first } = await repo.visibleProducts(ctx.db, visibilitySql(pred), PREVIEW_PRODUCTS);
  return { count, products: first };
}

/** What a saved catalog's rules select: the count of active products and the first 20 by name. */
export async function previewCatalog(ctx: Ctx, id: string): Promise<CatalogPreview> {
  await loadCatalog(ctx, id);
  const rules = await repo.ruleRowsOf(ctx.db, [id]);
  return previewOf(ctx, rules);
}

/** The same preview for rules not yet saved (the editor's live count); they are validated as on save. */
export async function previewRules(ctx: Ctx, rules: readonly RuleInput[]): Promise<CatalogPreview> {
  return previewOf(ctx, await checkRules(ctx, rules));
}
