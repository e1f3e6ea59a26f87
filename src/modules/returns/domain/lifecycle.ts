/**
 * The return (RMA) lifecycle as data: a buyer requests, staff approve or reject, receive the goods,
 * then resolve the return as a card refund or a credit memo. Services read only this table.
 */
export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'received', 'refunded', 'credited'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Statuses in which a return is still being handled (the dashboard's "open returns"). */
export const OPEN_RETURN_STATUSES: readonly ReturnStatus[] = ['requested', 'approved', 'received'];

/** Why a buyer sends something back; the storefront offers these, plus a free comment. */
export const RETURN_REASONS = ['damaged', 'defective', 'wrong_item', 'not_as_described', 'ordered_by_mistake', 'no_longer_needed', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export type ReturnAction = 'approve' | 'reject' | 'receive' | 'refund' | 'credit';

export interface ReturnTransition {
  readonly from: ReturnStatus;
  readonly to: ReturnStatus;
  readonly action: ReturnAction;
}

export const RETURN_TRANSITIONS: readonly ReturnTransition[] = [
  { from: 'requested', to: 'approved', action: 'approve' },
  { from: 'requested', to: 'rejected', action: 'reject' },
  { from: 'approved', to: 'received', action: 'receive' },
  { from: 'received', to: 'refunded', action: 'refund' },
  { from: 'received', to: 'credited', action: 'credit' },
];

export function isReturnStatus(value: string): value is ReturnStatus {
  return (RETURN_STATUSES as readonly string[]).includes(value);
}

/** The transition an action takes from a status, or undefined when the lifecycle has none. */
export function transitionFor(from: ReturnStatus, action: ReturnAction): ReturnTransition | undefined {
  return RETURN_TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** What staff may do next with a return in this status (the admin console's buttons). */
export function nextActions(from: ReturnStatus): ReturnAction[] {
  return RETURN_TRANSITIONS.filter((t) => t.from === from).map((t) => t.action);
}

/** True once nothing more happens to the return. */
export function isFinal(status: ReturnStatus): boolean {
  return nextActions(status).length === 0;
}
