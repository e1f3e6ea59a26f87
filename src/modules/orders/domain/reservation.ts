/**
 * Stock allocation for an order, pure: given the locked inventory rows of the ordered variants,
 * decide how much each line reserves in which warehouse. Stock on hand is taken first (the
 * warehouse with the most available first, then by id, so the choice is deterministic); what is
 * left goes to a warehouse that takes backorders, or the line is short.
 */
export interface StockRow {
  readonly variantId: string;
  readonly warehouseId: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly backorder: boolean;
}

export interface AllocationLine {
  readonly lineNo: number;
  readonly variantId: string;
  readonly quantity: number;
}

export interface Allocation {
  readonly lineNo: number;
  readonly warehouseId: string;
  readonly quantity: number;
}

export interface Shortage {
  readonly lineNo: number;
  readonly variantId: string;
  /** What could be supplied (0 = out of stock). */
  readonly available: number;
}

/** Reservations per line and warehouse, or the lines stock cannot cover. */
export function allocateStock(lines: readonly AllocationLine[], rows: readonly StockRow[]): { allocations: Allocation[]; shortages: Shortage[] } {
  // Availability is tracked across lines, so two lines of the same variant cannot both take the last units.
  const free = new Map<string, number>();
  const key = (r: { variantId: string; warehouseId: string }) => `${r.variantId}\u0000${r.warehouseId}`;
  for (const r of rows) free.set(key(r), Math.max(0, r.onHand - r.reserved));
  const byVariant = new Map<string, StockRow[]>();
  for (const r of rows) (byVariant.get(r.variantId) ?? byVariant.set(r.variantId, []).get(r.variantId)!).push(r);

  const allocations: Allocation[] = [];
  const shortages: Shortage[] = [];
  for (const line of lines) {
    const candidates = [...(byVariant.get(line.variantId) ?? [])].sort((a, b) => free.get(key(b))! - free.get(key(a))! || (a.warehouseId < b.warehouseId ? -1 : 1));
    const mine: Allocation[] = [];
    let left = line.quantity;
    for (const r of candidates) {
      if (left === 0) break;
      const take = Math.min(left, free.get(key(r))!);
      if (take > 0) {
        mine.push({ lineNo: line.lineNo, warehouseId: r.warehouseId, quantity: take });
        free.set(key(r), free.get(key(r))! - take);
        left -= take;
      }
    }
    if (left > 0) {
      const back = candidates.find((r) => r.backorder);
      if (!back) {
        const available = line.quantity - left;
        // Nothing is reserved for a short line: give back what it took so later lines see it.
        for (const a of mine) free.set(key({ variantId: line.variantId, warehouseId: a.warehouseId }), free.get(key({ variantId: line.variantId, warehouseId: a.warehouseId }))! + a.quantity);
        shortages.push({ lineNo: line.lineNo, variantId: line.variantId, available });
        continue;
      }
      const existing = mine.find((a) => a.warehouseId === back.warehouseId);
      if (existing) mine[mine.indexOf(existing)] = { ...existing, quantity: existing.quantity + left };
      else mine.push({ lineNo: line.lineNo, warehouseId: back.warehouseId, quantity: left });
    }
    allocations.push(...mine);
  }
  return { allocations, shortages };
}
