import type { Actor, Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { TwoGenerationMap } from '../../lib/two-generation-map.ts';
import { invisibleVariantIds } from '../shared-catalogs/index.ts';
import * as repo from './carts.repo.ts';
import type { CartRow, EventInput } from './carts.repo.ts';
import { cartView, loadLines, problemSummary, summaryOf, type CartSummary, type CartView } from './cart-view.ts';

export type BuyerActor = Extract<Actor, { kind: 'buyer' }>;

/** Lines one cart may hold. */
export const MAX_CART_LINES = 1000;
export const DEFAULT_CART_NAME = 'My cart';

export function buyerOf(ctx: Ctx): BuyerActor {
  if (ctx.actor.kind !== 'buyer') throw new AppError('FORBIDDEN', 'Carts are for company buyers');
  return ctx.actor;
}

/** Who did it, for events. */
export function actorOf(ctx: Ctx): Pick<EventInput, 'actorKind' | 'actorId'> {
  const a = ctx.actor;
  switch (a.kind) {
    case 'buyer': return { actorKind: 'buyer', actorId: a.userId };
    case 'staff': return { actorKind: 'staff', actorId: a.staffId };
    case 'apiKey': return { actorKind: 'apiKey', actorId: a.keyId };
    default: return { actorKind: 'system', actorId: null };
  }
}

/** A cart the buyer can read (own or shared); another company's cart answers 404 like a missing one. */
export async function readable(ctx: Ctx, cartId: string, lock = false): Promise<CartRow> {
  const a = buyerOf(ctx);
  const cart = await repo.readableCart(ctx.db, cartId, a.companyId, a.userId, lock);
  if (!cart) throw notFound('Cart', 'id');
  return cart;
}

/** Reads a cart with every line re-validated. */
export async function getCart(ctx: Ctx, cartId: string): Promise<CartView> {
  const cart = await readable(ctx, cartId);
  return cartView(cart, await loadLines(ctx, cart));
}

/** Open carts the buyer owns or that colleagues shared with them, newest first. */
export async function listCarts(ctx: Ctx, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<CartSummary>> {
  const a = buyerOf(ctx);
  const limit = q.limit ?? 50;
  const key = decodeCursor(q.cursor);
  if (key && (key.length !== 1 || typeof key[0] !== 'string')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const found = await repo.listCarts(ctx.db, a.companyId, a.userId, key?.[0] as string | undefined, limit);
  const page = toPage(found, limit, (c) => [c.id]);
  return { items: page.items.map(summaryOf), nextCursor: page.nextCursor };
}

async function createIn(tx: Ctx, a: BuyerActor, name: string, makeCurrent: boolean): Promise<string> {
  const id = newId('cart');
  await repo.insertCart(tx.db, { id, companyId: a.companyId, ownerId: a.userId, name });
  if (makeCurrent) await repo.setCurrent(tx.db, a.userId, a.companyId, id);
  await repo.insertEvents(tx.db, [{ cartId: id, companyId: a.companyId, type: 'created', ...actorOf(tx), data: { name } }]);
  return id;
}

/** A new named cart of the buyer; it becomes their current cart unless `makeCurrent` is false. */
export async function createCart(ctx: Ctx, input: { name: string; makeCurrent?: boolean | undefined }): Promise<CartView> {
  const a = buyerOf(ctx);
  const id = await inTx(ctx, (tx) => createIn(tx, a, input.name.trim() || DEFAULT_CART_NAME, input.makeCurrent ?? true));
  return getCart(ctx, id);
}

/** The buyer's current cart id, or a new "My cart" made current when they have none. */
export async function ensureCurrentCart(ctx: Ctx): Promise<string> {
  const a = buyerOf(ctx);
  const found = await repo.currentCartId(ctx.db, a.userId, a.companyId);
  if (found) return found;
  return inTx(ctx, async (tx) => (await repo.currentCartId(tx.db, a.userId, a.companyId)) ?? createIn(tx, a, DEFAULT_CART_NAME, true));
}

/** The buyer's current cart; 404 when they have none yet (adding to `current` creates it). */
export async function currentCart(ctx: Ctx): Promise<CartView> {
  const a = buyerOf(ctx);
  const id = await repo.currentCartId(ctx.db, a.userId, a.companyId);
  if (!id) throw notFound('Current cart');
  return getCart(ctx, id);
}

/** Makes a cart the buyer can edit their current one. */
export async function makeCurrent(ctx: Ctx, cartId: string): Promise<CartView> {
  const a = buyerOf(ctx);
  const cart = await readable(ctx, cartId);
  if (cart.access === 'view') throw new AppError('FORBIDDEN', 'This cart is shared with you to view only');
  if (cart.status !== 'open') throw new AppError('CART_NOT_OPEN');
  await repo.setCurrent(ctx.db, a.userId, a.companyId, cartId);
  return getCart(ctx, cartId);
}

/** Owner only: the cart's name. */
export async function renameCart(ctx: Ctx, cartId: string, name: string): Promise<CartView> {
  await inTx(ctx, async (tx) => {
    const cart = await readable(tx, cartId, true);
    if (cart.access !== 'owner') throw new AppError('FORBIDDEN', 'Only the owner can rename a cart');
    await repo.renameCart(tx.db, cartId, name.trim() || DEFAULT_CART_NAME);
  });
  return getCart(ctx, cartId);
}

/** Owner only: deletes the cart with its lines, shares and events. */
export async function deleteCart(ctx: Ctx, cartId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const cart = await readable(tx, cartId, true);
    if (cart.access !== 'owner') throw new AppError('FORBIDDEN', 'Only the owner can delete a cart');
    await repo.deleteCart(tx.db, cartId);
  });
}

/**
 * Runs a change of a cart's lines: takes the cart's row lock and marks its activity, checks the
 * buyer may edit it, applies `fn` and writes its events — one short transaction. Then, outside it,
 * re-validates every line (with the cached pricer) and answers the cart; problems in the answer are
 * recorded as a `validation_error` event (what the buyer was shown).
 */
export async function changeLines(ctx: Ctx, cartId: string, fn: (tx: Ctx, cart: CartRow) => Promise<Omit<EventInput, 'cartId' | 'companyId' | 'actorKind' | 'actorId'>[]>): Promise<CartView> {
  const a = buyerOf(ctx);
  const cart = await inTx(ctx, async (tx) => {
    const c = await repo.touchCart(tx.db, cartId, a.companyId, a.userId);
    if (!c) throw notFound('Cart', 'id');
    if (c.access === 'view') throw new AppError('FORBIDDEN', 'This cart is shared with you to view only');
    if (c.status !== 'open') throw new AppError('CART_NOT_OPEN');
    const events = await fn(tx, c);
    await repo.insertEvents(tx.db, events.map((e) => ({ ...e, cartId, companyId: a.companyId, ...actorOf(tx) })));
    return c;
  });
  const view = cartView(cart, await loadLines(ctx, cart));
  const problems = problemSummary(view);
  if (shownProblems.changed(cartId, problems)) {
    await repo.insertEvents(ctx.db, [{ cartId, companyId: a.companyId, type: 'validation_error', ...actorOf(ctx), data: problems }]);
  }
  return view;
}

/**
 * The problems last recorded per cart in this process: a cart whose lines keep the same problems
 * through many changes (a 500-line cart with one line short of stock, edited again and again) is
 * recorded when its problems change, not on every change — the analytics ask where carts stall,
 * and a repeat says nothing new.
 */
const shownProblems = {
  last: new TwoGenerationMap<string>(10_000),
  /** True when `problems` should be recorded; a cart without problems is forgotten, so their return is news. */
  changed(cartId: string, problems: Record<string, unknown> | null): problems is Record<string, unknown> {
    const text = problems === null ? '' : JSON.stringify(problems);
    if (this.last.get(cartId) === text) return false;
    this.last.set(cartId, text);
    return problems !== null;
  },
};

export interface LineToAdd {
  variantId: string;
  quantity: number;
  note: string;
}

/**
 * Adds lines the caller has already checked are visible (one upsert: the same variant adds to the
 * quantity). Refuses past MAX_CART_LINES with CART_TOO_LARGE. Returns the events to write.
 */
export async function upsertIn(tx: Ctx, cart: CartRow, input: readonly LineToAdd[], source: string) {
  const a = buyerOf(tx);
  // One row per variant: an upsert may not touch the same row twice in one statement.
  const merged = new Map<string, LineToAdd>();
  for (const l of input) {
    const hit = merged.get(l.variantId);
    merged.set(l.variantId, hit ? { ...hit, quantity: Math.min(1_000_000, hit.quantity + l.quantity), note: l.note || hit.note } : l);
  }
  const lines = [...merged.values()];
  const done = await repo.upsertLines(tx.db, cart.id, a.userId, lines);
  const added = done.filter((d) => d.inserted).length;
  if (cart.lineCount + added > MAX_CART_LINES) {
    throw new AppError('CART_TOO_LARGE', `A cart holds at most ${MAX_CART_LINES} lines`, 'lines');
  }
  const asked = new Map(lines.map((l) => [l.variantId, l.quantity]));
  return [{ type: 'line_added' as const, data: { source, lines: done.slice(0, 100).map((d) => ({ lineId: d.lineId, variantId: d.variantId, added: asked.get(d.variantId) ?? 0, quantity: d.quantity })), count: done.length } }];
}

/**
 * Adds one item, by variant id or SKU, to a cart (or the buyer's current cart, created on demand).
 * An unknown SKU and one the company's catalogs hide answer the same 422 SKU_UNKNOWN.
 */
export async function addLine(
  ctx: Ctx,
  cartId: string | 'current',
  input: { variantId?: string | undefined; sku?: string | undefined; quantity: number; note?: string | undefined },
  answer: 'cart' | 'line' = 'cart',
): Promise<CartView> {
  const a = buyerOf(ctx);
  const field = input.variantId !== undefined ? 'variantId' : 'sku';
  if ((input.variantId === undefined) === (input.sku === undefined)) throw new AppError('VALIDATION_FAILED', 'Give either variantId or sku', 'variantId');
  let variantId = input.variantId;
  if (variantId === undefined) {
    const [item] = await repo.itemsBy(ctx.db, { skus: [input.sku!.trim()] });
    variantId = item?.variantId;
  }
  const hidden = variantId === undefined ? undefined : await invisibleVariantIds(ctx, a.companyId, [variantId]);
  if (variantId === undefined || hidden === undefined || hidden.has(variantId)) {
    throw new AppError('SKU_UNKNOWN', input.sku !== undefined ? `No item has SKU ${input.sku}` : 'No item has this id', field);
  }
  const id = cartId === 'current' ? await ensureCurrentCart(ctx) : cartId;
  const line = { variantId, quantity: input.quantity, note: input.note?.trim() ?? '' };
  const view = await changeLines(ctx, id, (tx, cart) => upsertIn(tx, cart, [line], 'cart'));
  // `line`: every line is still re-validated (subtotal, lineCount, problemLines are the whole
  // cart's), but only the added line is sent back — a product page needs no 500-line answer.
  return answer === 'line' ? { ...view, lines: view.lines.filter((l) => l.variantId === variantId), partial: true } : view;
}

/** Changes a line's quantity or note. */
export async function updateLine(ctx: Ctx, cartId: string, lineId: string, patch: { quantity?: number | undefined; note?: string | undefined }): Promise<CartView> {
  return changeLines(ctx, cartId, async (tx) => {
    const r = await repo.updateLine(tx.db, cartId, lineId, { quantity: patch.quantity, note: patch.note?.trim() });
    if (!r) throw notFound('Cart line', 'lineId');
    return [{ type: 'line_changed', data: { lineId, variantId: r.variantId, from: r.before, to: r.quantity, ...(patch.note !== undefined ? { note: true } : {}) } }];
  });
}

/** Removes a line. */
export async function removeLine(ctx: Ctx, cartId: string, lineId: string): Promise<CartView> {
  return changeLines(ctx, cartId, async (tx) => {
    const r = await repo.deleteLine(tx.db, cartId, lineId);
    if (!r) throw notFound('Cart line', 'lineId');
    return [{ type: 'line_removed', data: { lineId, variantId: r.variantId, quantity: r.quantity } }];
  });
}

/** Removes every line. */
export async function clearCart(ctx: Ctx, cartId: string): Promise<CartView> {
  return changeLines(ctx, cartId, async (tx) => {
    const n = await repo.clearLines(tx.db, cartId);
    return n > 0 ? [{ type: 'line_removed', data: { all: true, count: n } }] : [];
  });
}

/**
 * Items the company may buy, found by variant id or SKU (case-insensitive): unknown, inactive and
 * hidden items are all simply absent (every add path goes through here or `invisibleVariantIds`).
 */
export async function buyableItems(ctx: Ctx, companyId: string, by: { ids?: readonly string[]; skus?: readonly string[] }): Promise<{ byId: Map<string, repo.ItemRow>; bySku: Map<string, repo.ItemRow> }> {
  const items = await repo.itemsBy(ctx.db, by);
  const hidden = await invisibleVariantIds(ctx, companyId, items.map((i) => i.variantId));
  const visible = items.filter((i) => !hidden.has(i.variantId));
  return { byId: new Map(visible.map((i) => [i.variantId, i])), bySku: new Map(visible.map((i) => [i.sku.toLowerCase(), i])) };
}
