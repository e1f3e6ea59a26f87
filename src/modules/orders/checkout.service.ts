import { sql } from 'drizzle-orm';
import { readTogether, readValue } from '../../db/read-together.ts';
import { writeTogether, type WritePart } from '../../db/write-together.ts';
import { inTx, type Ctx } from '../../http/context.ts';
import { outboxInsertSql } from '../../jobs/outbox.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { shipToLocationRead, shipToLocationsFor, type Location } from '../accounts/index.ts';
import { cartNotOpen, cartOrderedWrites, loadCartForCheckout, recordCartEvent, type CheckoutCart } from '../carts/index.ts';
import { checkoutCreditRead, checkoutPolicy, creditSummary, reserveLockedCreditWrites, type CheckoutPolicy, type CreditSummary } from '../credit/index.ts';
import { chargeCard, paymentProvider, type CardDetails, type Payment } from '../payments/index.ts';
import { quoteWith, shippingMethodRead, shippingOptions, type ShippingOption } from '../shipping/index.ts';
import { taxFor, taxFromInputs, taxInputsRead, type TaxResult } from '../tax/index.ts';
import type { OrderStatus } from './domain/lifecycle.ts';
import type { PaymentMethod, ShipToSnapshot } from './domain/types.ts';
import { orderCreatedEvents } from './orders.events.ts';
import { allocateOrderStock, stockLockRead, stockWrites } from './order-stock.ts';
import * as repo from './orders.repo.ts';
import { orderDetail, orderDetailOf, type OrderDetail } from './orders.service.ts';

/** A new ship-to address typed at checkout (only where the company allows it). */
export interface NewAddress {
  name: string;
  line1: string;
  line2?: string | null | undefined;
  city: string;
  region?: string | null | undefined;
  postalCode?: string | null | undefined;
  country: string;
  phone?: string | null | undefined;
}

export interface CheckoutInput {
  cartId: string;
  shipToLocationId?: string | undefined;
  newAddress?: NewAddress | undefined;
  shippingMethodId: string;
  poNumber?: string | undefined;
  /** YYYY-MM-DD, today or later (UTC). */
  requestedDeliveryDate?: string | undefined;
  notes?: string | undefined;
  paymentMethod: PaymentMethod;
  card?: CardDetails | undefined;
}

/**
 * Test-only hooks: a failpoint runs inside the order transaction after every order row is
 * written and before commit, so a test can prove that a failure there leaves nothing behind.
 * Production code passes no deps.
 */
export interface CheckoutDeps {
  failpoint?: (point: 'after-order-written', tx: Ctx) => Promise<void>;
}

type Buyer = Extract<Ctx['actor'], { kind: 'buyer' }>;

function buyerOf(ctx: Ctx): Buyer {
  if (ctx.actor.kind !== 'buyer') throw new AppError('FORBIDDEN', 'Checkout is for company buyers');
  return ctx.actor;
}

/** A buyer who may manage locations may ship to any of them; others only to their membership's, where it names any. */
const seesAllLocations = (a: Buyer) => a.permissions.has('company.locations:write');

/** The ship-to locations the buyer may use: the company's ship-to addresses, limited to the membership's where it is restricted. */
async function shipToLocations(ctx: Ctx, a: Buyer): Promise<Location[]> {
  return shipToLocationsFor(ctx, a.companyId, a.userId, seesAllLocations(a));
}

const snapshot = (l: Location): ShipToSnapshot => ({ locationId: l.id, name: l.name, line1: l.line1, line2: l.line2, city: l.city, region: l.region, postalCode: l.postalCode, country: l.country, phone: l.phone });

const weightOf = (cart: CheckoutCart) => cart.lines.reduce((g, l) => g + (l.weightGrams ?? 0) * l.quantity, 0);

function taxLines(cart: CheckoutCart) {
  return cart.lines.map((l, i) => ({ key: String(i + 1), taxClass: l.taxClass, amount: l.lineTotal }));
}

export interface CheckoutOptions {
  cart: CheckoutCart;
  locations: Location[];
  allowNewShipTo: boolean;
  selectedLocationId: string | null;
  shippingOptions: ShippingOption[];
  selectedShippingMethodId: string | null;
  tax: TaxResult | null;
  policy: CheckoutPolicy;
  credit: CreditSummary;
  totals: { subtotal: number; shipping: number; tax: number; total: number; currency: string };
}

/**
 * Everything the checkout page needs for a cart: ship-to locations, shipping options with rates for
 * the chosen (else default, else first) location, a tax preview for the chosen (else cheapest)
 * shipping method, payment terms and available credit, and the cart's line problems. Records the
 * `checkout_step` cart event (options viewed).
 */
export async function checkoutOptions(ctx: Ctx, q: { cartId: string; shipToLocationId?: string | undefined; shippingMethodId?: string | undefined }): Promise<CheckoutOptions> {
  const a = buyerOf(ctx);
  const cart = await loadCartForCheckout(ctx, q.cartId);
  const [locations, policy, credit] = [await shipToLocations(ctx, a), await checkoutPolicy(ctx, a.companyId), await creditSummary(ctx, a.companyId)];
  const chosen = (q.shipToLocationId ? locations.find((l) => l.id === q.shipToLocationId) : undefined) ?? locations.find((l) => l.isDefault) ?? locations[0] ?? null;
  let options: ShippingOption[] = [];
  let method: ShippingOption | null = null;
  let tax: TaxResult | null = null;
  if (chosen) {
    const shipTo = { country: chosen.country, region: chosen.region, postalCode: chosen.postalCode };
    options = await shippingOptions(ctx, { companyId: a.companyId, shipTo, currency: cart.currency, weightGrams: weightOf(cart), subtotal: cart.subtotal });
    method = options.find((o) => o.id === q.shippingMethodId) ?? [...options].sort((x, y) => x.amount - y.amount)[0] ?? null;
    tax = await taxFor(ctx, { companyId: a.companyId, shipTo, currency: cart.currency, lines: taxLines(cart), shipping: method?.amount ?? 0 });
  }
  await recordCartEvent(ctx, cart.cart.id, 'checkout_step', { step: 'options_viewed' });
  const shipping = method?.amount ?? 0;
  const taxTotal = tax?.total ?? 0;
  return {
    cart,
    locations,
    allowNewShipTo: policy.allowNewShipTo,
    selectedLocationId: chosen?.id ?? null,
    shippingOptions: options,
    selectedShippingMethodId: method?.id ?? null,
    tax,
    policy,
    credit,
    totals: { subtotal: cart.subtotal, shipping, tax: taxTotal, total: cart.subtotal + shipping + taxTotal, currency: cart.currency },
  };
}

function checkDeliveryDate(ctx: Ctx, date: string | undefined): void {
  if (date === undefined) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw invalid('requestedDeliveryDate', 'must be a date, YYYY-MM-DD');
  const today = ctx.clock.now().toISOString().slice(0, 10);
  if (date < today) throw new AppError('DELIVERY_DATE_IN_PAST', `The requested delivery date ${date} is before today (${today})`, 'requestedDeliveryDate');
}

/** The cart's problems as one refusal naming each line; nothing has been written yet. */
function cartProblems(cart: CheckoutCart): AppError | null {
  const lines = cart.lines.filter((l) => l.problems.length).map((l) => ({ lineId: l.lineId, sku: l.sku, problems: l.problems }));
  if (cart.lines.length === 0) return new AppError('CHECKOUT_CART_EMPTY', undefined, 'cartId');
  if (!lines.length && !cart.problems.length) return null;
  const detail = lines.map((l) => `${l.sku}: ${l.problems.map((p) => p.message).join(', ')}`).join('; ');
  return new AppError('CHECKOUT_CART_INVALID', detail || cart.problems.map((p) => p.message).join('; '), 'cartId', { lines, problems: cart.problems });
}

const CART_REFUSALS = new Set(['CHECKOUT_CART_INVALID', 'CHECKOUT_CART_EMPTY', 'CHECKOUT_STOCK_SHORT', 'CREDIT_LIMIT_EXCEEDED', 'PO_NUMBER_REQUIRED', 'DELIVERY_DATE_IN_PAST', 'SHIP_TO_NOT_ALLOWED', 'PAYMENT_METHOD_UNAVAILABLE', 'SHIPPING_METHOD_UNAVAILABLE', 'CARD_DECLINED', 'CARD_INVALID', 'INSUFFICIENT_FUNDS']);

/**
 * Places an order from a cart in ONE transaction: the cart is locked and re-validated (any line
 * problem refuses with per-line detail), re-priced, shipping quoted and tax computed, stock reserved
 * (inventory rows locked in a stable order), credit reserved for an on-account order (over the
 * limit: refused, or the order is placed on hold, per the company's setting), a card charged, then
 * the order, its lines, reservations and events, the outbox events and the cart closed. Anything
 * failing rolls all of it back, and a card captured before the failure is refunded. The submitted
 * step and any refusal are recorded as cart events.
 */
export async function placeOrder(ctx: Ctx, input: CheckoutInput, deps: CheckoutDeps = {}): Promise<OrderDetail> {
  const a = buyerOf(ctx);
  if (!a.permissions.has('company.orders:create')) throw new AppError('FORBIDDEN', 'Your company role lacks company.orders:create');
  checkDeliveryDate(ctx, input.requestedDeliveryDate);
  if (input.shipToLocationId && input.newAddress) throw invalid('newAddress', 'give either shipToLocationId or newAddress, not both');
  if (!input.shipToLocationId && !input.newAddress) throw invalid('shipToLocationId', 'choose a ship-to location');
  if (input.paymentMethod === 'card' && !input.card) throw invalid('card', 'card details are required to pay by card');
  // The submitted step is written with the order (one statement); a refused order records it below.
  const submitted = { step: 'submitted', paymentMethod: input.paymentMethod };
  const charged: Charged = {};
  let placed: Placed;
  try {
    // The order's transaction writes no pricing data, so it prices from the process cache, which
    // notifications keep current (a cold cache loads from the database as usual).
    placed = await inTx(ctx, (tx) => place({ ...tx, cacheDb: ctx.db }, a, input, deps, charged, submitted));
  } catch (err) {
    if (charged.payment) await giveBack(ctx, charged.payment);
    // Only on a cart the buyer may read (another company's cart stays untouched: that is a 404).
    const recorded = await recordCartEvent(ctx, input.cartId, 'checkout_step', submitted).then(() => true, () => false);
    if (recorded && err instanceof AppError && CART_REFUSALS.has(err.code)) {
      await recordCartEvent(ctx, input.cartId, 'validation_error', { code: err.code, message: err.message, ...(err.extra ?? {}) }).catch(() => undefined);
    }
    throw err;
  }
  // As the order page shows it (names, timeline, next actions), so the answer equals a GET: the order
  // as its write statement returned it, or read back when the transaction changed it after that.
  return placed.written ? orderDetailOf(ctx, placed.written) : orderDetail(ctx, placed.orderId);
}

/** A placed order's id, and the order as its write statement returned it unless something changed it since. */
interface Placed {
  orderId: string;
  written: repo.WrittenOrder | null;
}

/** A card captured inside the order's transaction, known outside it in case that rolls back. */
interface Charged {
  payment?: Payment;
}

/**
 * Refunds a card captured for an order whose transaction then failed: the payment row rolled back
 * with the order, but the provider holds the money. Keyed by the payment's reference, so a retry
 * refunds once; a refund that fails is logged loudly for the finance team (nothing else can undo it).
 */
async function giveBack(ctx: Ctx, payment: Payment): Promise<void> {
  const provider = paymentProvider();
  const result = payment.providerRef
    ? await provider.refund({ reference: `void:${payment.reference}`, providerRef: payment.providerRef, amount: payment.amount.amount }).catch((err: unknown) => ({ ok: false as const, failure: { message: String(err) } }))
    : { ok: false as const, failure: { message: 'no provider reference' } };
  if (result.ok) ctx.log.warn({ reference: payment.reference, amount: payment.amount }, 'order not placed: card payment refunded');
  else ctx.log.error({ reference: payment.reference, amount: payment.amount, failure: result.failure.message }, 'order not placed and the card refund FAILED: refund by hand');
}

async function place(tx: Ctx, a: Buyer, input: CheckoutInput, deps: CheckoutDeps, charged: Charged, submitted: Record<string, unknown>): Promise<Placed> {
  // Every fact the order needs, with every lock it takes, in TWO statements, each module building
  // its part: the cart (locked first) with its lines; then the payment policy (with the credit
  // account's lock when paying on account), the chosen ship-to location, the shipping method, the
  // tax inputs for the ship-to's country (taken from the chosen location inside the statement) and
  // the lines' inventory rows (locked last). Not one: which inventory rows to lock is known only from
  // the cart's lines, and the cart is checked and priced between the two, so a cart with problems is
  // refused before the credit account and the stock are locked at all.
  const cart = await loadCartForCheckout(tx, input.cartId);
  const refusal = cartProblems(cart);
  if (refusal) throw refusal;
  const location = input.shipToLocationId ? shipToLocationRead(a.companyId, a.userId, seesAllLocations(a), input.shipToLocationId) : null;
  const lines = cart.lines.map((l, i) => ({ lineNo: i + 1, variantId: l.variantId, sku: l.sku, quantity: l.quantity }));
  const facts = await readTogether(tx.db, {
    credit: checkoutCreditRead(a.companyId, { lock: input.paymentMethod === 'account' }),
    location: location?.part ?? readValue(null),
    method: shippingMethodRead(input.shippingMethodId),
    tax: taxInputsRead(location ? location.country : input.newAddress!.country, a.companyId),
    // Last: popular items' inventory rows are the most contended locks, held until commit.
    stock: stockLockRead(lines.map((l) => l.variantId)),
  });
  const policy = facts.credit.policy;
  const poNumber = input.poNumber?.trim() || null;
  if (policy.poRequired && !poNumber) throw new AppError('PO_NUMBER_REQUIRED', undefined, 'poNumber');

  let shipTo: ShipToSnapshot;
  if (input.shipToLocationId) {
    const loc = facts.location;
    if (!loc) throw new AppError('SHIP_TO_NOT_ALLOWED', 'That location is not one of the ship-to addresses you may use', 'shipToLocationId');
    shipTo = snapshot(loc);
  } else {
    if (!policy.allowNewShipTo) throw new AppError('SHIP_TO_NOT_ALLOWED', 'Your company ships only to its saved locations', 'newAddress');
    const n = input.newAddress!;
    shipTo = { locationId: null, name: n.name, line1: n.line1, line2: n.line2 ?? null, city: n.city, region: n.region ?? null, postalCode: n.postalCode ?? null, country: n.country.toUpperCase(), phone: n.phone ?? null };
  }
  if (input.paymentMethod === 'account' && !policy.onAccount) throw new AppError('PAYMENT_METHOD_UNAVAILABLE', 'Your company has no payment terms with a credit limit; pay by card', 'paymentMethod');
  if (input.paymentMethod === 'account' && policy.currency !== cart.currency) throw new AppError('PAYMENT_METHOD_UNAVAILABLE', `The credit account is in ${policy.currency}, the cart in ${cart.currency}`, 'paymentMethod');

  const place = { country: shipTo.country, region: shipTo.region, postalCode: shipTo.postalCode };
  const quote = quoteWith(facts.method, { companyId: a.companyId, shipTo: place, currency: cart.currency, weightGrams: weightOf(cart), subtotal: cart.subtotal });
  const tax = taxFromInputs(tx, facts.tax, { companyId: a.companyId, shipTo: place, currency: cart.currency, lines: taxLines(cart), shipping: quote.amount });
  const total = cart.subtotal + quote.amount + tax.total;

  const now = tx.clock.now();
  const orderId = newId('order', now.getTime());

  let status: OrderStatus = 'placed';
  let creditReserved = 0;
  let creditAvailable: number | null = null;
  const creditWrites: WritePart[] = [];
  if (input.paymentMethod === 'account') {
    // Locked by the facts' read (held to commit); its new exposure and ledger entry go in the order's statement.
    const r = reserveLockedCreditWrites(tx, facts.credit.locked!, { companyId: a.companyId, amount: total, currency: cart.currency, ref: { kind: 'order', id: orderId } });
    creditAvailable = r.available;
    creditWrites.push(...r.writes);
    if (r.ok) creditReserved = total;
    else if (policy.overLimitAction === 'hold') status = 'on_hold';
    else throw new AppError('CREDIT_LIMIT_EXCEEDED', `The order total is over your available credit`, 'paymentMethod', { available: r.available, total, currency: cart.currency });
  }

  // Stock last of the checks, from the rows the facts' read locked (a shortage refuses before anything is written).
  const allocations = allocateOrderStock(lines, facts.stock);

  // Everything the order writes goes in ONE statement (one round trip, not a dozen): the order with
  // its number, lines and events, its outbox events, the cart closed, the credit taken and the stock
  // held. The VAT id and the company's locale are read by that statement; the events carry the
  // buyer's name as of now.
  const requestLocale = ['en', 'ar', 'ur', 'bn'].includes(tx.locale.slice(0, 2)) ? tx.locale.slice(0, 2) : null;
  const companyField = (column: string) => sql`(select ${sql.identifier(column)} from companies where id = ${a.companyId})`;
  const actor = { actorKind: 'buyer' as const, actorId: a.userId, actorName: sql<string>`(select name from company_users where id = ${a.userId})` };
  // Events of one moment sort by id: a sequence in the id's time part keeps them in the order written.
  let seq = 0;
  const ev = (type: string, detail: Record<string, unknown>, toStatus: OrderStatus | null = null) =>
    ({ id: newId('orderEvent', now.getTime() + seq++), orderId, type, fromStatus: null, toStatus, ...actor, detail, at: now });
  const cartClose = cartOrderedWrites(tx, cart.cart.id, orderId, [{ type: 'checkout_step', data: submitted }]);
  let order: repo.WrittenOrder | null = null;
  const written = await writeTogether<{ closed: number }>(
    tx.db,
    [
      ...repo.orderWrites(
        {
          id: orderId, companyId: a.companyId, placedBy: a.userId, cartId: cart.cart.id, status, currency: cart.currency,
          subtotal: cart.subtotal, shippingTotal: quote.amount, taxTotal: tax.total, total,
          paymentMethod: input.paymentMethod, paymentTerms: input.paymentMethod === 'account' ? (policy.paymentTerms?.code ?? null) : null,
          poNumber, requestedDeliveryDate: input.requestedDeliveryDate ?? null, notes: input.notes?.trim() || null, shipTo,
          shippingMethodId: quote.id, shippingMethodName: quote.name, taxExempt: tax.exempt, vatId: companyField('tax_id'),
          locale: requestLocale ?? sql`coalesce(${companyField('locale')}, 'en')`,
          placedAt: now, createdAt: now, updatedAt: now,
        },
        cart.lines.map((l, i) => {
          const t = tax.lines.get(String(i + 1));
          return {
            orderId, lineNo: i + 1, variantId: l.variantId, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal,
            taxClass: l.taxClass, taxRateBp: t?.rateBp ?? 0, taxAmount: t?.amount ?? 0, priceSource: l.priceSource, weightGrams: l.weightGrams,
          };
        }),
        [
          ev('placed', { cartId: cart.cart.id, total, currency: cart.currency, ...(status === 'on_hold' ? { reason: 'Over the credit limit', creditAvailable } : {}) }, status),
          ...(creditReserved ? [ev('credit.reserved', { amount: creditReserved })] : []),
        ],
        (w) => (order = w),
      ),
      [
        'order_outbox',
        outboxInsertSql(
          tx,
          orderCreatedEvents(
            { orderId, companyId: a.companyId, number: '', from: null, to: status, reason: status === 'on_hold' ? 'Over the credit limit' : null },
            status !== 'placed' ? null : {
              orderId, companyId: a.companyId, number: '', placedBy: a.userId, placedAt: now, currency: cart.currency, total,
              lines: cart.lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, amount: l.lineTotal })),
            },
            repo.ORDER_NUMBER,
          ),
        ),
      ],
      ...cartClose.parts,
      ...creditWrites,
      ...stockWrites(orderId, lines, allocations),
    ],
    sql`select ${cartClose.closed} as closed`,
  );
  // The cart was ordered by someone else since it was loaded: nothing of this order stays.
  if (written.closed !== 1) throw cartNotOpen();

  if (input.paymentMethod === 'card') {
    const payment = await chargeCard(tx, { amount: total, currency: cart.currency, card: input.card!, ref: { kind: 'order', id: orderId }, companyId: a.companyId, field: 'card' });
    charged.payment = payment;
    await repo.setPayment(tx.db, orderId, payment.id);
    await repo.insertOrderEvents(tx.db, [ev('payment.captured', { paymentId: payment.id, amount: total })]);
    // The payment changed the order after its write statement: the answer reads it back.
    order = null;
  }
  if (deps.failpoint) await deps.failpoint('after-order-written', tx);
  return { orderId, written: order };
}
