import { roundHalfEven } from '../../../lib/money.ts';

/**
 * What goes on an invoice, from the order's lines and the quantities being invoiced (a shipment's,
 * or what is left). Pure: the service loads the facts and stores the result.
 */

/** An order line as invoicing needs it (unit price and tax rate were fixed at checkout). */
export interface OrderLineFacts {
  readonly lineNo: number;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly lineTotal: number;
  readonly taxRateBp: number;
  readonly taxAmount: number;
}

/** Quantities and tax already on earlier (not void) invoices of the order, per order line. */
export interface Invoiced {
  readonly quantity: number;
  readonly tax: number;
}

export interface InvoiceLineDraft {
  readonly kind: 'item' | 'shipping';
  readonly orderLineNo: number | null;
  readonly sku: string | null;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly lineTotal: number;
  readonly taxRateBp: number;
  readonly taxAmount: number;
}

export interface InvoiceDraft {
  readonly lines: InvoiceLineDraft[];
  readonly subtotal: number;
  readonly shippingTotal: number;
  readonly taxTotal: number;
  readonly total: number;
}

export interface DraftInput {
  readonly orderLines: readonly OrderLineFacts[];
  /** Order line number → quantity to invoice now. */
  readonly quantities: ReadonlyMap<number, number>;
  readonly invoiced: ReadonlyMap<number, Invoiced>;
  /** The order's shipping charge and the tax on it, when this invoice carries them (the first one). */
  readonly shipping: { readonly amount: number; readonly tax: number; readonly label: string } | null;
}

/** Quantity of an order line not yet on an invoice. */
export function uninvoiced(line: OrderLineFacts, invoiced: Invoiced | undefined): number {
  return Math.max(0, line.quantity - (invoiced?.quantity ?? 0));
}

/**
 * Builds the invoice lines. Each line is unit price × quantity; its tax is the line net × rate,
 * rounded half-even, except that the invoice completing an order line takes exactly the order
 * line's tax minus what earlier invoices took, so the invoices of an order add up to the order to
 * the last minor unit. Quantities above what is left to invoice are cut to it; lines with nothing
 * left are skipped.
 */
export function draftInvoice(input: DraftInput): InvoiceDraft {
  const lines: InvoiceLineDraft[] = [];
  for (const ol of input.orderLines) {
    const wanted = input.quantities.get(ol.lineNo) ?? 0;
    const before = input.invoiced.get(ol.lineNo);
    const qty = Math.min(wanted, uninvoiced(ol, before));
    if (qty <= 0) continue;
    const lineTotal = ol.unitPrice * qty;
    const completes = (before?.quantity ?? 0) + qty === ol.quantity;
    const taxAmount = completes ? Math.max(0, ol.taxAmount - (before?.tax ?? 0)) : roundHalfEven((lineTotal * ol.taxRateBp) / 10_000);
    lines.push({ kind: 'item', orderLineNo: ol.lineNo, sku: ol.sku, name: ol.name, quantity: qty, unitPrice: ol.unitPrice, lineTotal, taxRateBp: ol.taxRateBp, taxAmount });
  }
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  let shippingTotal = 0;
  if (input.shipping && input.shipping.amount + input.shipping.tax > 0 && lines.length > 0) {
    const { amount, tax, label } = input.shipping;
    shippingTotal = amount;
    const rateBp = amount > 0 ? Math.min(10_000, Math.round((tax * 10_000) / amount)) : 0;
    lines.push({ kind: 'shipping', orderLineNo: null, sku: null, name: label, quantity: 1, unitPrice: amount, lineTotal: amount, taxRateBp: rateBp, taxAmount: tax });
  }
  const taxTotal = lines.reduce((s, l) => s + l.taxAmount, 0);
  return { lines, subtotal, shippingTotal, taxTotal, total: subtotal + shippingTotal + taxTotal };
}
