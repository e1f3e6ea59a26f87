import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { anyText, sqlArray, textArray } from '../../db/sql-arrays.ts';
import { newId, newMonotonicId } from '../../lib/ids.ts';
import type { CartEventType, CartStatus, ShareAccess } from './carts.tables.ts';

/** Raw SQL through Drizzle; both drivers put the rows on `.rows`. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A cart as its reader sees it: with the owner's name, the reader's access and whether it is their current cart. */
export interface CartRow {
  id: string;
  companyId: string;
  ownerId: string;
  ownerName: string;
  name: string;
  status: CartStatus;
  orderId: string | null;
  access: 'owner' | ShareAccess;
  isCurrent: boolean;
  lineCount: number;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
}

const cartColumns = (userId: string) => sql`
  c.id, c.company_id as "companyId", c.owner_id as "ownerId", coalesce(u.name, '') as "ownerName", c.name, c.status,
  c.order_id as "orderId",
  case when c.owner_id = ${userId} then 'owner' else s.access end as access,
  exists (select 1 from cart_current cc where cc.user_id = ${userId} and cc.company_id = c.company_id and cc.cart_id = c.id) as "isCurrent",
  (select count(*)::int from cart_lines l where l.cart_id = c.id) as "lineCount",
  c.created_at as "createdAt", c.updated_at as "updatedAt", c.last_activity_at as "lastActivityAt"`;

const readable = (userId: string) => sql`(c.owner_id = ${userId} or s.user_id is not null)`;

function cartDates(r: CartRow): CartRow {
  return { ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt), lastActivityAt: new Date(r.lastActivityAt) };
}

/** The cart if `userId` (a buyer of `companyId`) owns it or it is shared with them; else undefined. */
export async function readableCart(db: Db, cartId: string, companyId: string, userId: string, lock = false): Promise<CartRow | undefined> {
  const [r] = await rows<CartRow>(db, sql`
    select ${cartColumns(userId)}
      from carts c left join company_users u on u.id = c.owner_id
      left join cart_shares s on s.cart_id = c.id and s.user_id = ${userId}
     where c.id = ${cartId} and c.company_id = ${companyId} and ${readable(userId)}
     ${lock ? sql`for update of c` : sql``}`);
  return r ? cartDates(r) : undefined;
}

/**
 * Takes the cart's row lock for a change and marks the activity, in one statement: changes of one
 * cart are serialised, so line checks (the line limit) and the events see a settled cart.
 * Undefined when the cart is not readable by the user; the caller tells 404 from "view only".
 */
export async function touchCart(db: Db, cartId: string, companyId: string, userId: string): Promise<CartRow | undefined> {
  const [r] = await rows<CartRow>(db, sql`
    with t as (
      update carts c set last_activity_at = now(), updated_at = now()
       where c.id = ${cartId} and c.company_id = ${companyId}
         and (c.owner_id = ${userId} or exists (select 1 from cart_shares s where s.cart_id = c.id and s.user_id = ${userId}))
      returning c.*)
    select ${cartColumns(userId)}
      from t c left join company_users u on u.id = c.owner_id
      left join cart_shares s on s.cart_id = c.id and s.user_id = ${userId}`);
  return r ? cartDates(r) : undefined;
}

/** Carts the user owns or has been shared, in the company, newest first (id order), a page at a time. */
export async function listCarts(db: Db, companyId: string, userId: string, after: string | undefined, limit: number): Promise<CartRow[]> {
  const found = await rows<CartRow>(db, sql`
    select ${cartColumns(userId)}
      from carts c left join company_users u on u.id = c.owner_id
      left join cart_shares s on s.cart_id = c.id and s.user_id = ${userId}
     where c.company_id = ${companyId} and ${readable(userId)} and c.status = 'open'
       ${after ? sql`and c.id < ${after}` : sql``}
     order by c.id desc limit ${limit + 1}`);
  return found.map(cartDates);
}

export async function insertCart(db: Db, c: { id: string; companyId: string; ownerId: string; name: string }): Promise<void> {
  await db.execute(sql`insert into carts (id, company_id, owner_id, name) values (${c.id}, ${c.companyId}, ${c.ownerId}, ${c.name})`);
}

export async function renameCart(db: Db, cartId: string, name: string): Promise<void> {
  await db.execute(sql`update carts set name = ${name}, updated_at = now() where id = ${cartId}`);
}

export async function deleteCart(db: Db, cartId: string): Promise<void> {
  await db.execute(sql`delete from carts where id = ${cartId}`);
}

export async function currentCartId(db: Db, userId: string, companyId: string): Promise<string | undefined> {
  const [r] = await rows<{ cart_id: string }>(db, sql`
    select cc.cart_id from cart_current cc join carts c on c.id = cc.cart_id and c.status = 'open'
     where cc.user_id = ${userId} and cc.company_id = ${companyId}`);
  return r?.cart_id;
}

export async function setCurrent(db: Db, userId: string, companyId: string, cartId: string): Promise<void> {
  await db.execute(sql`
    insert into cart_current (user_id, company_id, cart_id) values (${userId}, ${companyId}, ${cartId})
    on conflict (user_id, company_id) do update set cart_id = excluded.cart_id`);
}

/** A cart line with what the cart shows about its item and the item's stock. */
export interface LineRow {
  lineId: string;
  variantId: string;
  quantity: number;
  note: string;
}

/** What a cart, list or quick order needs to know about an item, stock included. */
export interface ItemRow {
  variantId: string;
  sku: string;
  variantName: string;
  productName: string;
  productSlug: string;
  taxClass: string;
  weightGrams: number | null;
  /** On hand − reserved, summed over warehouses (none below zero). */
  available: number;
  backorder: boolean;
}

const itemColumns = sql`
  v.id as "variantId", v.sku, v.name as "variantName", p.name as "productName", p.slug as "productSlug",
  v.tax_class as "taxClass", v.weight_grams as "weightGrams",
  coalesce(st.available, 0)::int as available, coalesce(st.backorder, false) as backorder`;

const stockJoin = sql`
  left join lateral (
    select sum(greatest(i.on_hand - i.reserved, 0)) as available, bool_or(i.backorder) as backorder
      from inventory i where i.variant_id = v.id) st on true`;

/** Every line of a cart with its item, in the order they were added: one query, however many lines. */
export async function linesWithItems(db: Db, cartId: string, buyable: SQL): Promise<(LineRow & ItemRow & { buyable: boolean })[]> {
  return rows(db, sql`
    select l.id as "lineId", l.quantity, l.note, ${itemColumns}, ${buyable} as buyable
      from cart_lines l join variants v on v.id = l.variant_id join products p on p.id = v.product_id
      ${stockJoin}
     where l.cart_id = ${cartId}
     order by l.seq`);
}

/** What `checkoutCartSql` answers: the cart as `readableCart` reads it, its lines as `linesWithItems` does (with `F`, the facts buyability depends on, in place of the verdict), and `extra`'s value. */
export interface CheckoutCartRaw<F = unknown> {
  cart: CartRow & { lockedXmin: string };
  /** The cart row's xmin in the statement's snapshot; differs from `lockedXmin` when the lock waited for a change committed since. */
  seenXmin: string | null;
  lines: (LineRow & ItemRow & F)[];
  extra: unknown;
}

/**
 * `readableCart` (locked with `lock`) and `linesWithItems` as ONE json value for a combined read,
 * each line with `facts` (columns over `v` and `p`: what its buyability depends on) and with
 * `extra` (another module's SQL, e.g. the catalogs reaching the company) read alongside; null
 * when the cart is not readable by the user. The lock may wait for a transaction that changes the
 * cart: the locked row is then its newest version but the lines were read in the snapshot taken
 * before the wait. Every change of a cart's lines updates the cart row (`touchCart`), so the
 * caller compares the two xmins and reads the lines again when they differ.
 */
export function checkoutCartSql(cartId: string, companyId: string, userId: string, lock: boolean, facts: SQL, extra: SQL): SQL {
  return sql`
    select json_build_object(
      'cart', row_to_json(k),
      'seenXmin', (select c2.xmin::text from carts c2 where c2.id = k.id),
      'lines', (select coalesce(json_agg(x order by x.seq), '[]'::json) from (
          select l.seq, l.id as "lineId", l.quantity, l.note, ${itemColumns}, ${facts}
            from cart_lines l join variants v on v.id = l.variant_id join products p on p.id = v.product_id
            ${stockJoin}
           where l.cart_id = k.id) x),
      'extra', (${extra}))
      from (select ${cartColumns(userId)}, c.xmin::text as "lockedXmin"
              from carts c left join company_users u on u.id = c.owner_id
              left join cart_shares s on s.cart_id = c.id and s.user_id = ${userId}
             where c.id = ${cartId} and c.company_id = ${companyId} and ${readable(userId)}
             ${lock ? sql`for update of c` : sql``}) k`;
}

/** `checkoutCartSql`'s value with the cart's dates as Dates. */
export function toCheckoutCartRaw(value: unknown): CheckoutCartRaw | null {
  if (value === null) return null;
  const r = value as CheckoutCartRaw;
  return { ...r, cart: { ...r.cart, ...cartDates(r.cart) } };
}

/** Items by variant id or SKU (case-insensitive), stock included; unknown ones are absent. */
export async function itemsBy(db: Db, by: { ids?: readonly string[]; skus?: readonly string[] }): Promise<ItemRow[]> {
  const ids = by.ids ?? [];
  const skus = (by.skus ?? []).map((s) => s.toLowerCase());
  if (ids.length === 0 && skus.length === 0) return [];
  return rows(db, sql`
    select ${itemColumns}
      from variants v join products p on p.id = v.product_id
      ${stockJoin}
     where ${anyText(sql`v.id`, ids)} or ${anyText(sql`lower(v.sku)`, skus)}`);
}

/**
 * Adds lines in one atomic upsert: a variant already in the cart gets the quantity added (capped
 * at the maximum), and a non-empty note replaces the old one. Returns each touched line.
 */
export async function upsertLines(
  db: Db,
  cartId: string,
  userId: string | null,
  lines: readonly { variantId: string; quantity: number; note: string }[],
): Promise<{ lineId: string; variantId: string; quantity: number; inserted: boolean }[]> {
  if (lines.length === 0) return [];
  return rows(db, sql`
    insert into cart_lines (id, cart_id, variant_id, quantity, note, added_by)
    select t.id, ${cartId}, t.variant_id, t.quantity, t.note, ${userId}
      from unnest(${textArray(lines.map(() => newId('cartLine')))}, ${textArray(lines.map((l) => l.variantId))},
                  ${sqlArray(lines.map((l) => l.quantity), 'int')}, ${textArray(lines.map((l) => l.note))}) as t(id, variant_id, quantity, note)
    on conflict (cart_id, variant_id) do update
       set quantity = least(1000000, cart_lines.quantity + excluded.quantity),
           note = case when excluded.note <> '' then excluded.note else cart_lines.note end,
           updated_at = now()
    returning id as "lineId", variant_id as "variantId", quantity, (xmax = 0) as inserted`);
}

/** Changes a line's quantity and/or note; undefined when the line is not in the cart. */
export async function updateLine(db: Db, cartId: string, lineId: string, patch: { quantity?: number | undefined; note?: string | undefined }): Promise<{ variantId: string; before: number; quantity: number } | undefined> {
  const [r] = await rows<{ variantId: string; before: number; quantity: number }>(db, sql`
    update cart_lines l set quantity = coalesce(${patch.quantity ?? null}::int, l.quantity), note = coalesce(${patch.note ?? null}::text, l.note), updated_at = now()
      from cart_lines old where old.id = l.id and l.id = ${lineId} and l.cart_id = ${cartId}
    returning l.variant_id as "variantId", old.quantity as before, l.quantity`);
  return r;
}

export async function deleteLine(db: Db, cartId: string, lineId: string): Promise<{ variantId: string; quantity: number } | undefined> {
  const [r] = await rows<{ variantId: string; quantity: number }>(db, sql`
    delete from cart_lines where id = ${lineId} and cart_id = ${cartId} returning variant_id as "variantId", quantity`);
  return r;
}

export async function clearLines(db: Db, cartId: string): Promise<number> {
  const r = await rows<{ id: string }>(db, sql`delete from cart_lines where cart_id = ${cartId} returning id`);
  return r.length;
}

export interface EventInput {
  cartId: string;
  companyId: string;
  type: CartEventType;
  actorKind: 'buyer' | 'staff' | 'apiKey' | 'system';
  actorId: string | null;
  data: Record<string, unknown>;
}

/** Writes cart events in one statement. */
export async function insertEvents(db: Db, events: readonly EventInput[]): Promise<void> {
  if (events.length === 0) return;
  const values = events.map((e) => sql`(${newMonotonicId('cartEvent')}, ${e.cartId}, ${e.companyId}, ${e.type}, ${e.actorKind}, ${e.actorId}, ${JSON.stringify(e.data)}::jsonb)`);
  await db.execute(sql`insert into cart_events (id, cart_id, company_id, type, actor_kind, actor_id, data) values ${sql.join(values, sql`, `)}`);
}

export interface ShareRow {
  userId: string;
  name: string;
  email: string;
  access: ShareAccess;
}

export async function listShares(db: Db, cartId: string): Promise<ShareRow[]> {
  return rows(db, sql`
    select s.user_id as "userId", u.name, u.email, s.access from cart_shares s join company_users u on u.id = s.user_id
     where s.cart_id = ${cartId} order by u.name, u.id`);
}

/** Colleagues: active users with a membership in the company, except `exceptUserId`. */
export async function colleagues(db: Db, companyId: string, exceptUserId: string): Promise<{ userId: string; name: string; email: string }[]> {
  return rows(db, sql`
    select u.id as "userId", u.name, u.email from company_memberships m join company_users u on u.id = m.user_id
     where m.company_id = ${companyId} and u.id <> ${exceptUserId} and u.status = 'active'
     order by u.name, u.id limit 500`);
}

export async function isMember(db: Db, companyId: string, userId: string): Promise<boolean> {
  const r = await rows<{ ok: number }>(db, sql`
    select 1 as ok from company_memberships m join company_users u on u.id = m.user_id
     where m.company_id = ${companyId} and m.user_id = ${userId} and u.status = 'active'`);
  return r.length > 0;
}

export async function putShare(db: Db, cartId: string, userId: string, access: ShareAccess): Promise<void> {
  await db.execute(sql`
    insert into cart_shares (cart_id, user_id, access) values (${cartId}, ${userId}, ${access})
    on conflict (cart_id, user_id) do update set access = excluded.access`);
}

export async function deleteShare(db: Db, cartId: string, userId: string): Promise<boolean> {
  const r = await rows<{ u: string }>(db, sql`delete from cart_shares where cart_id = ${cartId} and user_id = ${userId} returning user_id as u`);
  if (r.length > 0) await db.execute(sql`delete from cart_current where cart_id = ${cartId} and user_id = ${userId}`);
  return r.length > 0;
}

export async function eventsOf(db: Db, cartId: string, limit: number): Promise<{ id: string; type: CartEventType; actorId: string | null; data: Record<string, unknown>; at: Date }[]> {
  return rows(db, sql`
    select id, type, actor_id as "actorId", data, at from cart_events where cart_id = ${cartId} order by at desc, id desc limit ${limit}`);
}

export const cartCompany = (cartId: string): SQL => sql`select company_id from carts where id = ${cartId}`;

/**
 * A buyer's cart event and the cart's activity mark, in one statement and only on a cart the buyer
 * may read (owner or shared); false when they may not. The checkout records a step this way on
 * every submit, so it costs one round trip instead of three.
 */
export async function recordReadableEvent(db: Db, cartId: string, companyId: string, userId: string, e: Omit<EventInput, 'cartId' | 'companyId'>): Promise<boolean> {
  const done = await rows<{ id: string }>(db, sql`
    with c as (
      select c.id, c.company_id from carts c left join cart_shares s on s.cart_id = c.id and s.user_id = ${userId}
       where c.id = ${cartId} and c.company_id = ${companyId} and ${readable(userId)}
    ), ev as (
      insert into cart_events (id, cart_id, company_id, type, actor_kind, actor_id, data)
      select ${newMonotonicId('cartEvent')}, c.id, c.company_id, ${e.type}, ${e.actorKind}, ${e.actorId}, ${JSON.stringify(e.data)}::jsonb from c
    )
    update carts set last_activity_at = now() from c where carts.id = c.id returning carts.id`);
  return done.length > 0;
}

export async function markActivity(db: Db, cartId: string): Promise<void> {
  await db.execute(sql`update carts set last_activity_at = now() where id = ${cartId}`);
}
