import type { ShipToSnapshot } from '../orders.tables.ts';
import type { OrderStatus } from './lifecycle.ts';

export type { ShipToSnapshot };
export type PaymentMethod = 'account' | 'card';

/** One order line as placed (prices frozen), with what has shipped and come back since. */
export interface OrderLine {
  lineNo: number;
  variantId: string | null;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  taxClass: string;
  taxRateBp: number;
  taxAmount: number;
  priceSource: string | null;
  weightGrams: number | null;
  quantityShipped: number;
  quantityReturned: number;
}

/** What a list shows of an order. Amounts are minor units of `currency`. */
export interface OrderSummary {
  id: string;
  number: string;
  companyId: string;
  companyName: string;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  paymentMethod: PaymentMethod;
  poNumber: string | null;
  placedByName: string | null;
  placedAt: string;
}

export interface Order extends OrderSummary {
  placedBy: string | null;
  placedByStaff: string | null;
  cartId: string | null;
  paymentTerms: string | null;
  paymentId: string | null;
  requestedDeliveryDate: string | null;
  notes: string | null;
  shipTo: ShipToSnapshot;
  shippingMethodId: string | null;
  shippingMethodName: string | null;
  taxExempt: boolean;
  vatId: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
  lines: OrderLine[];
}

/** A timeline entry: what happened, who did it and when. */
export interface OrderEvent {
  id: string;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorKind: 'buyer' | 'staff' | 'apiKey' | 'system';
  actorId: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
  at: string;
}
