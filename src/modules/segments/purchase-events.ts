/**
 * The purchase events segments consume, exactly as the orders, quotes and invoices modules must emit
 * them through the transactional outbox (`outbox_events`: type, aggregate_id, payload). This file is
 * the contract: the payload schemas below are checked on delivery, and a payload that does not match
 * fails the handler (retried, then set aside with the error), so a drift shows up at once.
 *
 * | type              | aggregate_id | payload                                                           |
 * |-------------------|--------------|-------------------------------------------------------------------|
 * | `order.placed`    | order id     | companyId, orderNumber, placedAt, currency, total, lines[]        |
 * | `order.cancelled` | order id     | companyId, cancelledAt                                            |
 * | `invoice.overdue` | invoice id   | companyId, currency, amountDue, dueAt                             |
 * | `invoice.paid`    | invoice id   | companyId, paidAt                                                 |
 * | `quote.opened`    | quote id     | companyId, openedAt                                               |
 * | `quote.closed`    | quote id     | companyId, closedAt, outcome                                      |
 *
 * Amounts are integer minor units of `currency`; times are ISO 8601 instants in UTC. `order.placed`
 * is emitted when an order reaches "placed" (after approval or a credit hold is released), once per
 * order; lines carry the variant (its category and brand are read from the catalog) and the net line
 * amount (after discounts, before tax and shipping). `total` is the sum of the lines; spend is
 * computed from the lines, so a `total` that includes tax or shipping does not inflate it. Every handler is idempotent: orders are keyed by id (source `precis`), quotes and invoices
 * by id, and the metrics are rebuilt from those records, so a re-delivered event changes nothing.
 */
import { eq } from 'drizzle-orm';
import { appendOutbox } from '../../jobs/outbox.ts';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Ctx } from '../../http/context.ts';
import { refreshCompanies } from './metrics.service.ts';
import { recordOrders } from './order-history.service.ts';
import { existingCompanies, setOrderStatus } from './order-history.repo.ts';
import { purchaseOpenQuotes, purchaseOverdueInvoices } from './purchase-history.tables.ts';

/** The source under which orders placed in Precis are recorded (their external reference is the order id). */
export const PRECIS_ORDER_SOURCE = 'precis';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const Minor = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const PurchaseEventPayloads = {
  'order.placed': Type.Object({
    companyId: Id,
    orderNumber: Type.String({ minLength: 1, maxLength: 100 }),
    placedAt: Instant,
    currency: Currency,
    /** Net order value (sum of the lines), minor units. */
    total: Minor,
    lines: Type.Array(Type.Object({ variantId: Type.Union([Id, Type.Null()]), sku: Type.String({ minLength: 1, maxLength: 64 }), quantity: Type.Integer({ minimum: 1 }), amount: Minor }), { minItems: 1 }),
  }),
  'order.cancelled': Type.Object({ companyId: Id, cancelledAt: Instant }),
  'invoice.overdue': Type.Object({ companyId: Id, currency: Currency, amountDue: Minor, dueAt: Instant }),
  'invoice.paid': Type.Object({ companyId: Id, paidAt: Instant }),
  'quote.opened': Type.Object({ companyId: Id, openedAt: Instant }),
  'quote.closed': Type.Object({ companyId: Id, closedAt: Instant, outcome: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('expired'), Type.Literal('withdrawn')]) }),
} as const;

type Payloads = typeof PurchaseEventPayloads;
export type PurchaseEventType = keyof Payloads;
export const PURCHASE_EVENT_TYPES = Object.keys(PurchaseEventPayloads) as PurchaseEventType[];

/** One purchase event as it goes into the outbox. */
export type PurchaseEvent = { [K in PurchaseEventType]: { type: K; aggregateId: string; payload: Static<Payloads[K]> } }[PurchaseEventType];

/**
 * Appends a purchase event to the outbox on ctx's transaction: what the orders, quotes and invoices
 * modules call in the same transaction as the change (tests and imports use it too).
 */
export async function emitPurchaseEvent(ctx: Ctx, event: PurchaseEvent): Promise<void> {
  await appendOutbox(ctx, [event]);
}

interface DeliveredEvent {
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
}

/** The payload, checked against the contract; a mismatch throws (the dispatcher retries, then sets it aside). */
function payloadOf<K extends PurchaseEventType>(type: K, e: DeliveredEvent): Static<Payloads[K]> {
  const schema = PurchaseEventPayloads[type];
  if (!Value.Check(schema, e.payload)) {
    const [first] = Value.Errors(schema, e.payload);
    throw new Error(`${type} ${e.aggregateId}: payload does not match the contract in segments/purchase-events.ts (${first?.instancePath || '/'} ${first?.message ?? ''})`);
  }
  return e.payload as Static<Payloads[K]>;
}

async function onOrderPlaced(ctx: Ctx, e: DeliveredEvent): Promise<void> {
  const p = payloadOf('order.placed', e);
  const recorded = await recordOrders(
    ctx,
    [{ source: PRECIS_ORDER_SOURCE, externalRef: e.aggregateId, companyId: p.companyId, orderedAt: new Date(p.placedAt), currency: p.currency, status: 'placed', lines: p.lines.map((l) => ({ ...l, variantId: l.variantId ?? undefined })) }],
    { unknownSku: 'keep' },
  );
  // The company was deleted since: there is nobody left to measure.
  if (recorded.problems.length) return;
  await refreshCompanies(ctx, recorded.touched);
}

async function onOrderCancelled(ctx: Ctx, e: DeliveredEvent): Promise<void> {
  const p = payloadOf('order.cancelled', e);
  const companyId = await setOrderStatus(ctx.db, PRECIS_ORDER_SOURCE, e.aggregateId, 'cancelled', new Date(p.cancelledAt));
  await refreshCompanies(ctx, [companyId ?? p.companyId]);
}

/** False for a company deleted since the event was written: there is nothing left to measure. */
async function companyExists(ctx: Ctx, id: string): Promise<boolean> {
  return (await existingCompanies(ctx.db, [id])).has(id);
}

async function onInvoiceOverdue(ctx: Ctx, e: DeliveredEvent): Promise<void> {
  const p = payloadOf('invoice.overdue', e);
  if (!(await companyExists(ctx, p.companyId))) return;
  await ctx.db
    .insert(purchaseOverdueInvoices)
    .values({ invoiceId: e.aggregateId, companyId: p.companyId, currency: p.currency, amount: p.amountDue, dueAt: new Date(p.dueAt) })
    .onConflictDoUpdate({ target: purchaseOverdueInvoices.invoiceId, set: { currency: p.currency, amount: p.amountDue, dueAt: new Date(p.dueAt) } });
  await refreshCompanies(ctx, [p.companyId]);
}

async function onInvoicePaid(ctx: Ctx, e: DeliveredEvent): Promise<void> {
  const p = payloadOf('invoice.paid', e);
  await ctx.db.delete(purchaseOverdueInvoices).where(eq(purchaseOverdueInvoices.invoiceId, e.aggregateId));
  await refreshCompanies(ctx, [p.companyId]);
}

async function onQuoteOpened(ctx: Ctx, e: DeliveredEvent): Promise<void> {
  const p = payloadOf('quote.opened', e);
  if (!(await companyExists(ctx, p.companyId))) return;
  await ctx.db.insert(purchaseOpenQuotes).values({ quoteId: e.aggregateId, companyId: p.companyId, openedAt: new Date(p.openedAt) }).onConflictDoNothing();
  await refreshCompanies(ctx, [p.companyId]);
}

async function onQuoteClosed(ctx: Ctx, e: DeliveredEvent): Promise<void> {
  const p = payloadOf('quote.closed', e);
  await ctx.db.delete(purchaseOpenQuotes).where(eq(purchaseOpenQuotes.quoteId, e.aggregateId));
  await refreshCompanies(ctx, [p.companyId]);
}

/**
 * Outbox consumers that keep purchase metrics, and through them group membership, current: each
 * records the change, recomputes that company's metrics and re-evaluates its groups (joins and
 * leaves logged with the reason), in the transaction that marks the event dispatched.
 */
export const purchaseEventHandlers = {
  'order.placed': [onOrderPlaced],
  'order.cancelled': [onOrderCancelled],
  'invoice.overdue': [onInvoiceOverdue],
  'invoice.paid': [onInvoicePaid],
  'quote.opened': [onQuoteOpened],
  'quote.closed': [onQuoteClosed],
} as const satisfies Record<PurchaseEventType, readonly ((ctx: Ctx, e: DeliveredEvent) => Promise<void>)[]>;
