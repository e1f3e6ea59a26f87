import { describe, expect, it } from 'vitest';
import { isFinal, nextActions, RETURN_STATUSES, RETURN_TRANSITIONS, transitionFor } from './lifecycle.ts';
import { returnAmount, returnableQuantity, returnDeadline, returnLineAmount, withinReturnWindow } from './policy.ts';

describe('return lifecycle', () => {
  it('goes requested → approved → received → refunded or credited, or requested → rejected', () => {
    expect(nextActions('requested')).toEqual(['approve', 'reject']);
    expect(transitionFor('approved', 'receive')?.to).toBe('received');
    expect(nextActions('received')).toEqual(['refund', 'credit']);
    expect(['rejected', 'refunded', 'credited'].every((s) => isFinal(s as never))).toBe(true);
  });

  it('refuses skipping steps: no receiving before approval, no refund before receipt, nothing after the end', () => {
    expect(transitionFor('requested', 'receive')).toBeUndefined();
    expect(transitionFor('approved', 'refund')).toBeUndefined();
    expect(transitionFor('rejected', 'approve')).toBeUndefined();
    expect(transitionFor('credited', 'refund')).toBeUndefined();
  });

  it('only uses known statuses and reaches every status from requested', () => {
    for (const t of RETURN_TRANSITIONS) {
      expect(RETURN_STATUSES).toContain(t.from);
      expect(RETURN_STATUSES).toContain(t.to);
    }
    const reached = new Set(['requested']);
    for (let i = 0; i < RETURN_STATUSES.length; i++) for (const t of RETURN_TRANSITIONS) if (reached.has(t.from)) reached.add(t.to);
    expect([...reached].sort()).toEqual([...RETURN_STATUSES].sort());
  });
});

describe('return policy', () => {
  it('closes the window the configured number of days after delivery', () => {
    const delivered = new Date('2026-11-01T10:00:00Z');
    expect(returnDeadline(delivered, 30).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(withinReturnWindow(delivered, new Date('2026-12-01T10:00:00Z'), 30)).toBe(true);
    expect(withinReturnWindow(delivered, new Date('2026-12-01T10:00:01Z'), 30)).toBe(false);
  });

  it('lets back at most what was shipped and not already returned', () => {
    expect(returnableQuantity({ quantityShipped: 10, quantityReturned: 3 })).toBe(7);
    expect(returnableQuantity({ quantityShipped: 2, quantityReturned: 2 })).toBe(0);
  });

  it('values a return at the net price plus the line tax, rounded half-even', () => {
    expect(returnLineAmount({ unitPrice: 1000, taxRateBp: 500 }, 3)).toBe(3150);
    // 250 × 5% = 12.5 tax rounds half-even to 12
    expect(returnLineAmount({ unitPrice: 250, taxRateBp: 500 }, 1)).toBe(262);
    expect(returnAmount([
      { unitPrice: 1000, taxRateBp: 1800, quantity: 2 },
      { unitPrice: 500, taxRateBp: 0, quantity: 1 },
    ])).toBe(2360 + 500);
  });
});
