import { describe, expect, it } from 'vitest';
import { draftInvoice, type OrderLineFacts } from './invoice-lines.ts';
import { ageing, ageingBucket, allocate, isPastDue, statusAfterSettlement } from './settlement.ts';

const drill: OrderLineFacts = { lineNo: 1, sku: 'DRL-001', name: 'Drill', quantity: 3, unitPrice: 333, lineTotal: 999, taxRateBp: 500, taxAmount: 50 };
const ham: OrderLineFacts = { lineNo: 2, sku: 'HAM-001', name: 'Hammer', quantity: 10, unitPrice: 1250, lineTotal: 12_500, taxRateBp: 1500, taxAmount: 1875 };

describe('invoice drafts', () => {
  it('invoices shipped quantities at the order prices, with the shipping charge on the first invoice only', () => {
    const first = draftInvoice({ orderLines: [drill, ham], quantities: new Map([[1, 1], [2, 4]]), invoiced: new Map(), shipping: { amount: 2000, tax: 100, label: 'Shipping' } });
    expect(first.lines.map((l) => [l.kind, l.quantity, l.lineTotal, l.taxAmount])).toEqual([
      ['item', 1, 333, 17], // 333 × 5% = 16.65 → 17
      ['item', 4, 5000, 750],
      ['shipping', 1, 2000, 100],
    ]);
    expect(first).toMatchObject({ subtotal: 5333, shippingTotal: 2000, taxTotal: 867, total: 8200 });
    expect(first.lines[2]!.taxRateBp).toBe(500);
  });

  it('makes the invoices of an order add up to the order exactly, the last one taking the rounding remainder', () => {
    const a = draftInvoice({ orderLines: [drill], quantities: new Map([[1, 1]]), invoiced: new Map(), shipping: null });
    const b = draftInvoice({ orderLines: [drill], quantities: new Map([[1, 1]]), invoiced: new Map([[1, { quantity: 1, tax: a.taxTotal }]]), shipping: null });
    const c = draftInvoice({ orderLines: [drill], quantities: new Map([[1, 5]]), invoiced: new Map([[1, { quantity: 2, tax: a.taxTotal + b.taxTotal }]]), shipping: null });
    expect([a.taxTotal, b.taxTotal, c.taxTotal]).toEqual([17, 17, 16]);
    expect(c.lines[0]!.quantity).toBe(1); // cut to what was left
    expect(a.subtotal + b.subtotal + c.subtotal).toBe(drill.lineTotal);
  });

  it('has no lines when everything is invoiced already (and then no shipping line either)', () => {
    const d = draftInvoice({ orderLines: [drill], quantities: new Map([[1, 3]]), invoiced: new Map([[1, { quantity: 3, tax: 50 }]]), shipping: { amount: 500, tax: 0, label: 'Shipping' } });
    expect(d.lines).toEqual([]);
    expect(d.total).toBe(0);
  });
});

describe('settlement and ageing', () => {
  const due = new Date('2026-03-01T00:00:00Z');
  it('is payable through the due day and overdue from the next', () => {
    expect(isPastDue(due, new Date('2026-03-01T23:59:59Z'))).toBe(false);
    expect(isPastDue(due, new Date('2026-03-02T00:00:00Z'))).toBe(true);
  });

  it('moves open → partially paid → paid, and keeps an overdue invoice overdue until it is settled', () => {
    const now = new Date('2026-02-10T00:00:00Z');
    expect(statusAfterSettlement({ total: 100, amountPaid: 40, amountCredited: 0, dueAt: due, status: 'open' }, now)).toBe('partially_paid');
    expect(statusAfterSettlement({ total: 100, amountPaid: 40, amountCredited: 60, dueAt: due, status: 'partially_paid' }, now)).toBe('paid');
    expect(statusAfterSettlement({ total: 100, amountPaid: 40, amountCredited: 0, dueAt: due, status: 'overdue' }, now)).toBe('overdue');
    expect(statusAfterSettlement({ total: 100, amountPaid: 0, amountCredited: 0, dueAt: due, status: 'open' }, new Date('2026-04-01T00:00:00Z'))).toBe('overdue');
  });

  it('allocates money to the oldest due invoices first and reports what is left', () => {
    const invs = [
      { id: 'b', balance: 300, dueAt: new Date('2026-02-01T00:00:00Z') },
      { id: 'a', balance: 200, dueAt: new Date('2026-01-01T00:00:00Z') },
    ];
    expect(allocate(invs, 250)).toEqual({ allocations: [{ invoiceId: 'a', amount: 200 }, { invoiceId: 'b', amount: 50 }], left: 0 });
    expect(allocate(invs, 700)).toEqual({ allocations: [{ invoiceId: 'a', amount: 200 }, { invoiceId: 'b', amount: 300 }], left: 200 });
  });

  it('buckets open balances by days past due: current, 1–30, 31–60, 61–90, 90+', () => {
    const asOf = new Date('2026-06-30T12:00:00Z');
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(ageingBucket(day('2026-06-30'), asOf)).toBe('current');
    expect(ageingBucket(day('2026-06-29'), asOf)).toBe('days1to30');
    expect(ageingBucket(day('2026-05-31'), asOf)).toBe('days1to30');
    expect(ageingBucket(day('2026-05-30'), asOf)).toBe('days31to60');
    expect(ageingBucket(day('2026-04-01'), asOf)).toBe('days61to90');
    expect(ageingBucket(day('2026-03-01'), asOf)).toBe('days90plus');
    expect(ageing([{ balance: 100, dueAt: day('2026-07-10') }, { balance: 50, dueAt: day('2026-06-01') }, { balance: 0, dueAt: day('2025-01-01') }], asOf)).toEqual({ current: 100, days1to30: 50, days31to60: 0, days61to90: 0, days90plus: 0, total: 150 });
  });
});
