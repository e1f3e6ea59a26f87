import type { Money } from '../../../lib/money.ts';
import type { ReturnAction, ReturnReason, ReturnStatus } from './lifecycle.ts';

export interface ReturnLine {
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
  quantityReceived: number | null;
  reason: ReturnReason;
  unitPrice: Money;
  /** What the line is worth back (received quantity once received, else requested), tax included. */
  amount: Money;
}

export interface ReturnEvent {
  type: string;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus | null;
  actorKind: 'buyer' | 'staff' | 'apiKey' | 'system';
  actorName: string | null;
  detail: Record<string, unknown>;
  at: string;
}

export interface ReturnSummaryItem {
  id: string;
  number: string;
  companyId: string;
  companyName: string;
  orderId: string;
  orderNumber: string;
  status: ReturnStatus;
  amount: Money;
  lineCount: number;
  requestedAt: string;
  requestedByName: string | null;
}

export interface ReturnRequest extends ReturnSummaryItem {
  comment: string | null;
  decisionReason: string | null;
  restockWarehouseId: string | null;
  resolution: 'refund' | 'credit_memo' | null;
  resolutionAmount: Money | null;
  resolutionRef: string | null;
  decidedAt: string | null;
  receivedAt: string | null;
  resolvedAt: string | null;
  /** Whether the order was paid by card (a refund is possible) or on account (credit memo only). */
  paymentMethod: 'account' | 'card';
  lines: ReturnLine[];
  events: ReturnEvent[];
  /** What the caller may do next (staff: approve, reject, receive, refund, credit). */
  actions: ReturnAction[];
}

/** An order line as the return form offers it. */
export interface ReturnableLine {
  lineNo: number;
  sku: string;
  name: string;
  quantityShipped: number;
  quantityReturned: number;
  returnable: number;
  unitPrice: Money;
  /** The last moment a return may be requested; null when nothing has shipped yet. */
  returnBy: string | null;
  windowOpen: boolean;
}
