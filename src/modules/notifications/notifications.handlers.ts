import type { Ctx } from '../../http/context.ts';
import type { Mailer } from '../../lib/mailer.ts';
import { RETURN_EMAIL_STATUSES, type ReturnEmailStatus } from './domain/catalog.ts';
import { renderEmail, type EmailData, type EmailLine } from './domain/render.ts';
import { carrierTrackingUrl } from './domain/tracking-url.ts';
import { claimSend, companyRecipients, companyUserRecipient, type Recipient } from './notifications.repo.ts';
import { orderFacts, shipmentFacts } from './sources.ts';

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

/**
 * Sends one email per recipient, each in the recipient's language and time zone. The sent log row
 * is written first, in the dispatcher's transaction: a redelivered event finds it and skips the
 * person; a failed send throws, which rolls the row back so the retry mails again.
 */
async function deliver(ctx: Ctx, deps: NotificationDeps, event: Event, companyId: string, recipients: Recipient[], build: (r: Recipient) => EmailData): Promise<void> {
  const seen = new Set<string>();
  for (const r of recipients) {
    const to = r.email.toLowerCase();
    if (seen.has(to)) continue;
    seen.add(to);
    const data = build(r);
    const mail = renderEmail(data, r.locale, { timeZone: r.timeZone });
    if (!(await claimSend(ctx.db, { eventId: event.id, recipient: to, kind: data.kind, locale: mail.locale, subject: mail.subject, companyId }))) continue;
    await deps.mailer.send({ to: r.email, subject: mail.subject, text: mail.text, html: mail.html });
    ctx.log.info({ eventId: event.id, kind: data.kind, userId: r.userId }, 'notification sent');
  }
}

const link = (deps: NotificationDeps, path: string) => `${deps.publicUrl.replace(/\/$/, '')}${path}`;

function orderPlaced(deps: NotificationDeps): Handler {
  return async (ctx, event) => {
    const p = event.payload;
    const orderId = str(p.orderId) ?? event.aggregateId;
    const order = await orderFacts(ctx, orderId);
    const companyId = str(p.companyId) ?? order?.companyId;
    const placedBy = str(p.placedBy) ?? order?.placedBy;
    if (!companyId || !placedBy) return; // placed by staff for nobody in particular: no buyer to tell
    const who = await companyUserRecipient(ctx.db, companyId, placedBy);
    if (!who) return;
    const currency = str(p.currency) ?? order?.currency ?? 'USD';
    await deliver(ctx, deps, event, companyId, [who], (r) => ({
      kind: 'order_confirmation',
      recipientName: r.name,
      orderNumber: str(p.number) ?? str(p.orderNumber) ?? order?.number ?? orderId,
      // The order's own total (with tax and shipping) when readable; the payload's is net of them.
      total: { amount: order?.total ?? num(p.total) ?? 0, currency },
      placedAt: order?.placedAt ?? ctx.clock.now(),
      poNumber: order?.poNumber ?? null,
      lines: order?.lines ?? [],
      orderUrl: link(deps, `/account/orders/${encodeURIComponent(orderId)}`),
    }));
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
export function notificationsEventHandlers(deps: NotificationDeps): Readonly<Record<string, readonly Handler[]>> {
  return {
    'order.placed': [orderPlaced(deps)],
    'shipment.shipped': [shipmentShipped(deps)],
    'invoice.issued': [invoice(deps, 'invoice_issued')],
    'invoice.overdue': [invoice(deps, 'invoice_overdue')],
    'return.status_changed': [returnStatusChanged(deps)],
  };
}
