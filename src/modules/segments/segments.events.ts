import type { Ctx } from '../../http/context.ts';
import type { OutboxBatchConsumer, OutboxEvent } from '../../jobs/outbox.ts';
import { descendantIds } from '../accounts/index.ts';
import { readCompanies, refreshThenReevaluate } from './metrics.service.ts';
import { checkPurchaseEvent, isPurchaseEventType, recordPurchaseEvents, type CheckedPurchaseEvent, type PurchaseEventType } from './purchase-events.ts';

/** Company events re-evaluate the company (a move: the whole moved subtree); no metrics change. */
const COMPANY_EVENT_TYPES = ['company.created', 'company.updated', 'company.moved'] as const;

type SegmentEvent = CheckedPurchaseEvent | { type: (typeof COMPANY_EVENT_TYPES)[number]; aggregateId: string };

/** The company an event is about. */
const companyOf = (e: SegmentEvent): string => ('payload' in e ? e.payload.companyId : e.aggregateId);

/**
 * What an event is about — its company, and for purchase events the invoice, quote or order — which
 * decides which events may be handled together: two events about one thing never share a round.
 */
function keysOf(e: SegmentEvent): string[] {
  const company = `company:${companyOf(e)}`;
  return 'payload' in e ? [company, `${e.type.slice(0, e.type.indexOf('.'))}:${e.aggregateId}`] : [company];
}

/** Thrown when a round cannot be handled together; the dispatcher then hands the events over one by one. */
class NotIndependent extends Error {}

/**
 * Handles one round: events about different companies and aggregates (or one move alone). Their
 * changes are recorded in order, then the metrics of the companies they touched are recomputed and
 * every group is re-evaluated for those companies in one pass. Companies do not affect each other's
 * metrics or membership, so this has exactly the outcome of handling the events one by one: the
 * same metrics, the same joins and leaves with the same reasons, logged company by company in event
 * order. An event that changed another company's rows (an invoice recorded under one company, paid
 * under another) breaks that independence: the round throws, and the dispatcher's one-at-a-time
 * fallback handles the claim exactly as before.
 */
async function handleRound(ctx: Ctx, round: readonly SegmentEvent[]): Promise<void> {
  const purchases = round.filter((e): e is CheckedPurchaseEvent => 'payload' in e);
  // The round's companies, read once: whether they exist, and their rows and stored metrics for the
  // refresh and re-evaluation (writing purchase history changes neither). The read also takes the
  // membership lock the re-evaluation needs, so that it costs no statement of its own; held a few
  // milliseconds longer (from here to the commit), it only ever waits for other membership writers.
  const known = await readCompanies(ctx, round.map(companyOf), { lockMembership: true });
  const recorded = purchases.length ? await recordPurchaseEvents(ctx, purchases, new Set(known.ids)) : [];
  if (round.length > 1 && recorded.some((r) => r.foreign)) throw new NotIndependent('purchase events that change another company\'s records are handled one at a time');
  const companies: { id: string; metrics: boolean }[] = [];
  const add = (id: string, metrics: boolean) => {
    if (!companies.some((c) => c.id === id)) companies.push({ id, metrics });
  };
  let p = 0;
  for (const e of round) {
    if ('payload' in e) {
      for (const id of recorded[p++]!.companies) add(id, true);
    } else if (e.type === 'company.moved') {
      // A move changes the hierarchy facts (`descendant_of`, `depth`) of every company under the moved one.
      for (const id of [e.aggregateId, ...(await descendantIds(ctx, e.aggregateId))]) add(id, false);
    } else add(e.aggregateId, false);
  }
  await refreshThenReevaluate(ctx, companies, known);
}

/**
 * Keeps purchase metrics and materialised membership current as companies change and buy: the
 * outbox dispatcher hands this consumer all its events of one claim (company events, and the
 * purchase events of purchase-events.ts), in creation order, in the transaction that marks them
 * handled. They are handled in rounds of events about different companies and aggregates — an event
 * about a company or an order, invoice or quote already in the round, or a move (it touches a whole
 * subtree), starts a new round — so ten orders of ten companies cost one read of the companies, one
 * catalog read, one insert of orders and one of lines, one metrics query and one re-evaluation, with
 * the result of handling them one at a time. A payload that breaks the contract throws before
 * anything is written (the dispatcher then retries the events one by one, and only the bad one fails).
 */
async function handleSegmentEvents(ctx: Ctx, events: readonly OutboxEvent[]): Promise<void> {
  const checked: SegmentEvent[] = events.map((e) => {
    if (isPurchaseEventType(e.type)) return checkPurchaseEvent({ ...e, type: e.type });
    const type = COMPANY_EVENT_TYPES.find((t) => t === e.type);
    if (!type) throw new Error(`segments does not consume ${e.type}`);
    return { type, aggregateId: e.aggregateId };
  });
  let round: SegmentEvent[] = [];
  const inRound = new Set<string>();
  const flush = async () => {
    if (round.length) await handleRound(ctx, round);
    round = [];
    inRound.clear();
  };
  for (const e of checked) {
    const alone = e.type === 'company.moved';
    const keys = keysOf(e);
    if (alone || keys.some((k) => inRound.has(k))) await flush();
    round.push(e);
    for (const k of keys) inRound.add(k);
    if (alone) await flush();
  }
  await flush();
}

/**
 * The segments module's outbox consumer: a batch consumer for all the events it takes. It can also
 * be called with one event (as tools and benchmarks do); the dispatcher uses `batch`.
 */
export const segmentsConsumer: OutboxBatchConsumer & ((ctx: Ctx, event: OutboxEvent) => Promise<void>) = Object.assign(
  (ctx: Ctx, event: OutboxEvent) => handleSegmentEvents(ctx, [event]),
  { batch: handleSegmentEvents },
);

/** Event type → consumers, as src/jobs/handlers.ts gathers them; one object, so one batch per claim. */
const only = [segmentsConsumer] as const;
export const segmentsEventHandlers = {
  'company.created': only,
  'company.updated': only,
  'company.moved': only,
  'order.placed': only,
  'order.cancelled': only,
  'invoice.overdue': only,
  'invoice.paid': only,
  'quote.opened': only,
  'quote.closed': only,
} as const satisfies Record<(typeof COMPANY_EVENT_TYPES)[number] | PurchaseEventType, readonly OutboxBatchConsumer[]>;
