import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { getCompanyRecord, listLocations } from '../accounts/index.ts';
import { dueDate, isPaymentTermsCode } from '../credit/index.ts';
import { getOrder, getShipment } from '../orders/index.ts';
import { getPayment } from '../payments/index.ts';
import { draftInvoice } from './domain/invoice-lines.ts';
import type { InvoiceStatus } from './domain/settlement.ts';
import { emitInvoiceIssued } from './invoicing.events.ts';
import { readableCompanies, sellerSnapshot, systemReader } from './invoicing.context.ts';
import * as repo from './invoicing.repo.ts';
import type { PartySnapshot } from './invoicing.tables.ts';
import { toInvoiceDetail, toInvoiceView, type InvoiceDetail, type InvoiceView } from './invoicing.views.ts';
import { settle } from './settle.ts';

export interface IssueInvoiceInput {
  readonly orderId: string;
  /** The shipment this invoice bills (one invoice per shipment); its quantities are invoiced. */
  readonly shipmentId?: string | undefined;
  /** Explicit quantities per order line (staff); absent = everything not invoiced yet (or the shipment's). */
  readonly lines?: readonly { readonly orderLineNo: number; readonly quantity: number }[] | undefined;
}

/** The buyer as printed: legal name, VAT id (the order's, else the company's) and the bill-to address. */
async function buyerSnapshot(ctx: Ctx, order: { companyId: string; vatId: string | null; shipTo: { name: string; line1: string; line2: string | null; city: string; region: string | null; postalCode: string | null; country: string } }): Promise<PartySnapshot> {
  const company = await getCompanyRecord(ctx, order.companyId);
  const locations = (await listLocations(ctx, order.companyId, { limit: 200 })).items;
  const billTo = locations.find((l) => l.isBillTo && l.isDefault) ?? locations.find((l) => l.isBillTo) ?? order.shipTo;
  const cityLine = [billTo.postalCode, billTo.city, billTo.region].filter(Boolean).join(' ');
  return {
    legalName: company?.legalName ?? order.shipTo.name,
    vatId: order.vatId ?? company?.taxId ?? null,
    address: [billTo.line1, billTo.line2, cityLine, billTo.country].filter((s): s is string => Boolean(s)),
    country: billTo.country,
  };
}

/**
 * Issues an invoice for an order: for a shipment (its quantities), for explicit quantities, or for
 * everything not invoiced yet. Unit prices and tax rates come from the order lines; the first
 * invoice of an order carries its shipping charge; the due date follows the order's payment terms.
 * A card-paid order's invoice is settled from the checkout payment at once. Emits
 * `invoice.issued`. One invoice per shipment: issuing for the same shipment again returns it.
 */
export async function issueInvoice(ctx: Ctx, input: IssueInvoiceInput): Promise<{ invoice: InvoiceDetail; created: boolean }> {
  return inTx(ctx, async (tx) => {
    if (input.shipmentId) {
      const existing = await repo.invoiceOfShipment(tx.db, input.shipmentId);
      if (existing) return { invoice: await detailOf(tx, existing), created: false };
    }
    const reader = systemReader(tx);
    const order = await getOrder(tx.actor.kind === 'staff' ? tx : reader, input.orderId);
    let wanted: Map<number, number>;
    if (input.lines) wanted = new Map(input.lines.map((l) => [l.orderLineNo, l.quantity]));
    else if (input.shipmentId) {
      const shipment = await getShipment(reader, input.shipmentId);
      if (shipment.orderId !== order.id) throw notFound('Shipment', 'shipmentId');
      wanted = new Map();
      for (const l of shipment.lines) wanted.set(l.orderLineNo, (wanted.get(l.orderLineNo) ?? 0) + l.quantity);
    } else wanted = new Map(order.lines.map((l) => [l.lineNo, l.quantity]));
    for (const lineNo of wanted.keys()) if (!order.lines.some((l) => l.lineNo === lineNo)) throw new AppError('VALIDATION_FAILED', `The order has no line ${lineNo}`, 'lines');

    // Serialise invoicing of one order: two shipments of it invoiced at once must not both take the shipping charge.
    await repo.rowsOf(tx.db, repo.lockOrderRow(order.id));
    const { byLine, shippingInvoiced } = await repo.invoicedSoFar(tx.db, order.id);
    const shippingTax = Math.max(0, order.taxTotal - order.lines.reduce((s, l) => s + l.taxAmount, 0));
    const draft = draftInvoice({
      orderLines: order.lines,
      quantities: wanted,
      invoiced: byLine,
      shipping: shippingInvoiced ? null : { amount: order.shippingTotal, tax: shippingTax, label: order.shippingMethodName ?? 'Shipping' },
    });
    if (!draft.lines.length) throw new AppError('NOTHING_TO_INVOICE', `Everything on order ${order.number} in this request is invoiced already`, input.lines ? 'lines' : 'orderId');

    const now = tx.clock.now();
    const terms = order.paymentTerms && isPaymentTermsCode(order.paymentTerms) ? order.paymentTerms : 'due_on_receipt';
    const id = newId('invoice', now.getTime());
    let row = await repo.insertInvoice(
      tx.db,
      {
        id,
        number: await repo.nextInvoiceNumber(tx.db),
        companyId: order.companyId,
        orderId: order.id,
        orderNumber: order.number,
        shipmentId: input.shipmentId ?? null,
        status: 'open',
        currency: order.currency,
        subtotal: draft.subtotal,
        shippingTotal: draft.shippingTotal,
        taxTotal: draft.taxTotal,
        total: draft.total,
        paymentTerms: order.paymentMethod === 'card' ? null : (order.paymentTerms ?? null),
        poNumber: order.poNumber,
        buyer: await buyerSnapshot(tx, order),
        seller: sellerSnapshot(),
        locale: order.locale,
        issuedAt: now,
        dueAt: dueDate(terms, now),
        createdAt: now,
        updatedAt: now,
      },
      draft.lines.map((l, i) => ({ invoiceId: id, lineNo: i + 1, ...l })),
    );
    await emitInvoiceIssued(tx, row);

    // Paid by card at checkout: the checkout payment settles the invoice (as far as it reaches).
    if (order.paymentMethod === 'card' && order.paymentId) {
      const payment = await getPayment(tx, order.paymentId).catch(() => null);
      if (payment) {
        const free = payment.amount.amount - payment.refunded.amount - (await repo.allocatedOf(tx.db, payment.id));
        const take = Math.min(free, row.total);
        if (take > 0) {
          await repo.insertAllocations(tx.db, payment.id, [{ invoiceId: row.id, amount: take }]);
          row = await settle(tx, row, { paid: take });
        }
      }
    }
    return { invoice: await detailOf(tx, row), created: true };
  });
}

/** What the `shipment.shipped` handler runs: the shipment's invoice, unless it exists or nothing is left to invoice. */
export async function invoiceShipment(ctx: Ctx, p: { shipmentId: string; orderId: string }): Promise<InvoiceView | null> {
  try {
    const { invoice } = await issueInvoice(ctx, { orderId: p.orderId, shipmentId: p.shipmentId });
    return invoice;
  } catch (err) {
    // Staff invoiced the order by hand before it shipped: nothing is left for this shipment.
    if (err instanceof AppError && err.code === 'NOTHING_TO_INVOICE') return null;
    throw err;
  }
}

export async function detailOf(ctx: Ctx, row: repo.InvoiceRow): Promise<InvoiceDetail> {
  const [lines, payments, memos] = await Promise.all([repo.linesOf(ctx.db, row.id), repo.paymentsOfInvoice(ctx.db, row.id), repo.creditMemosOfInvoice(ctx.db, row.id)]);
  return toInvoiceDetail(row, lines, payments, memos);
}

/** The invoice row if ctx may see it; another company's invoice is a 404 like a missing one. */
export async function readableInvoice(ctx: Ctx, invoiceId: string): Promise<repo.InvoiceRow> {
  const scope = await readableCompanies(ctx);
  const row = isId('invoice', invoiceId) && (scope === undefined || scope.length) ? await repo.findInvoice(ctx.db, invoiceId, { companyIds: scope }) : undefined;
  if (!row) throw notFound('Invoice', 'id');
  return row;
}

/** One invoice with lines, parties, payments and credit memos (buyers: their company's only). */
export async function getInvoice(ctx: Ctx, invoiceId: string): Promise<InvoiceDetail> {
  return detailOf(ctx, await readableInvoice(ctx, invoiceId));
}

export interface InvoiceListQuery {
  limit?: number | undefined;
  cursor?: string | undefined;
  status?: InvoiceStatus | 'unpaid' | undefined;
  orderId?: string | undefined;
  companyId?: string | undefined;
  q?: string | undefined;
}

/** Invoices newest first, scoped like getInvoice; `status=unpaid` is open + partially paid + overdue. */
export async function listInvoices(ctx: Ctx, q: InvoiceListQuery): Promise<PageResult<InvoiceView>> {
  const limit = q.limit ?? 50;
  const scope = await readableCompanies(ctx);
  if (scope && !scope.length) return { items: [], nextCursor: null };
  const c = decodeCursor(q.cursor);
  const after = c && c.length === 2 ? { issuedAt: String(c[0]), id: String(c[1]) } : undefined;
  const statuses: InvoiceStatus[] | undefined = q.status === 'unpaid' ? ['open', 'partially_paid', 'overdue'] : q.status ? [q.status] : undefined;
  const rows = await repo.listInvoiceRows(ctx.db, { companyIds: scope, companyId: q.companyId, statuses, orderId: q.orderId, q: q.q, after, limit });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(toInvoiceView), nextCursor: rows.length > limit && last ? encodeCursor([last.issuedAt.toISOString(), last.id]) : null };
}
