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
  // Availability is tracked across lines (one mutable count per inventory row), so two lines of the
  // same variant cannot both take the last units. Plain objects instead of string-keyed maps: a
  // 50-line checkout runs this on the server's one thread.
  const byVariant = new Map<string, { row: StockRow; free: number }[]>();
  for (const row of rows) {
    const level = { row, free: Math.max(0, row.onHand - row.reserved) };
    const list = byVariant.get(row.variantId);
    if (list) list.push(level);
    else byVariant.set(row.variantId, [level]);
  }

  const allocations: Allocation[] = [];
  const shortages: Shortage[] = [];
  for (const line of lines) {
    const levels = byVariant.get(line.variantId) ?? [];
    // Most available first, then by warehouse id (deterministic); re-sorted per line as earlier lines take stock.
    if (levels.length > 1) levels.sort((a, b) => b.free - a.free || (a.row.warehouseId < b.row.warehouseId ? -1 : 1));
    const mine: { level: (typeof levels)[number]; quantity: number }[] = [];
    let left = line.quantity;
    for (const level of levels) {
      if (left === 0) break;
      const take = Math.min(left, level.free);
      if (take > 0) {
        mine.push({ level, quantity: take });
        level.free -= take;
        left -= take;
      }
    }
    if (left > 0) {
      const back = levels.find((l) => l.row.backorder);
      if (!back) {
        // Nothing is reserved for a short line: give back what it took so later lines see it.
        for (const m of mine) m.level.free += m.quantity;
        shortages.push({ lineNo: line.lineNo, variantId: line.variantId, available: line.quantity - left });
        continue;
      }
      const existing = mine.find((m) => m.level === back);
      if (existing) existing.quantity += left;
      else mine.push({ level: back, quantity: left });
    }
    for (const m of mine) allocations.push({ lineNo: line.lineNo, warehouseId: m.level.row.warehouseId, quantity: m.quantity });
  }
  return { allocations, shortages };
}
