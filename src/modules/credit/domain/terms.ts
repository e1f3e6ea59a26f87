/**
 * Payment terms as data: the codes a company or customer group may carry and when an invoice
 * issued under them falls due. Pure: no clock, no database.
 */
export const PAYMENT_TERMS = ['due_on_receipt', 'net7', 'net15', 'net30', 'net60', 'net90', 'eom'] as const;
export type PaymentTermsCode = (typeof PAYMENT_TERMS)[number];

/** Days after the issue date for the net terms (due on receipt is 0 days). */
const NET_DAYS: Readonly<Record<Exclude<PaymentTermsCode, 'eom'>, number>> = { due_on_receipt: 0, net7: 7, net15: 15, net30: 30, net60: 60, net90: 90 };

/** English labels; the web app translates by code (`credit.terms.<code>`). */
export const PAYMENT_TERMS_LABELS: Readonly<Record<PaymentTermsCode, string>> = {
  due_on_receipt: 'Due on receipt',
  net7: 'Net 7',
  net15: 'Net 15',
  net30: 'Net 30',
  net60: 'Net 60',
  net90: 'Net 90',
  eom: 'End of month following',
};

export function isPaymentTermsCode(value: string): value is PaymentTermsCode {
  return (PAYMENT_TERMS as readonly string[]).includes(value);
}

export interface PaymentTerms {
  code: PaymentTermsCode;
  label: string;
}

export function paymentTerms(code: PaymentTermsCode): PaymentTerms {
  return { code, label: PAYMENT_TERMS_LABELS[code] };
}

const DAY_MS = 86_400_000;

/**
 * The day an invoice issued at `issuedAt` under `terms` falls due, as 00:00 UTC of that day; the
 * invoice is payable through the end of that day and overdue from the next (`dueAt + 1 day <= now`).
 * Days are UTC calendar days of the issue instant:
 * - `due_on_receipt`: the issue day itself;
 * - `netN`: the issue day plus N calendar days (Net 30 issued 31 Jan → 2 Mar, or 1 Mar in a leap year);
 * - `eom` ("end of month following"): the last day of the month after the issue month
 *   (issued any day in January → 28/29 February; issued in December → 31 January next year).
 */
export function dueDate(terms: PaymentTermsCode, issuedAt: Date): Date {
  const t = issuedAt.getTime();
  if (!Number.isFinite(t)) throw new RangeError('dueDate: issuedAt is not a valid date');
  const y = issuedAt.getUTCFullYear();
  const m = issuedAt.getUTCMonth();
  const d = issuedAt.getUTCDate();
  if (terms === 'eom') return new Date(Date.UTC(y, m + 2, 0)); // day 0 of month m+2 = last day of month m+1
  return new Date(Date.UTC(y, m, d) + NET_DAYS[terms] * DAY_MS);
}
