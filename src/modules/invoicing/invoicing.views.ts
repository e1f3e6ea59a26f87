import type { Money } from '../../lib/money.ts';
import { balanceDue, type InvoiceStatus } from './domain/settlement.ts';
import type { CreditMemoRow, InvoiceLineRow, InvoicePaymentRow, InvoiceRow } from './invoicing.repo.ts';
import type { CreditMemoLine, PartySnapshot } from './invoicing.tables.ts';

/** An invoice as lists show it. Money in minor units of the invoice currency. */
export interface InvoiceView {
  id: string;
  number: string;
  companyId: string;
  companyName?: string;
  orderId: string;
  orderNumber: string;
  shipmentId: string | null;
  status: InvoiceStatus;
  subtotal: Money;
  shippingTotal: Money;
  taxTotal: Money;
  total: Money;
  amountPaid: Money;
  amountCredited: Money;
  balanceDue: Money;
  paymentTerms: string | null;
  poNumber: string | null;
  locale: string;
  issuedAt: string;
  dueAt: string;
  paidAt: string | null;
}

export interface InvoiceLineView {
  lineNo: number;
  kind: 'item' | 'shipping';
  orderLineNo: number | null;
  sku: string | null;
  name: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  taxRateBp: number;
  taxAmount: Money;
}

/** An invoice page: the invoice, its lines, the parties as they were at issue, and what settled it. */
export interface InvoiceDetail extends InvoiceView {
  buyer: PartySnapshot;
  seller: PartySnapshot;
  lines: InvoiceLineView[];
  payments: { paymentId: string; amount: Money; method: string; card: { brand: string; last4: string } | null; externalRef: string | null; receivedAt: string }[];
  creditMemos: { id: string; number: string; amount: Money; reason: string; issuedAt: string }[];
}

export interface CreditMemoView {
  id: string;
  number: string;
  companyId: string;
  orderId: string | null;
  returnId: string | null;
  amount: Money;
  amountApplied: Money;
  reason: string;
  lines: CreditMemoLine[];
  issuedAt: string;
  applications: { invoiceId: string; amount: Money }[];
}

export const money = (amount: number, currency: string): Money => ({ amount, currency });

export function toInvoiceView(r: InvoiceRow & { companyName?: string }): InvoiceView {
  const c = r.currency;
  return {
    id: r.id,
    number: r.number,
    companyId: r.companyId,
    ...(r.companyName !== undefined ? { companyName: r.companyName } : {}),
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    shipmentId: r.shipmentId,
    status: r.status,
    subtotal: money(r.subtotal, c),
    shippingTotal: money(r.shippingTotal, c),
    taxTotal: money(r.taxTotal, c),
    total: money(r.total, c),
    amountPaid: money(r.amountPaid, c),
    amountCredited: money(r.amountCredited, c),
    balanceDue: money(balanceDue(r), c),
    paymentTerms: r.paymentTerms,
    poNumber: r.poNumber,
    locale: r.locale,
    issuedAt: r.issuedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    paidAt: r.paidAt?.toISOString() ?? null,
  };
}

export function toInvoiceDetail(
  r: InvoiceRow,
  lines: InvoiceLineRow[],
  payments: InvoicePaymentRow[],
  memos: { id: string; number: string; amount: string; issued_at: Date | string; reason: string }[],
): InvoiceDetail {
  const c = r.currency;
  return {
    ...toInvoiceView(r),
    buyer: r.buyer,
    seller: r.seller,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      kind: l.kind,
      orderLineNo: l.orderLineNo,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice, c),
      lineTotal: money(l.lineTotal, c),
      taxRateBp: l.taxRateBp,
      taxAmount: money(l.taxAmount, c),
    })),
    payments: payments.map((p) => ({
      paymentId: p.payment_id,
      amount: money(Number(p.amount), c),
      method: p.method,
      card: p.card_brand && p.card_last4 ? { brand: p.card_brand, last4: p.card_last4 } : null,
      externalRef: p.external_ref,
      receivedAt: new Date(p.received_at).toISOString(),
    })),
    creditMemos: memos.map((m) => ({ id: m.id, number: m.number, amount: money(Number(m.amount), c), reason: m.reason, issuedAt: new Date(m.issued_at).toISOString() })),
  };
}

export function toCreditMemoView(m: CreditMemoRow, applications: { invoiceId: string; amount: number }[]): CreditMemoView {
  return {
    id: m.id,
    number: m.number,
    companyId: m.companyId,
    orderId: m.orderId,
    returnId: m.returnId,
    amount: money(m.amount, m.currency),
    amountApplied: money(m.amountApplied, m.currency),
    reason: m.reason,
    lines: m.lines,
    issuedAt: m.issuedAt.toISOString(),
    applications: applications.map((a) => ({ invoiceId: a.invoiceId, amount: money(a.amount, m.currency) })),
  };
}
