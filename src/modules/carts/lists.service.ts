import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { cartStrategy, type CartView } from './cart-view.ts';
import type { ListVisibility } from './carts.tables.ts';
import { buyableItems, buyerOf, changeLines, ensureCurrentCart, upsertIn } from './carts.service.ts';
import type { LineProblem } from './domain/problems.ts';
import { checkLines, type Money } from './line-check.ts';
import * as repo from './lists.repo.ts';

export interface ListSummary {
  id: string;
  name: string;
  description: string;
  visibility: ListVisibility;
  owner: { id: string; name: string };
  /** The caller owns the list (and so may change it). */
  mine: boolean;
  lineCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ListLineView {
  variantId: string;
  sku: string;
  productName: string;
  variantName: string;
  productSlug: string;
  quantity: number;
  note: string;
  unitPrice: Money | null;
  lineTotal: Money | null;
  available: number | null;
  problems: LineProblem[];
}

export interface ListView extends ListSummary {
  currency: string;
  lines: ListLineView[];
  subtotal: Money;
}

function summaryOf(l: repo.ListRow, userId: string): ListSummary {
  return {
    id: l.id, name: l.name, description: l.description, visibility: l.visibility, owner: { id: l.ownerId, name: l.ownerName }, mine: l.ownerId === userId,
    lineCount: l.lineCount, createdAt: l.createdAt.toISOString(), updatedAt: l.updatedAt.toISOString(),
  };
}

async function readable(ctx: Ctx, id: string, lock = false): Promise<repo.ListRow> {
  const a = buyerOf(ctx);
  const l = await repo.readableList(ctx.db, id, a.companyId, a.userId, lock);
  if (!l) throw notFound('List', 'id');
  return l;
}

async function owned(ctx: Ctx, id: string): Promise<repo.ListRow> {
  const l = await readable(ctx, id, true);
  if (l.ownerId !== buyerOf(ctx).userId) throw new AppError('FORBIDDEN', 'Only the owner can change a list');
  return l;
}

/** Lists the buyer owns and lists colleagues shared with the company, newest first. */
export async function listLists(ctx: Ctx, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<ListSummary>> {
  const a = buyerOf(ctx);
  const limit = q.limit ?? 50;
  const key = decodeCursor(q.cursor);
  if (key && (key.length !== 1 || typeof key[0] !== 'string')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const page = toPage(await repo.listLists(ctx.db, a.companyId, a.userId, key?.[0] as string | undefined, limit), limit, (l) => [l.id]);
  return { items: page.items.map((l) => summaryOf(l, a.userId)), nextCursor: page.nextCursor };
}

/** A list with its lines re-validated like a cart's (visibility, price at the list quantity, rules, stock). */
export async function getList(ctx: Ctx, id: string): Promise<ListView> {
  const a = buyerOf(ctx);
  const l = await readable(ctx, id);
  const found = await repo.listLines(ctx.db, id);
  const checked = await checkLines(ctx, a.companyId, found.map((r) => ({ key: r, variantId: r.variantId, quantity: r.quantity })), new Map(found.map((r) => [r.variantId, r])), cartStrategy());
  const lines = checked.lines.map((c): ListLineView => {
    const gone = c.item === undefined;
    return {
      variantId: c.key.variantId, sku: c.key.sku, productName: gone ? '' : c.key.productName, variantName: gone ? '' : c.key.variantName, productSlug: gone ? '' : c.key.productSlug,
      quantity: c.key.quantity, note: c.key.note, unitPrice: c.price?.unitPrice ?? null, lineTotal: c.price?.lineTotal ?? null,
      available: gone ? null : c.key.available, problems: c.problems,
    };
  });
  return { ...summaryOf(l, a.userId), lineCount: lines.length, currency: checked.currency, lines, subtotal: { amount: checked.subtotal, currency: checked.currency } };
}

export async function createList(ctx: Ctx, input: { name: string; description?: string | undefined; visibility?: ListVisibility | undefined }): Promise<ListView> {
  const a = buyerOf(ctx);
  const id = newId('shoppingList');
  await repo.insertList(ctx.db, { id, companyId: a.companyId, ownerId: a.userId, name: input.name.trim() || 'List', description: input.description?.trim() ?? '', visibility: input.visibility ?? 'private' });
  return getList(ctx, id);
}

/** Owner only: name, description, private or shared with the company. */
export async function updateList(ctx: Ctx, id: string, patch: { name?: string | undefined; description?: string | undefined; visibility?: ListVisibility | undefined }): Promise<ListView> {
  await inTx(ctx, async (tx) => {
    await owned(tx, id);
    await repo.updateList(tx.db, id, { ...patch, name: patch.name?.trim() || undefined });
  });
  return getList(ctx, id);
}

export async function deleteList(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await owned(tx, id);
    await repo.deleteList(tx.db, id);
  });
}

/**
 * Owner only: adds items by variant id or SKU; the same item adds to its quantity. An unknown or
 * hidden item fails the request (422 SKU_UNKNOWN naming the line) and nothing is written.
 */
export async function addListLines(ctx: Ctx, id: string, input: readonly { variantId?: string | undefined; sku?: string | undefined; quantity: number; note?: string | undefined }[]): Promise<ListView> {
  const a = buyerOf(ctx);
  input.forEach((l, i) => {
    if ((l.variantId === undefined) === (l.sku === undefined)) throw new AppError('VALIDATION_FAILED', 'Give either variantId or sku', `lines[${i}].variantId`);
  });
  const { byId, bySku } = await buyableItems(ctx, a.companyId, { ids: input.flatMap((l) => (l.variantId ? [l.variantId] : [])), skus: input.flatMap((l) => (l.sku ? [l.sku.trim()] : [])) });
  const lines = input.map((l, i) => {
    const item = l.variantId !== undefined ? byId.get(l.variantId) : bySku.get(l.sku!.trim().toLowerCase());
    if (!item) throw new AppError('SKU_UNKNOWN', l.sku !== undefined ? `No item has SKU ${l.sku}` : 'No item has this id', `lines[${i}].${l.variantId !== undefined ? 'variantId' : 'sku'}`);
    return { variantId: item.variantId, quantity: l.quantity, note: l.note?.trim() ?? '' };
  });
  await inTx(ctx, async (tx) => {
    await owned(tx, id);
    await repo.upsertListLines(tx.db, id, lines);
    await repo.touchList(tx.db, id);
  });
  return getList(ctx, id);
}

export async function updateListLine(ctx: Ctx, id: string, variantId: string, patch: { quantity?: number | undefined; note?: string | undefined }): Promise<ListView> {
  await inTx(ctx, async (tx) => {
    await owned(tx, id);
    if (!(await repo.updateListLine(tx.db, id, variantId, { quantity: patch.quantity, note: patch.note?.trim() }))) throw notFound('List line', 'variantId');
    await repo.touchList(tx.db, id);
  });
  return getList(ctx, id);
}

export async function removeListLine(ctx: Ctx, id: string, variantId: string): Promise<ListView> {
  await inTx(ctx, async (tx) => {
    await owned(tx, id);
    if (!(await repo.deleteListLine(tx.db, id, variantId))) throw notFound('List line', 'variantId');
    await repo.touchList(tx.db, id);
  });
  return getList(ctx, id);
}

export interface ToCartResult {
  cart: CartView;
  added: number;
  /** Lines not added: items the company can no longer buy. */
  skipped: { sku: string; code: 'ITEM_UNAVAILABLE'; message: string }[];
}

/**
 * Adds a list (or the selected lines of it) to a cart — the buyer's current cart unless one is
 * named. Items the company can no longer buy are skipped and reported; the rest are added in one
 * upsert and the cart answers with every line re-validated.
 */
export async function listToCart(ctx: Ctx, id: string, input: { cartId?: string | undefined; variantIds?: string[] | undefined }): Promise<ToCartResult> {
  const a = buyerOf(ctx);
  await readable(ctx, id);
  const selected = new Set(input.variantIds ?? []);
  const found = (await repo.listLines(ctx.db, id)).filter((l) => input.variantIds === undefined || selected.has(l.variantId));
  const { byId } = await buyableItems(ctx, a.companyId, { ids: found.map((l) => l.variantId) });
  const toAdd = found.filter((l) => byId.has(l.variantId)).map((l) => ({ variantId: l.variantId, quantity: l.quantity, note: l.note }));
  const skipped = found.filter((l) => !byId.has(l.variantId)).map((l) => ({ sku: l.sku, code: 'ITEM_UNAVAILABLE' as const, message: `${l.sku}: this item is no longer available` }));
  const cartId = input.cartId === undefined || input.cartId === 'current' ? await ensureCurrentCart(ctx) : input.cartId;
  const cart = await changeLines(ctx, cartId, (tx, c) => (toAdd.length === 0 ? Promise.resolve([]) : upsertIn(tx, c, toAdd, `list:${id}`)));
  return { cart, added: toAdd.length, skipped };
}
