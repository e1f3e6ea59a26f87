import { asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { textArray } from '../../db/sql-arrays.ts';
import type { Assignment, CatalogRules } from './domain/types.ts';
import { sharedCatalogAssignments, sharedCatalogRules, sharedCatalogs, type RuleEffect, type RuleKind } from './shared-catalogs.tables.ts';

/** Drizzle and raw SQL behind shared catalogs; every function runs on the Db it is given (ctx's). */

export type CatalogRow = typeof sharedCatalogs.$inferSelect;
export interface RuleRow {
  catalogId: string;
  effect: RuleEffect;
  kind: RuleKind;
  /** The category, product or brand id, or the tag. */
  value: string;
  /** The referenced row's name (the tag itself for tags). */
  label: string;
}
export interface AssignmentRow {
  catalogId: string;
  type: Assignment['type'];
  groupId: string | null;
  companyId: string | null;
  includeDescendants: boolean;
  label: string;
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return (await db.execute(query) as unknown as { rows: T[] }).rows;
}

// ── The storefront's hot path ─────────────────────────────────────────────────────────────────

/**
 * The active catalogs reaching a company (or, with `null`, a caller without one) with their
 * versions, in one query: assignments to everyone, to the company's materialised groups, to the
 * company, and to its ancestors with "include descendants". Read fresh on every request, so group
 * membership changes and company moves count at once.
 */
export async function reachingCatalogVersions(db: Db, companyId: string | null): Promise<{ id: string; version: number }[]> {
  return rows(db, sql`select s.id, s.version from shared_catalogs s where ${reachCondition(companyId)} order by s.id`);
}

/** Which catalogs `s` reach the company: active and assigned to everyone, its groups, it, or an ancestor including descendants. */
function reachCondition(companyId: string | null): SQL {
  const reach = companyId
    ? sql`a.type = 'everyone'
        or (a.type = 'group' and a.group_id in (select m.group_id from customer_group_members m where m.company_id = ${companyId}))
        or (a.type = 'company' and a.company_id = ${companyId})
        or (a.type = 'company' and a.include_descendants
            and a.company_id = any(select unnest(c.path[1:cardinality(c.path) - 1]) from companies c where c.id = ${companyId}))`
    : sql`a.type = 'everyone'`;
  return sql`s.status = 'active' and exists (select 1 from shared_catalog_assignments a where a.catalog_id = s.id and (${reach}))`;
}

/** `reachingCatalogVersions` as one json value (`[{id, version}]`, by id) for a statement that reads other things too. */
export function reachingCatalogVersionsJson(companyId: string | null): SQL {
  return sql`select coalesce(json_agg(json_build_object('id', s.id, 'version', s.version) order by s.id), '[]'::json) from shared_catalogs s where ${reachCondition(companyId)}`;
}

/** The rules of some catalogs, with the version they were read at. */
export async function rulesOf(db: Db, ids: readonly string[]): Promise<{ id: string; version: number; rules: CatalogRules }[]> {
  if (!ids.length) return [];
  const [heads, ruleRows] = await Promise.all([
    db.select({ id: sharedCatalogs.id, version: sharedCatalogs.version }).from(sharedCatalogs).where(inArray(sharedCatalogs.id, [...ids])),
    db.select().from(sharedCatalogRules).where(inArray(sharedCatalogRules.catalogId, [...ids])),
  ]);
  return heads.map((h) => ({ id: h.id, version: h.version, rules: toRules(ruleRows.filter((r) => r.catalogId === h.id)) }));
}

/** Rule rows (as stored) to the domain's include/exclude selectors. */
export function toRules(list: readonly { effect: RuleEffect; kind: RuleKind; categoryId: string | null; productId: string | null; brandId: string | null; tag: string | null }[]): CatalogRules {
  const empty = () => ({ categoryIds: [] as string[], productIds: [] as string[], brandIds: [] as string[], tags: [] as string[] });
  const out = { include: empty(), exclude: empty() };
  for (const r of list) {
    const s = out[r.effect];
    if (r.categoryId) s.categoryIds.push(r.categoryId);
    else if (r.productId) s.productIds.push(r.productId);
    else if (r.brandId) s.brandIds.push(r.brandId);
    else if (r.tag) s.tags.push(r.tag);
  }
  return out;
}

/** Of some variants, those that are active, of an active product, and visible under `visibility`. */
export async function buyableVariantIds(db: Db, variantIds: readonly string[], visibility: SQL | null): Promise<string[]> {
  if (!variantIds.length) return [];
  const found = await rows<{ id: string }>(
    db,
    sql`select v.id from variants v join products p on p.id = v.product_id
        where v.id = any(${textArray(variantIds)}) and v.status = 'active' and p.status = 'active' and ${visibility ?? sql`true`}`,
  );
  return found.map((r) => r.id);
}

/** How many active products are visible under `visibility`, and the first few by name. */
export async function visibleProducts(db: Db, visibility: SQL | null, limit: number): Promise<{ count: number; first: { id: string; name: string; slug: string }[] }> {
  const where = sql`p.status = 'active' and ${visibility ?? sql`true`}`;
  const [[counted], first] = await Promise.all([
    rows<{ count: number }>(db, sql`select count(*)::int as count from products p where ${where}`),
    rows<{ id: string; name: string; slug: string }>(db, sql`select p.id, p.name, p.slug from products p where ${where} order by p.name, p.id limit ${limit}`),
  ]);
  return { count: counted?.count ?? 0, first };
}

// ── Admin reads and writes ────────────────────────────────────────────────────────────────────

export async function findCatalog(db: Db, id: string): Promise<CatalogRow | undefined> {
  const [row] = await db.select().from(sharedCatalogs).where(eq(sharedCatalogs.id, id)).limit(1);
  return row;
}

export async function findCatalogByName(db: Db, name: string): Promise<CatalogRow | undefined> {
  const [row] = await db.select().from(sharedCatalogs).where(sql`lower(${sharedCatalogs.name}) = lower(${name})`).limit(1);
  return row;
}

export async function listCatalogRows(db: Db, after: string | undefined, limit: number): Promise<CatalogRow[]> {
  return db
    .select()
    .from(sharedCatalogs)
    .where(after === undefined ? undefined : gt(sharedCatalogs.id, after))
    .orderBy(asc(sharedCatalogs.id))
    .limit(limit + 1);
}

/** Rules of some catalogs with the names of what they reference, in a stable order. */
export async function ruleRowsOf(db: Db, ids: readonly string[]): Promise<RuleRow[]> {
  if (!ids.length) return [];
  return rows<RuleRow>(
    db,
    sql`select r.catalog_id as "catalogId", r.effect, r.kind, coalesce(r.category_id, r.product_id, r.brand_id, r.tag) as value,
          coalesce(c.name, p.name, b.name, r.tag) as label
        from shared_catalog_rules r
        left join categories c on c.id = r.category_id
        left join products p on p.id = r.product_id
        left join brands b on b.id = r.brand_id
        where r.catalog_id = any(${textArray(ids)})
        order by r.catalog_id, r.effect desc, r.kind, label, value`,
  );
}

/** Assignments of some catalogs with group and company names. */
export async function assignmentRowsOf(db: Db, ids: readonly string[]): Promise<AssignmentRow[]> {
  if (!ids.length) return [];
  return rows<AssignmentRow>(
    db,
    sql`select a.catalog_id as "catalogId", a.type, a.group_id as "groupId", a.company_id as "companyId",
          a.include_descendants as "includeDescendants", coalesce(g.name, c.legal_name, '') as label
        from shared_catalog_assignments a
        left join customer_groups g on g.id = a.group_id
        left join companies c on c.id = a.company_id
        where a.catalog_id = any(${textArray(ids)})
        order by a.catalog_id, case a.type when 'everyone' then 0 when 'group' then 1 else 2 end, label, coalesce(a.group_id, a.company_id)`,
  );
}

/** Every active catalog with its assignments (the admin's "who sees what" explanation). */
export async function activeCatalogsWithAssignments(db: Db): Promise<{ id: string; name: string; version: number }[]> {
  return db
    .select({ id: sharedCatalogs.id, name: sharedCatalogs.name, version: sharedCatalogs.version })
    .from(sharedCatalogs)
    .where(eq(sharedCatalogs.status, 'active'))
    .orderBy(asc(sharedCatalogs.id));
}

export async function insertCatalog(db: Db, values: typeof sharedCatalogs.$inferInsert): Promise<void> {
  await db.insert(sharedCatalogs).values(values);
}

/** Updates the header and bumps the version (every change of rules or assignments goes through here too). */
export async function touchCatalog(db: Db, id: string, values: Partial<Pick<CatalogRow, 'name' | 'description' | 'status'>>, at: Date): Promise<void> {
  await db
    .update(sharedCatalogs)
    .set({ ...values, version: sql`${sharedCatalogs.version} + 1`, updatedAt: at })
    .where(eq(sharedCatalogs.id, id));
}

export async function deleteCatalogRow(db: Db, id: string): Promise<boolean> {
  return (await db.delete(sharedCatalogs).where(eq(sharedCatalogs.id, id)).returning({ id: sharedCatalogs.id })).length > 0;
}

export interface RuleInput {
  effect: RuleEffect;
  kind: RuleKind;
  value: string;
}

export async function replaceRules(db: Db, catalogId: string, list: readonly RuleInput[]): Promise<void> {
  await db.delete(sharedCatalogRules).where(eq(sharedCatalogRules.catalogId, catalogId));
  if (!list.length) return;
  await db.insert(sharedCatalogRules).values(
    list.map((r) => ({
      catalogId,
      effect: r.effect,
      kind: r.kind,
      categoryId: r.kind === 'category' ? r.value : null,
      productId: r.kind === 'product' ? r.value : null,
      brandId: r.kind === 'brand' ? r.value : null,
      tag: r.kind === 'tag' ? r.value : null,
    })),
  );
}

export async function replaceAssignments(db: Db, catalogId: string, list: readonly Assignment[]): Promise<void> {
  await db.delete(sharedCatalogAssignments).where(eq(sharedCatalogAssignments.catalogId, catalogId));
  if (!list.length) return;
  await db.insert(sharedCatalogAssignments).values(
    list.map((a) => ({
      catalogId,
      type: a.type,
      groupId: a.type === 'group' ? a.groupId : null,
      companyId: a.type === 'company' ? a.companyId : null,
      includeDescendants: a.type === 'company' ? a.includeDescendants : false,
    })),
  );
}

/** Of the ids a request names, those that exist, per kind of thing (one query). */
export async function existingIds(db: Db, ids: { category: string[]; product: string[]; brand: string[]; group: string[]; company: string[] }): Promise<Set<string>> {
  const found = await rows<{ id: string }>(
    db,
    sql`select id from categories where id = any(${textArray(ids.category)})
        union all select id from products where id = any(${textArray(ids.product)})
        union all select id from brands where id = any(${textArray(ids.brand)})
        union all select id from customer_groups where id = any(${textArray(ids.group)})
        union all select id from companies where id = any(${textArray(ids.company)})`,
  );
  return new Set(found.map((r) => r.id));
}

/** Every catalog's assignments (the admin explanation of one company needs them all). */
export async function allAssignments(db: Db, catalogIds: readonly string[]): Promise<(typeof sharedCatalogAssignments.$inferSelect)[]> {
  if (!catalogIds.length) return [];
  // The admin's order (everyone, groups, companies), so a company's visibility reasons read the same way every time.
  return db
    .select()
    .from(sharedCatalogAssignments)
    .where(inArray(sharedCatalogAssignments.catalogId, [...catalogIds]))
    .orderBy(sharedCatalogAssignments.catalogId, sql`case ${sharedCatalogAssignments.type} when 'everyone' then 0 when 'group' then 1 else 2 end`, sql`coalesce(${sharedCatalogAssignments.groupId}, ${sharedCatalogAssignments.companyId})`);
}

/** Names for the explanation: companies and groups by id. */
export async function namesOf(db: Db, companyIds: readonly string[], groupIds: readonly string[]): Promise<Map<string, string>> {
  const found = await rows<{ id: string; name: string }>(
    db,
    sql`select id, legal_name as name from companies where id = any(${textArray(companyIds)})
        union all select id, name from customer_groups where id = any(${textArray(groupIds)})`,
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

/** Rule counts per catalog, effect and kind (the list's summaries). */
export async function ruleCounts(db: Db, ids: readonly string[]): Promise<{ catalogId: string; effect: RuleEffect; kind: RuleKind; n: number }[]> {
  if (!ids.length) return [];
  return rows(
    db,
    sql`select catalog_id as "catalogId", effect, kind, count(*)::int as n from shared_catalog_rules
        where catalog_id = any(${textArray(ids)}) group by catalog_id, effect, kind`,
  );
}

/** Assignment counts per catalog and type (the list's summaries). */
export async function assignmentCounts(db: Db, ids: readonly string[]): Promise<{ catalogId: string; type: Assignment['type']; n: number }[]> {
  if (!ids.length) return [];
  return rows(
    db,
    sql`select catalog_id as "catalogId", type, count(*)::int as n from shared_catalog_assignments
        where catalog_id = any(${textArray(ids)}) group by catalog_id, type`,
  );
}
