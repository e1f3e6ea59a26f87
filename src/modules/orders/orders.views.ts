import type { Static } from 'typebox';
import type { Money } from '../../lib/money.ts';
import type { CheckoutOptions as Options } from './checkout.service.ts';
import type { CheckoutOptions } from './checkout.schemas.ts';
import type { Order, OrderEvent, OrderSummary } from './domain/types.ts';
import type { OrderDetail, OrderSummary as SummarySchema } from './orders.schemas.ts';
import type { orderDetail } from './orders.service.ts';

/** Domain orders (plain minor-unit numbers) as the API shows them (money as `{ amount, currency }`). */
const m = (amount: number, currency: string): Money => ({ amount, currency });

export function summaryView(o: OrderSummary): Static<typeof SummarySchema> {
  return {
    id: o.id,
    number: o.number,
    companyId: o.companyId,
    companyName: o.companyName,
    status: o.status,
    subtotal: m(o.subtotal, o.currency),
    shippingTotal: m(o.shippingTotal, o.currency),
    taxTotal: m(o.taxTotal, o.currency),
    total: m(o.total, o.currency),
    paymentMethod: o.paymentMethod,
    poNumber: o.poNumber,
    placedByName: o.placedByName,
    placedAt: o.placedAt,
  };
}

function eventView(e: OrderEvent): Static<typeof OrderDetail>['events'][number] {
  const reason = typeof e.detail.reason === 'string' ? e.detail.reason : null;
  return { id: e.id, type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus, actorKind: e.actorKind, actorName: e.actorName, reason, at: e.at };
}

export function detailView(o: Awaited<ReturnType<typeof orderDetail>> | (Order & { events?: OrderEvent[]; actions?: Awaited<ReturnType<typeof orderDetail>>['actions'] })): Static<typeof OrderDetail> {
  return {
    ...summaryView(o),
    placedBy: o.placedBy,
    cartId: o.cartId,
    paymentTerms: o.paymentTerms,
    paymentId: o.paymentId,
    requestedDeliveryDate: o.requestedDeliveryDate,
    notes: o.notes,
    shipTo: o.shipTo,
    shippingMethodName: o.shippingMethodName,
    taxExempt: o.taxExempt,
    vatId: o.vatId,
    lines: o.lines.map((l) => ({
      lineNo: l.lineNo,
      variantId: l.variantId,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: m(l.unitPrice, o.currency),
      lineTotal: m(l.lineTotal, o.currency),
      taxClass: l.taxClass,
      taxRateBp: l.taxRateBp,
      taxAmount: m(l.taxAmount, o.currency),
      quantityShipped: l.quantityShipped,
      quantityReturned: l.quantityReturned,
    })),
    events: (o.events ?? []).map(eventView),
    actions: o.actions ?? [],
  };
}

export function optionsView(o: Options): Static<typeof CheckoutOptions> {
  const cur = o.cart.currency;
  const lineIds = o.cart.lines.map((l) => l.lineId);
  return {
    cart: {
      id: o.cart.cart.id,
      name: o.cart.cart.name,
      subtotal: m(o.cart.subtotal, cur),
      lines: o.cart.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: m(l.unitPrice, cur), lineTotal: m(l.lineTotal, cur), problems: l.problems })),
      problems: o.cart.problems,
    },
    locations: o.locations.map((l) => ({ id: l.id, name: l.name, line1: l.line1, line2: l.line2, city: l.city, region: l.region, postalCode: l.postalCode, country: l.country, isDefault: l.isDefault })),
    allowNewShipTo: o.allowNewShipTo,
    selectedLocationId: o.selectedLocationId,
    shippingOptions: o.shippingOptions.map((s) => ({ id: s.id, name: s.name, carrier: s.carrier, amount: m(s.amount, s.currency), free: s.free, estimatedDays: s.estimatedDays })),
    selectedShippingMethodId: o.selectedShippingMethodId,
    tax: o.tax
      ? {
          exempt: o.tax.exempt,
          exemptReason: o.tax.exemptReason ?? null,
          shipping: m(o.tax.shippingTax, cur),
          total: m(o.tax.total, cur),
          lines: [...o.tax.lines.entries()].map(([key, t]) => ({ lineId: lineIds[Number(key) - 1] ?? key, rateBp: t.rateBp, label: t.label, amount: m(t.amount, cur) })),
        }
      : null,
    payment: {
      poRequired: o.policy.poRequired,
      account: {
        available: o.policy.onAccount && o.policy.currency === cur,
        terms: o.policy.paymentTerms ? { code: o.policy.paymentTerms.code, label: o.policy.paymentTerms.label } : null,
        creditLimit: o.credit.limit === null ? null : m(o.credit.limit, o.credit.currency),
        availableCredit: o.credit.available === null ? null : m(o.credit.available, o.credit.currency),
        overLimitAction: o.policy.overLimitAction,
      },
      card: { available: true },
    },
    totals: { subtotal: m(o.totals.subtotal, cur), shipping: m(o.totals.shipping, cur), tax: m(o.totals.tax, cur), total: m(o.totals.total, cur) },
  };
}
