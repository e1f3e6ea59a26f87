import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sqlArray, textArray } from '../../db/sql-arrays.ts';
import { rows, type ItemRow } from './carts.repo.ts';
import type { ListVisibility } from './carts.tables.ts';

export interface ListRow {
  id: string;
  companyId: string;
  ownerId: string;
  ownerName: string;
  name: string;
  description: string;
  visibility: ListVisibility;
  lineCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const listColumns = sql`
  l.id, l.company_id as "companyId", l.owner_id as "ownerId", coalesce(u.name, '') as "ownerName", l.name, l.description, l.visibility,
  (select count(*)::int from shopping_list_lines x where x.list_id = l.id) as "lineCount", l.created_at as "createdAt", l.updated_at as "updatedAt"`;

const dated = (r: ListRow): ListRow => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) });

/** A list the user may read: their own, or one shared with the whole company. */
export async function readableList(db: Db, id: string, companyId: string, userId: string, lock = false): Promise<ListRow | undefined> {
  const [r] = await rows<ListRow>(db, sql`
    select ${listColumns} from shopping_lists l left join company_users u on u.id = l.owner_id
     where l.id = ${id} and l.company_id = ${companyId} and (l.owner_id = ${userId} or l.visibility = 'company')
     ${lock ? sql`for update of l` : sql``}`);
  return r ? dated(r) : undefined;
}

export async function listLists(db: Db, companyId: string, userId: string, after: string | undefined, limit: number): Promise<ListRow[]> {
  const found = await rows<ListRow>(db, sql`
    select ${listColumns} from shopping_lists l left join company_users u on u.id = l.owner_id
     where l.company_id = ${companyId} and (l.owner_id = ${userId} or l.visibility = 'company')
       ${after ? sql`and l.id < ${after}` : sql``}
     order by l.id desc limit ${limit + 1}`);
  return found.map(dated);
}

export async function insertList(db: Db, l: { id: string; companyId: string; ownerId: string; name: string; description: string; visibility: ListVisibility }): Promise<void> {
  await db.execute(sql`insert into shopping_lists (id, company_id, owner_id, name, description, visibility)
    values (${l.id}, ${l.companyId}, ${l.ownerId}, ${l.name}, ${l.description}, ${l.visibility})`);
}

export async function updateList(db: Db, id: string, p: { name?: string | undefined; description?: string | undefined; visibility?: ListVisibility | undefined }): Promise<void> {
  await db.execute(sql`update shopping_lists set name = coalesce(${p.name ?? null}, name), description = coalesce(${p.description ?? null}, description),
    visibility = coalesce(${p.visibility ?? null}, visibility), updated_at = now() where id = ${id}`);
}

export async function deleteList(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from shopping_lists where id = ${id}`);
}

export async function touchList(db: Db, id: string): Promise<void> {
  await db.execute(sql`update shopping_lists set updated_at = now() where id = ${id}`);
}

export interface ListLineRow extends ItemRow {
  quantity: number;
  note: string;
}

/** The list's lines with their items and stock, in the order they were added: one query. */
export async function listLines(db: Db, listId: string): Promise<ListLineRow[]> {
  return rows(db, sql`
    select x.quantity, x.note, v.id as "variantId", v.sku, v.name as "variantName", p.name as "productName", p.slug as "productSlug",
           v.tax_class as "taxClass", v.weight_grams as "weightGrams",
           coalesce(st.available, 0)::int as available, coalesce(st.backorder, false) as backorder
      from shopping_list_lines x join variants v on v.id = x.variant_id join products p on p.id = v.product_id
      left join lateral (select sum(greatest(i.on_hand - i.reserved, 0)) as available, bool_or(i.backorder) as backorder
                           from inventory i where i.variant_id = v.id) st on true
     where x.list_id = ${listId}
     order by x.seq`);
}

/** Adds lines (the same item adds to its quantity, capped). */
export async function upsertListLines(db: Db, listId: string, lines: readonly { variantId: string; quantity: number; note: string }[]): Promise<void> {
  if (lines.length === 0) return;
  await db.execute(sql`
    insert into shopping_list_lines (list_id, variant_id, quantity, note)
    select ${listId}, t.variant_id, t.quantity, t.note
      from unnest(${textArray(lines.map((l) => l.variantId))}, ${sqlArray(lines.map((l) => l.quantity), 'int')}, ${textArray(lines.map((l) => l.note))}) as t(variant_id, quantity, note)
    on conflict (list_id, variant_id) do update
       set quantity = least(1000000, shopping_list_lines.quantity + excluded.quantity),
           note = case when excluded.note <> '' then excluded.note else shopping_list_lines.note end`);
}

export async function updateListLine(db: Db, listId: string, variantId: string, p: { quantity?: number | undefined; note?: string | undefined }): Promise<boolean> {
  const r = await rows<{ v: string }>(db, sql`
    update shopping_list_lines set quantity = coalesce(${p.quantity ?? null}::int, quantity), note = coalesce(${p.note ?? null}::text, note)
     where list_id = ${listId} and variant_id = ${variantId} returning variant_id as v`);
  return r.length > 0;
}

export async function deleteListLine(db: Db, listId: string, variantId: string): Promise<boolean> {
  const r = await rows<{ v: string }>(db, sql`delete from shopping_list_lines where list_id = ${listId} and variant_id = ${variantId} returning variant_id as v`);
  return r.length > 0;
}
