/**
 * Pure shipment planning: which quantities of an order may still ship, how a request by line or by
 * SKU becomes shipment lines, how the stock held for the order is consumed, and which order status
 * follows. No database here; the shipment service feeds it rows it has locked.
 */

/** An order line as planning needs it. */
export interface PlanLine {
  readonly lineNo: number;
  readonly sku: string;
  readonly quantity: number;
  readonly quantityShipped: number;
}

/** One requested shipment line. */
export interface ShipLine {
  readonly lineNo: number;
  readonly quantity: number;
}

/** Why a request cannot ship; `index` points at the offending request line. */
export type PlanProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown_line'; readonly index: number }
  | { readonly kind: 'unknown_sku'; readonly index: number }
  | { readonly kind: 'too_many'; readonly index: number; readonly remaining: number };

export type PlanResult = { readonly ok: true; readonly lines: readonly ShipLine[] } | { readonly ok: false; readonly problem: PlanProblem };

/** What may still ship on a line. */
export function remainingToShip(line: PlanLine): number {
  return Math.max(0, line.quantity - line.quantityShipped);
}

/**
 * Checks a request by order line number against what remains on each line. Repeated line numbers
 * add up (and are checked together); the result is in line order.
 */
export function planByLine(lines: readonly PlanLine[], request: readonly ShipLine[]): PlanResult {
  if (!request.length) return { ok: false, problem: { kind: 'empty' } };
  const byNo = new Map(lines.map((l) => [l.lineNo, l]));
  const wanted = new Map<number, number>();
  for (const [index, r] of request.entries()) {
    const line = byNo.get(r.lineNo);
    if (!line) return { ok: false, problem: { kind: 'unknown_line', index } };
    const total = (wanted.get(r.lineNo) ?? 0) + r.quantity;
    if (total > remainingToShip(line)) return { ok: false, problem: { kind: 'too_many', index, remaining: remainingToShip(line) } };
    wanted.set(r.lineNo, total);
  }
  const out = [...wanted].filter(([, q]) => q > 0).map(([lineNo, quantity]) => ({ lineNo, quantity }));
  if (!out.length) return { ok: false, problem: { kind: 'empty' } };
  return { ok: true, lines: out.sort((a, b) => a.lineNo - b.lineNo) };
}

/**
 * Turns a request by SKU (as a WMS or ERP knows the order) into shipment lines. SKUs match
 * case-insensitively; when an order has several lines of one SKU the quantity fills them in line
 * order. A SKU asked for more than remains on all its lines is refused with what remains.
 */
export function planBySku(lines: readonly PlanLine[], request: readonly { readonly sku: string; readonly quantity: number }[]): PlanResult {
  if (!request.length) return { ok: false, problem: { kind: 'empty' } };
  const bySku = new Map<string, PlanLine[]>();
  for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const k = l.sku.toLowerCase();
    bySku.set(k, [...(bySku.get(k) ?? []), l]);
  }
  const taken = new Map<number, number>();
  for (const [index, r] of request.entries()) {
    const candidates = bySku.get(r.sku.toLowerCase());
    if (!candidates) return { ok: false, problem: { kind: 'unknown_sku', index } };
    let left = r.quantity;
    for (const l of candidates) {
      if (left === 0) break;
      const free = remainingToShip(l) - (taken.get(l.lineNo) ?? 0);
      const q = Math.min(free, left);
      if (q > 0) {
        taken.set(l.lineNo, (taken.get(l.lineNo) ?? 0) + q);
        left -= q;
      }
    }
    if (left > 0) {
      const remaining = candidates.reduce((s, l) => s + remainingToShip(l), 0);
      return { ok: false, problem: { kind: 'too_many', index, remaining } };
    }
  }
  const out = [...taken].map(([lineNo, quantity]) => ({ lineNo, quantity })).sort((a, b) => a.lineNo - b.lineNo);
  if (!out.length) return { ok: false, problem: { kind: 'empty' } };
  return { ok: true, lines: out };
}

/** The order status once these lines' shipped quantities are in: everything shipped, or a part. */
export function statusAfterShipping(lines: readonly PlanLine[]): 'shipped' | 'partially_shipped' {
  return lines.every((l) => l.quantityShipped >= l.quantity) ? 'shipped' : 'partially_shipped';
}

/** Stock held for one order line in one warehouse (a row of `order_reservations`). */
export interface Reservation {
  readonly warehouseId: string;
  readonly quantity: number;
}

/** One change to `inventory` (and the matching `order_reservations` row) for a shipped line. */
export interface StockMove {
  readonly warehouseId: string;
  /** Subtracted from `on_hand`: the goods left this warehouse. */
  readonly onHand: number;
  /** Subtracted from `reserved` and from the order's reservation there. */
  readonly reserved: number;
}

/**
 * How shipping `quantity` of a line from `from` consumes the stock held for it. The goods leave
 * `from` (on hand falls by the whole quantity); the reservation there is used first. Whatever was
 * not reserved in `from` came out of free stock, so the same amount of the line's reservations in
 * other warehouses is released — the line needs that much less — largest holding first.
 */
export function stockMoves(reservations: readonly Reservation[], from: string, quantity: number): StockMove[] {
  const moves = new Map<string, { onHand: number; reserved: number }>();
  const here = reservations.find((r) => r.warehouseId === from)?.quantity ?? 0;
  const fromHere = Math.min(here, quantity);
  moves.set(from, { onHand: quantity, reserved: fromHere });
  let release = quantity - fromHere;
  const others = reservations.filter((r) => r.warehouseId !== from && r.quantity > 0).sort((a, b) => b.quantity - a.quantity || a.warehouseId.localeCompare(b.warehouseId));
  for (const r of others) {
    if (release === 0) break;
    const q = Math.min(r.quantity, release);
    moves.set(r.warehouseId, { onHand: 0, reserved: q });
    release -= q;
  }
  return [...moves].map(([warehouseId, m]) => ({ warehouseId, ...m })).filter((m) => m.onHand > 0 || m.reserved > 0);
}

/**
 * The warehouse a shipment leaves from when the caller names none: the one holding most of the
 * requested lines' reservations (ties by id, so the choice is stable); null when nothing is held.
 */
export function defaultWarehouse(reservations: readonly Reservation[]): string | null {
  const held = new Map<string, number>();
  for (const r of reservations) held.set(r.warehouseId, (held.get(r.warehouseId) ?? 0) + r.quantity);
  const best = [...held].filter(([, q]) => q > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? best[0] : null;
}
