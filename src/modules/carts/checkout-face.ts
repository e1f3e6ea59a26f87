import { sql, type SQL } from 'drizzle-orm';
import { readTogether, type ReadPart } from '../../db/read-together.ts';
import type { WritePart } from '../../db/write-together.ts';
import type { Ctx } from '../../http/context.ts';
import { newMonotonicId } from '../../lib/ids.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { PricingStrategy } from '../pricing/index.ts';
import * as repo from './carts.repo.ts';
import type { CartEventType } from './carts.tables.ts';
import { checkFound, loadLines, type LoadedLines } from './cart-view.ts';
import { buyableFactsSql, buyableJudge, reachSql, type BuyableFacts } from '../shared-catalogs/index.ts';
import { actorOf, buyerOf } from './carts.service.ts';

/** One line of a cart as checkout prices it (amounts in minor units of `currency`). */
export interface CheckoutLine {
  lineId: string;
  variantId: string;
  sku: string;
  /** Product name, with the variant's name when it has one. */
  name: string;
  quantity: number;
  /** 0 when the line has no price (it then has a PRICE_UNAVAILABLE or ITEM_UNAVAILABLE problem). */
  unitPrice: number;
  lineTotal: number;
  taxClass: string;
  weightGrams: number | null;
  /** `contract:<ref>`, `base:<listId>`, `group:<listId>` …; null when unpriced. */
  priceSource: string | null;
  problems: { code: string; message: string }[];
}

export interface CheckoutCart {
  cart: { id: string; name: string; companyId: string; currency: string };
  lines: CheckoutLine[];
  /** Exact sum of the priced lines, minor units. */
  subtotal: number;
  currency: string;
  /** Problems of the cart as a whole (CART_EMPTY); line problems are on the lines. Checkout may proceed only when both are empty. */
  problems: { code: string; message: string }[];
}

/** A checkout cart read with other facts in one statement (`checkoutCartRead`). */
export interface CheckoutCartRead {
  /** The cart row (locked inside a transaction), its lines and the catalogs reaching the company. */
  readonly part: ReadPart<repo.CheckoutCartRaw | null>;
  /** The cart checked and priced from what `part` read (404 / 403 / CART_NOT_OPEN as `loadCartForCheckout`). */
  load(raw: repo.CheckoutCartRaw | null): Promise<CheckoutCart>;
}

/**
 * `loadCartForCheckout` as a part of a combined read (`readTogether`): one statement reads the cart
 * with its lock, its lines with their items, stock and what their buyability depends on, and the
 * shared catalogs reaching the company; buyability is then decided here (`buyableJudge`), so the
 * statement's text is the same for every company and cart. Where the lock waited for a change of
 * the cart, `load` reads the lines again as `loadCartForCheckout` always did — so the result is
 * what reading after the lock gives. Put this part before any other part that locks rows (the
 * cart is locked first).
 */
export function checkoutCartRead(ctx: Ctx, cartId: string, opts: { strategy?: PricingStrategy } = {}): CheckoutCartRead {
  const a = buyerOf(ctx);
  const inTransaction = (ctx as { inTransaction?: boolean }).inTransaction === true;
  return {
    part: { sql: repo.checkoutCartSql(cartId, a.companyId, a.userId, inTransaction, buyableFactsSql, reachSql(a.companyId)), map: repo.toCheckoutCartRaw },
    async load(raw) {
      if (!raw) throw notFound('Cart', 'cartId');
      const cart = raw.cart;
      if (cart.access === 'view') throw new AppError('FORBIDDEN', 'This cart is shared with you to view only', 'cartId');
      if (cart.status !== 'open') throw new AppError('CART_NOT_OPEN', undefined, 'cartId');
      if (raw.seenXmin !== cart.lockedXmin) return checkoutCart(cart, await loadLines(ctx, cart, opts.strategy));
      const buyable = await buyableJudge(ctx, raw.extra);
      const lines = (raw.lines as (repo.LineRow & repo.ItemRow & BuyableFacts)[]).map((l) => ({ ...l, buyable: buyable(l) }));
      return checkoutCart(cart, await checkFound(ctx, cart, lines, opts.strategy));
    },
  };
}

/**
 * A cart re-validated for checkout: visibility, quantity rules, prices and stock, every line. The
 * actor must be a buyer of the cart's company who owns the cart or may edit it (else 404 / 403).
 * Inside a transaction (the order's) the cart row is locked until it commits, so the cart cannot
 * change or be ordered twice meanwhile, and prices are read from the database, not the cache.
 * One statement (`checkoutCartRead`), two when the cart changed while its lock waited.
 */
export async function loadCartForCheckout(ctx: Ctx, cartId: string, opts: { strategy?: PricingStrategy } = {}): Promise<CheckoutCart> {
  const read = checkoutCartRead(ctx, cartId, opts);
  const { cart } = await readTogether(ctx.db, { cart: read.part });
  return read.load(cart);
}

function checkoutCart(cart: Pick<repo.CartRow, 'id' | 'name' | 'companyId'>, checked: LoadedLines): CheckoutCart {
  const lines: CheckoutLine[] = checked.lines.map((l) => {
    const row = l.key;
    const name = row.variantName && row.variantName !== row.productName ? `${row.productName} — ${row.variantName}` : row.productName;
    return {
      lineId: row.lineId, variantId: row.variantId, sku: row.sku, name, quantity: row.quantity,
      unitPrice: l.price?.unitPrice.amount ?? 0, lineTotal: l.price?.lineTotal.amount ?? 0,
      taxClass: row.taxClass, weightGrams: row.weightGrams, priceSource: l.price?.source ?? null,
      problems: l.problems.map((p) => ({ code: p.code, message: p.message })),
    };
  });
  const problems = lines.length === 0 ? [{ code: 'CART_EMPTY', message: 'The cart is empty' }] : [];
  return { cart: { id: cart.id, name: cart.name, companyId: cart.companyId, currency: checked.currency }, lines, subtotal: checked.subtotal, currency: checked.currency, problems };
}

/**
 * Records cart activity (checkout steps entered, validation errors shown …) and marks the cart
 * active. A buyer may only record on carts they can read; others (system, staff) on any cart.
 */
export async function recordCartEvent(ctx: Ctx, cartId: string, type: CartEventType, data: Record<string, unknown> = {}): Promise<void> {
  if (ctx.actor.kind === 'buyer') {
    if (!(await repo.recordReadableEvent(ctx.db, cartId, ctx.actor.companyId, ctx.actor.userId, { type, ...actorOf(ctx), data }))) throw notFound('Cart', 'cartId');
    return;
  }
  const [c] = await repo.rows<{ company_id: string }>(ctx.db, repo.cartCompany(cartId));
  if (!c) throw notFound('Cart', 'cartId');
  await repo.insertEvents(ctx.db, [{ cartId, companyId: c.company_id, type, ...actorOf(ctx), data }]);
  await repo.markActivity(ctx.db, cartId);
}

/**
 * The writes that close a cart as ordered, for the order's one combined statement
 * (`writeTogether`): the open cart becomes `ordered` with the order's id, leaves its owner's
 * "current cart" slot, and gets its events — `before` (e.g. the checkout step that submitted it),
 * then `ordered`, in that order (same instant, monotonic ids). `closed` counts the carts closed (1,
 * or 0 when the cart was no longer open — the caller then refuses the order with CART_NOT_OPEN).
 */
export function cartOrderedWrites(ctx: Ctx, cartId: string, orderId: string, before: readonly { type: CartEventType; data: Record<string, unknown> }[] = []): { parts: WritePart[]; closed: SQL } {
  const a = actorOf(ctx);
  const now = ctx.clock.now().getTime();
  const events = [...before, { type: 'ordered' as const, data: { orderId } }].map((e) => sql`(${newMonotonicId('cartEvent', now)}, ${e.type}, ${JSON.stringify(e.data)})`);
  return {
    parts: [
      ['cart_closed', sql`update carts set status = 'ordered', order_id = ${orderId}, ordered_at = now(), updated_at = now(), last_activity_at = now()
        where id = ${cartId} and status = 'open' returning id, company_id`],
      ['cart_uncurrent', sql`delete from cart_current where cart_id in (select id from cart_closed)`],
      ['cart_ordered', sql`insert into cart_events (id, cart_id, company_id, type, actor_kind, actor_id, data)
        select e.id, c.id, c.company_id, e.type, ${a.actorKind}, ${a.actorId}, e.data::jsonb from cart_closed c cross join (values ${sql.join(events, sql`, `)}) as e(id, type, data)`],
    ],
    closed: sql`(select count(*)::int from cart_closed)`,
  };
}

/** The error for an order whose cart `cartOrderedWrites` found no longer open. */
export const cartNotOpen = (): AppError => new AppError('CART_NOT_OPEN', undefined, 'cartId');
