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
 * computed from the lines, so a `total` that includes tax or shipping does not inflate it. Handling
 * is idempotent: orders are keyed by id (source `precis`), quotes and invoices by id, and the
 * metrics are rebuilt from those records, so a re-delivered event changes nothing.
 */
import { eq } from 'drizzle-orm';
import { appendOutbox } from '../../jobs/outbox.ts';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Ctx } from '../../http/context.ts';
import { newId } from '../../lib/ids.ts';
import { existingCompanies, savePlacedOrders, setOrderStatus, type PlacedOrder } from './order-history.repo.ts';
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

/** A delivered purchase event whose payload was checked against the contract. */
export type CheckedPurchaseEvent = { [K in PurchaseEventType]: { type: K; aggregateId: string; payload: Static<Payloads[K]> } }[PurchaseEventType];

export const isPurchaseEventType = (type: string): type is PurchaseEventType => Object.hasOwn(PurchaseEventPayloads, type);

// Compiled once per type on first use: checking a 50-line order with the interpreting `Value.Check`
// cost about half a millisecond of CPU per order on the outbox path, the compiled check a few µs.
const validators = new Map<PurchaseEventType, ReturnType<typeof Compile>>();
function validator(type: PurchaseEventType): ReturnType<typeof Compile> {
  let v = validators.get(type);
  if (!v) validators.set(type, (v = Compile(PurchaseEventPayloads[type])));
  return v;
}

/** The event with its payload checked against the contract; a mismatch throws (the dispatcher retries, then sets it aside). */
export function checkPurchaseEvent(e: DeliveredEvent & { type: PurchaseEventType }): CheckedPurchaseEvent {
  const check = validator(e.type);
  if (!check.Check(e.payload)) {
    const [first] = check.Errors(e.payload);
    throw new Error(`${e.type} ${e.aggregateId}: payload does not match the contract in segments/purchase-events.ts (${first?.instancePath || '/'} ${first?.message ?? ''})`);
  }
  return { type: e.type, aggregateId: e.aggregateId, payload: e.payload } as CheckedPurchaseEvent;
}

/** What recording one event changed. */
export interface RecordedPurchaseEvent {
  /** The companies whose metrics to recompute, in the order handling the event alone would take them. */
  readonly companies: readonly string[];
  /**
   * The event changed rows of a company other than its own (an invoice, quote or order recorded
   * under another company): its effect is then not independent of other companies' events.
   */
  readonly foreign: boolean;
}

/**
 * Records what purchase events change in the purchase history — orders placed or cancelled, overdue
 * invoices, open quotes — and answers, per event, the companies whose metrics it changed (none for a
 * company deleted since the event was written: there is nobody left to measure). Metrics and
 * membership are not refreshed here. The caller passes events about different companies and
 * aggregates (see segments.events.ts), which commute, so all `order.placed` go in one statement —
 * orders, and their lines with category and brand read from the catalog in it — and whether the companies exist
 * is read once (or given: `existing` must hold every event's company that exists). Idempotent: orders are keyed by id (source `precis`), quotes and invoices by id, so
 * a re-delivered event changes nothing.
 */
export async function recordPurchaseEvents(ctx: Ctx, events: readonly CheckedPurchaseEvent[], existing?: ReadonlySet<string>): Promise<RecordedPurchaseEvent[]> {
  const exists = existing ?? (await existingCompanies(ctx.db, events.map((e) => e.payload.companyId)));
  const placed = events.flatMap((e) => (e.type === 'order.placed' && exists.has(e.payload.companyId) ? [e] : []));
  const movedFrom = new Map<string, string>();
  if (placed.length) {
    // One statement: the orders' upsert and the new ones' lines, with category and brand looked up
    // in the catalog inside it. A round never holds one order twice; should a call do so, the later wins.
    const byRef = new Map<string, PlacedOrder>();
    for (const { aggregateId, payload: p } of placed) {
      const orderedAt = new Date(p.placedAt);
      byRef.delete(aggregateId);
      byRef.set(aggregateId, {
        id: newId('purchaseOrder', orderedAt.getTime()),
        externalRef: aggregateId,
        companyId: p.companyId,
        orderedAt,
        currency: p.currency,
        total: p.lines.reduce((s, l) => s + l.amount, 0),
        status: 'placed',
        lines: p.lines,
      });
    }
    const saved = await savePlacedOrders(ctx.db, PRECIS_ORDER_SOURCE, [...byRef.values()], ctx.clock.now());
    for (const [ref, o] of byRef) {
      const prior = saved.get(ref)?.priorCompanyId ?? null;
      if (prior !== null && prior !== o.companyId) movedFrom.set(ref, prior);
    }
  }
  const out: RecordedPurchaseEvent[] = [];
  for (const e of events) {
    const own = e.payload.companyId;
    const known = exists.has(own);
    // The company whose row the event changed, when it is not the event's own company.
    const other = (owner: string | null | undefined) => owner !== null && owner !== undefined && owner !== own;
    switch (e.type) {
      case 'order.placed': {
        const from = movedFrom.get(e.aggregateId);
        out.push({ companies: !known ? [] : from ? [from, own].sort() : [own], foreign: from !== undefined });
        break;
      }
      case 'order.cancelled': {
        const owner = await setOrderStatus(ctx.db, PRECIS_ORDER_SOURCE, e.aggregateId, 'cancelled', new Date(e.payload.cancelledAt));
        out.push({ companies: [owner ?? own], foreign: other(owner) });
        break;
      }
      case 'invoice.overdue': {
        const p = e.payload;
        if (!known) {
          out.push({ companies: [], foreign: false });
          break;
        }
        const [row] = await ctx.db
          .insert(purchaseOverdueInvoices)
          .values({ invoiceId: e.aggregateId, companyId: p.companyId, currency: p.currency, amount: p.amountDue, dueAt: new Date(p.dueAt) })
          .onConflictDoUpdate({ target: purchaseOverdueInvoices.invoiceId, set: { currency: p.currency, amount: p.amountDue, dueAt: new Date(p.dueAt) } })
          .returning({ companyId: purchaseOverdueInvoices.companyId });
        out.push({ companies: [own], foreign: other(row?.companyId) });
        break;
      }
      case 'invoice.paid': {
        const [row] = await ctx.db.delete(purchaseOverdueInvoices).where(eq(purchaseOverdueInvoices.invoiceId, e.aggregateId)).returning({ companyId: purchaseOverdueInvoices.companyId });
        out.push({ companies: [own], foreign: other(row?.companyId) });
        break;
      }
      case 'quote.opened':
        // An id already recorded (for whichever company) is left as it is: nothing changes.
        if (known) await ctx.db.insert(purchaseOpenQuotes).values({ quoteId: e.aggregateId, companyId: own, openedAt: new Date(e.payload.openedAt) }).onConflictDoNothing();
        out.push({ companies: known ? [own] : [], foreign: false });
        break;
      case 'quote.closed': {
        const [row] = await ctx.db.delete(purchaseOpenQuotes).where(eq(purchaseOpenQuotes.quoteId, e.aggregateId)).returning({ companyId: purchaseOpenQuotes.companyId });
        out.push({ companies: [own], foreign: other(row?.companyId) });
        break;
      }
    }
  }
  return out;
}
