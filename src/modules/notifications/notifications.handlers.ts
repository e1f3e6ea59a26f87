import type { Ctx } from '../../http/context.ts';
import type { OutboxBatchConsumer, OutboxHandlers } from '../../jobs/outbox.ts';
import type { Mailer } from '../../lib/mailer.ts';
import { RETURN_EMAIL_STATUSES, type ReturnEmailStatus } from './domain/catalog.ts';
import { renderEmail, type EmailData, type EmailLine } from './domain/render.ts';
import { carrierTrackingUrl } from './domain/tracking-url.ts';
import { claimSends, companyRecipients, companyUserRecipient, unclaimSends, type Recipient } from './notifications.repo.ts';
import { confirmationFacts, orderFacts, shipmentFacts } from './sources.ts';

/** What sending needs from the application: the mail transport and the storefront's public address. */
export interface NotificationDeps {
  readonly mailer: Mailer;
  /** Links in emails start here (config PUBLIC_URL). */
  readonly publicUrl: string;
}

interface Event {
  readonly id: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
}

type Handler = (ctx: Ctx, event: Event) => Promise<void>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** Invoices concern whoever buys for or runs the account. */
const INVOICE_ROLES = ['admin', 'buyer'] as const;

/** One event's emails: who gets them and what each says. */
interface Delivery {
  readonly event: Event;
  readonly companyId: string;
  readonly recipients: readonly Recipient[];
  readonly build: (r: Recipient) => EmailData;
}

/**
 * Sends one email per recipient of each delivery, each in the recipient's language and time zone.
 * Every mail is claimed in the sent log first, in one insert in the dispatcher's transaction: a
 * redelivered event finds its rows and skips those people. A failed send gives back the claims of
 * its event's unsent mails and fails that event alone (answered by event id; the caller retries it),
 * while the other events' mails go out.
 */
async function deliverAll(ctx: Ctx, deps: NotificationDeps, deliveries: readonly Delivery[]): Promise<Map<string, unknown>> {
  const mails = deliveries.flatMap((d) => {
    const seen = new Set<string>();
    return d.recipients.flatMap((r) => {
      const to = r.email.toLowerCase();
      if (seen.has(to)) return [];
      seen.add(to);
      const data = d.build(r);
      return [{ d, r, to, data, mail: renderEmail(data, r.locale, { timeZone: r.timeZone }) }];
    });
  });
  const claimed = await claimSends(ctx.db, mails.map((m) => ({ eventId: m.d.event.id, recipient: m.to, kind: m.data.kind, locale: m.mail.locale, subject: m.mail.subject, companyId: m.d.companyId })));
  const failed = new Map<string, unknown>();
  const unsent = new Map<string, string[]>();
  for (const m of mails) {
    const id = m.d.event.id;
    if (!claimed.has(`${id} ${m.to}`)) continue;
    if (failed.has(id)) {
      unsent.get(id)!.push(m.to);
      continue;
    }
    try {
      await deps.mailer.send({ to: m.r.email, subject: m.mail.subject, text: m.mail.text, html: m.mail.html });
      ctx.log.info({ eventId: id, kind: m.data.kind, userId: m.r.userId }, 'notification sent');
    } catch (err) {
      failed.set(id, err);
      unsent.set(id, [m.to]);
    }
  }
  for (const [id, recipients] of unsent) await unclaimSends(ctx.db, id, recipients);
  return failed;
}

/** One event's emails; a failed send throws (the dispatcher's savepoint rolls its claims back, the retry mails again). */
async function deliver(ctx: Ctx, deps: NotificationDeps, event: Event, companyId: string, recipients: Recipient[], build: (r: Recipient) => EmailData): Promise<void> {
  const failed = await deliverAll(ctx, deps, [{ event, companyId, recipients, build }]);
  if (failed.has(event.id)) throw failed.get(event.id);
}

const link = (deps: NotificationDeps, path: string) => `${deps.publicUrl.replace(/\/$/, '')}${path}`;

/**
 * Order confirmations as a batch consumer: the orders of a claim and their buyers are read in one
 * query, and their mails claimed in one insert; a failed send fails only its own order's
 * event (retried later), the others' confirmations are sent once.
 */
function orderPlaced(deps: NotificationDeps): OutboxBatchConsumer {
  return {
    async batch(ctx, events) {
      const orderIds = events.map((e) => str(e.payload.orderId) ?? e.aggregateId);
      // The orders, and their buyers as recipients, in one query. Placed by staff for nobody in
      // particular: no buyer to tell.
      const facts = await confirmationFacts(ctx, events.map((e, i) => ({ orderId: orderIds[i]!, companyId: str(e.payload.companyId), placedBy: str(e.payload.placedBy) })));
      const wanted = events.map((event, i) => ({ event, p: event.payload, orderId: orderIds[i]!, ...facts[i]! }));
      const deliveries: Delivery[] = wanted.flatMap(({ event, p, order, orderId, companyId, buyer: who }) => {
        if (!companyId || !who) return [];
        const currency = str(p.currency) ?? order?.currency ?? 'USD';
        return [{
          event,
          companyId,
          recipients: [who],
          build: (r: Recipient): EmailData => ({
            kind: 'order_confirmation',
            recipientName: r.name,
            orderNumber: str(p.number) ?? str(p.orderNumber) ?? order?.number ?? orderId,
            // The order's own total (with tax and shipping) when readable; the payload's is net of them.
            total: { amount: order?.total ?? num(p.total) ?? 0, currency },
            placedAt: order?.placedAt ?? ctx.clock.now(),
            poNumber: order?.poNumber ?? null,
            lines: order?.lines ?? [],
            orderUrl: link(deps, `/account/orders/${encodeURIComponent(orderId)}`),
          }),
        }];
      });
      return { failed: await deliverAll(ctx, deps, deliveries) };
    },
  };
}

function shipmentShipped(deps: NotificationDeps): Handler {
  return async (ctx, event) => {
    const p = event.payload;
    const shipment = await shipmentFacts(ctx, str(p.shipmentId) ?? event.aggregateId);
    const orderId = str(p.orderId) ?? shipment?.orderId;
    if (!shipment || !orderId) return;
    const order = await orderFacts(ctx, orderId);
    if (!order?.placedBy) return;
    const who = await companyUserRecipient(ctx.db, order.companyId, order.placedBy);
    if (!who) return;
    await deliver(ctx, deps, event, order.companyId, [who], (r) => ({
      kind: 'shipment_sent',
      recipientName: r.name,
      orderNumber: order.number,
      shipmentNumber: shipment.number,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl ?? carrierTrackingUrl(shipment.carrier, shipment.trackingNumber),
      lines: shipment.lines,
      orderUrl: link(deps, `/account/orders/${encodeURIComponent(order.id)}`),
    }));
  };
}

function invoice(deps: NotificationDeps, kind: 'invoice_issued' | 'invoice_overdue'): Handler {
  return async (ctx, event) => {
    const p = event.payload;
    const companyId = str(p.companyId);
    const invoiceId = str(p.invoiceId) ?? event.aggregateId;
    // `amountDue` is the purchase-event contract's name (segments) for what is still owed.
    const amount = num(p.amountDue) ?? num(p.amount);
    const currency = str(p.currency);
    const dueAt = str(p.dueAt);
    if (!companyId || amount === null || !currency || !dueAt) {
      ctx.log.warn({ eventId: event.id, kind }, 'invoice event without the fields an email needs; skipped');
      return;
    }
    const recipients = await companyRecipients(ctx.db, companyId, INVOICE_ROLES);
    await deliver(ctx, deps, event, companyId, recipients, (r) => ({
      kind,
      recipientName: r.name,
      invoiceNumber: str(p.number) ?? invoiceId,
      amount: { amount, currency },
      dueAt: new Date(dueAt),
      invoiceUrl: link(deps, `/account/invoices/${encodeURIComponent(invoiceId)}`),
    }));
  };
}

function returnStatusChanged(deps: NotificationDeps): Handler {
  return async (ctx, event) => {
    const p = event.payload;
    const companyId = str(p.companyId);
    const to = str(p.to);
    const requestedBy = str(p.requestedBy);
    if (!companyId || !to || !requestedBy || !(RETURN_EMAIL_STATUSES as readonly string[]).includes(to)) return;
    const who = await companyUserRecipient(ctx.db, companyId, requestedBy);
    if (!who) return;
    const returnId = str(p.returnId) ?? event.aggregateId;
    const amount = num(p.amount);
    const currency = str(p.currency);
    const lines = Array.isArray(p.lines) ? (p.lines as EmailLine[]).filter((l) => typeof l?.sku === 'string' && typeof l.quantity === 'number') : [];
    await deliver(ctx, deps, event, companyId, [who], (r) => ({
      kind: 'return_status',
      recipientName: r.name,
      returnNumber: str(p.number) ?? returnId,
      orderNumber: str(p.orderNumber) ?? '',
      status: to as ReturnEmailStatus,
      amount: amount !== null && currency ? { amount, currency } : null,
      reason: str(p.reason),
      lines: lines.map((l) => ({ sku: l.sku, name: String(l.name ?? ''), quantity: l.quantity })),
      returnUrl: link(deps, `/account/returns/${encodeURIComponent(returnId)}`),
    }));
  };
}

/**
 * The transactional emails, as outbox consumers: order confirmation, shipment sent, invoice issued
 * and overdue, return status. Register them after every other module's handlers, so a failing
 * consumer of the same event rolls back before anyone is mailed.
 */
export function notificationsEventHandlers(deps: NotificationDeps): OutboxHandlers {
  return {
    'order.placed': [orderPlaced(deps)],
    'shipment.shipped': [shipmentShipped(deps)],
    'invoice.issued': [invoice(deps, 'invoice_issued')],
    'invoice.overdue': [invoice(deps, 'invoice_overdue')],
    'return.status_changed': [returnStatusChanged(deps)],
  };
}
