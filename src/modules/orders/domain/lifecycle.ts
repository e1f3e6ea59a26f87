/**
 * The order lifecycle as data: statuses, the transitions between them, who may take each one and
 * which outbox events each emits. `transitionOrder` reads only this table, so changing the process
 * means changing these rows (and their tests), never branching in a service.
 */
export const ORDER_STATUSES = ['pending_approval', 'on_hold', 'placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses in which the order still holds stock and (on account) credit. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['pending_approval', 'on_hold', 'placed', 'confirmed', 'partially_shipped'];

export type ActorKind = 'buyer' | 'staff' | 'apiKey' | 'system';

/** Per actor kind, the permission (buyer/staff) or scope (API key) needed; `true` = always; absent = never. */
export type TransitionGuard = Partial<Record<ActorKind, string | true>>;

/** Outbox events a transition emits besides `order.status_changed` (which every transition emits). */
export type TransitionEvent = 'order.placed' | 'order.cancelled';

export interface Transition {
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  /** The name a user sees on the button and in the timeline. */
  readonly action: 'approve' | 'release' | 'confirm' | 'hold' | 'cancel' | 'ship_partially' | 'ship' | 'deliver';
  readonly who: TransitionGuard;
  readonly emits: readonly TransitionEvent[];
}

const STAFF_WRITE: TransitionGuard = { staff: 'orders:write', system: true };
const FULFILMENT: TransitionGuard = { staff: 'orders:write', apiKey: 'orders:write', system: true };
/** A buyer may cancel before the seller starts shipping; staff may cancel too. */
const CANCEL: TransitionGuard = { buyer: 'company.orders:create', staff: 'orders:write', system: true };

export const TRANSITIONS: readonly Transition[] = [
  { from: 'pending_approval', to: 'placed', action: 'approve', who: { buyer: 'company.orders:approve', staff: 'orders:write', system: true }, emits: ['order.placed'] },
  { from: 'pending_approval', to: 'cancelled', action: 'cancel', who: CANCEL, emits: ['order.cancelled'] },
  // A credit hold is released by staff; past the credit limit only a credit controller may (the service checks).
  { from: 'on_hold', to: 'placed', action: 'release', who: STAFF_WRITE, emits: ['order.placed'] },
  { from: 'on_hold', to: 'confirmed', action: 'release', who: STAFF_WRITE, emits: [] },
  { from: 'on_hold', to: 'cancelled', action: 'cancel', who: { staff: 'orders:write', system: true }, emits: ['order.cancelled'] },
  { from: 'placed', to: 'confirmed', action: 'confirm', who: FULFILMENT, emits: [] },
  { from: 'placed', to: 'on_hold', action: 'hold', who: STAFF_WRITE, emits: [] },
  { from: 'placed', to: 'cancelled', action: 'cancel', who: CANCEL, emits: ['order.cancelled'] },
  { from: 'placed', to: 'partially_shipped', action: 'ship_partially', who: FULFILMENT, emits: [] },
  { from: 'placed', to: 'shipped', action: 'ship', who: FULFILMENT, emits: [] },
  { from: 'confirmed', to: 'on_hold', action: 'hold', who: STAFF_WRITE, emits: [] },
  { from: 'confirmed', to: 'cancelled', action: 'cancel', who: CANCEL, emits: ['order.cancelled'] },
  { from: 'confirmed', to: 'partially_shipped', action: 'ship_partially', who: FULFILMENT, emits: [] },
  { from: 'confirmed', to: 'shipped', action: 'ship', who: FULFILMENT, emits: [] },
  { from: 'partially_shipped', to: 'shipped', action: 'ship', who: FULFILMENT, emits: [] },
  { from: 'partially_shipped', to: 'delivered', action: 'deliver', who: FULFILMENT, emits: [] },
  { from: 'shipped', to: 'delivered', action: 'deliver', who: FULFILMENT, emits: [] },
];

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

/** The transition from → to, or undefined when the lifecycle has none. */
export function findTransition(from: OrderStatus, to: OrderStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Who is asking, reduced to what the guards need. */
export interface GuardSubject {
  readonly kind: ActorKind;
  /** Permissions (buyer, staff) or scopes (API key). */
  readonly grants: ReadonlySet<string>;
}

/** True when the subject may take the transition. */
export function mayTake(t: Transition, who: GuardSubject): boolean {
  const need = t.who[who.kind];
  if (need === undefined) return false;
  return need === true || who.grants.has(need);
}

/**
 * Checks a requested transition: `'ok'`, `'invalid'` (the lifecycle has no such edge — a 409 for
 * the caller) or `'forbidden'` (the edge exists but this actor may not take it).
 */
export function checkTransition(from: OrderStatus, to: OrderStatus, who: GuardSubject): { result: 'ok'; transition: Transition } | { result: 'invalid' | 'forbidden' } {
  const t = findTransition(from, to);
  if (!t) return { result: 'invalid' };
  return mayTake(t, who) ? { result: 'ok', transition: t } : { result: 'forbidden' };
}

/** The statuses the subject may move an order in `from` to (what the UI offers as buttons). */
export function nextStatuses(from: OrderStatus, who: GuardSubject): { to: OrderStatus; action: Transition['action'] }[] {
  return TRANSITIONS.filter((t) => t.from === from && mayTake(t, who)).map((t) => ({ to: t.to, action: t.action }));
}

/** True when an order in this status still holds stock reservations. */
export function holdsStock(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
