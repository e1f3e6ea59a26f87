import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate, PAYMENT_TERMS, type PaymentTermsCode } from './terms.ts';

/** A deliberately naive reference: walks day by day / month by month on plain numbers. */
function naiveDue(terms: PaymentTermsCode, issued: Date): string {
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const len = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m] ?? 0;
  let y = issued.getUTCFullYear();
  let m = issued.getUTCMonth();
  let d = issued.getUTCDate();
  if (terms === 'eom') {
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
    d = len(y, m);
  } else {
    const n = terms === 'due_on_receipt' ? 0 : Number(terms.slice(3));
    for (let i = 0; i < n; i++) {
      d += 1;
      if (d > len(y, m)) {
        d = 1;
        m += 1;
        if (m === 12) {
          m = 0;
          y += 1;
        }
      }
    }
  }
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('dueDate', () => {
  it('counts net days from the UTC issue day and returns midnight UTC', () => {
    expect(dueDate('net30', new Date('2026-01-31T23:59:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(iso(dueDate('net30', new Date('2028-01-31T08:00:00Z')))).toBe('2028-03-01');
    expect(iso(dueDate('net7', new Date('2026-12-28T10:00:00Z')))).toBe('2027-01-04');
    expect(iso(dueDate('due_on_receipt', new Date('2026-05-05T18:30:00Z')))).toBe('2026-05-05');
  });

  it('puts end-of-month terms on the last day of the following month', () => {
    expect(iso(dueDate('eom', new Date('2026-01-01T00:00:00Z')))).toBe('2026-02-28');
    expect(iso(dueDate('eom', new Date('2028-01-31T00:00:00Z')))).toBe('2028-02-29');
    expect(iso(dueDate('eom', new Date('2026-12-15T00:00:00Z')))).toBe('2027-01-31');
    expect(iso(dueDate('eom', new Date('2026-03-31T12:00:00Z')))).toBe('2026-04-30');
  });

  it('agrees with a naive day-by-day reference for any terms and instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAYMENT_TERMS),
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }),
        (terms, issued) => {
          const due = dueDate(terms, issued);
          expect(iso(due)).toBe(naiveDue(terms, issued));
          expect(due.getTime() % 86_400_000).toBe(0);
          expect(due.getTime()).toBeGreaterThanOrEqual(Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth(), issued.getUTCDate()));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
