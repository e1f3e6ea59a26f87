import { roundHalfEven } from '../../../lib/money.ts';

const DAY_MS = 86_400_000;

/**
 * The last moment a line can be asked back: `windowDays` after it reached the buyer (delivery, or
 * shipment while no delivery has been reported).
 */
export function returnDeadline(receivedAt: Date, windowDays: number): Date {
  return new Date(receivedAt.getTime() + windowDays * DAY_MS);
}

export function withinReturnWindow(receivedAt: Date, now: Date, windowDays: number): boolean {
  return now.getTime() <= returnDeadline(receivedAt, windowDays).getTime();
}

/** How much of an order line may still be asked back (shipped minus what open and past returns hold). */
export function returnableQuantity(line: { quantityShipped: number; quantityReturned: number }): number {
  return Math.max(0, line.quantityShipped - line.quantityReturned);
}

/**
 * What a returned quantity is worth: net unit price × quantity plus its tax, rounded per line as
 * the order did (half-even), so a full return gives back exactly what the line cost.
 */
export function returnLineAmount(line: { unitPrice: number; taxRateBp: number }, quantity: number): number {
  const net = line.unitPrice * quantity;
  return net + roundHalfEven((net * line.taxRateBp) / 10_000);
}

export function returnAmount(lines: readonly { unitPrice: number; taxRateBp: number; quantity: number }[]): number {
  return lines.reduce((sum, l) => sum + returnLineAmount(l, l.quantity), 0);
}
