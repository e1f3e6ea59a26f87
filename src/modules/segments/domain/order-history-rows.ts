/**
 * The order-history import format, pure: header check, one CSV row (an order line) to a typed line,
 * amounts in major units to minor units. Rows of one order share `order_ref` and sit together.
 */
import { currencyExponent } from '../../../lib/money.ts';
import { ORDER_STATUSES, type OrderStatus } from './purchase-metrics.ts';

export const ORDER_HISTORY_COLUMNS = ['order_ref', 'company_id', 'ordered_at', 'currency', 'sku', 'quantity', 'amount'] as const;
export const OPTIONAL_ORDER_HISTORY_COLUMNS = ['status', 'source'] as const;
export const KNOWN_ORDER_HISTORY_COLUMNS: readonly string[] = [...ORDER_HISTORY_COLUMNS, ...OPTIONAL_ORDER_HISTORY_COLUMNS];

/** The source recorded when a file or request names none: re-importing the same file updates its orders. */
export const DEFAULT_SOURCE = 'import';
export const SOURCE_PATTERN = '^[a-z0-9][a-z0-9_.-]{0,39}$';
const SOURCE_RE = new RegExp(SOURCE_PATTERN);
const CURRENCY_RE = /^[A-Z]{3}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface CellError {
  readonly field: string;
  readonly message: string;
}

/** One valid CSV row: a line of an order, with the order's fields repeated. */
export interface OrderHistoryRow {
  readonly row: number;
  readonly source: string;
  readonly orderRef: string;
  readonly companyId: string;
  readonly orderedAt: Date;
  readonly currency: string;
  readonly status: OrderStatus;
  readonly sku: string;
  readonly quantity: number;
  readonly amount: number;
}

/** First problem with a header row, or null: unknown, missing or repeated columns. */
export function checkOrderHistoryHeader(header: readonly string[]): CellError | null {
  const unknown = header.find((h) => !KNOWN_ORDER_HISTORY_COLUMNS.includes(h));
  if (unknown !== undefined) return { field: unknown || '(blank)', message: `unknown column "${unknown}"; expected ${KNOWN_ORDER_HISTORY_COLUMNS.join(', ')}` };
  const missing = ORDER_HISTORY_COLUMNS.find((r) => !header.includes(r));
  if (missing) return { field: missing, message: `missing column ${missing}` };
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) return { field: dup, message: `column ${dup} appears twice` };
  return null;
}

/**
 * Parses a decimal amount in major units ("1250.50") into minor units of `currency` (125050 for PKR),
 * refusing more decimals than the currency has, negatives and anything past the safe integer range.
 */
export function parseAmount(text: string, currency: string): { value: number } | { error: string } {
  const exp = currencyExponent(currency);
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return { error: `expected an amount like ${exp ? `1250.${'0'.repeat(exp)}` : '1250'} (no sign, no thousands separators), got "${text}"` };
  const frac = m[2] ?? '';
  if (frac.length > exp) return { error: `${currency} has ${exp} decimal place${exp === 1 ? '' : 's'}; "${text}" has ${frac.length}` };
  const value = Number(m[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(value)) return { error: `amount ${text} is too large` };
  return { value };
}

/** Parses `YYYY-MM-DD` (midnight UTC) or an ISO timestamp with a zone; null when neither. */
export function parseOrderedAt(text: string): Date | null {
  const t = text.trim();
  if (!DATE_ONLY.test(t) && !TIMESTAMP.test(t)) return null;
  const d = new Date(DATE_ONLY.test(t) ? `${t}T00:00:00Z` : t);
  if (Number.isNaN(d.getTime())) return null;
  // `2026-02-30` would roll over to March: refuse a day that does not exist.
  if (DATE_ONLY.test(t) && d.toISOString().slice(0, 10) !== t) return null;
  return d;
}

type Rec = Readonly<Record<string, string | undefined>>;

/** Validates one CSV row; every bad cell is reported with its column name. `now` refuses future orders. */
export function validateOrderHistoryRow(rec: Rec, row: number, now: Date): { value: OrderHistoryRow } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (name: string) => (rec[name] ?? '').trim();
  const required = (name: string, max: number): string => {
    const v = cell(name);
    if (!v) errors.push({ field: name, message: `${name} is required` });
    else if (v.length > max) errors.push({ field: name, message: `${name} is longer than ${max} characters` });
    return v;
  };
  const orderRef = required('order_ref', 100);
  const companyId = required('company_id', 64);
  const sku = required('sku', 64);
  const source = cell('source') || DEFAULT_SOURCE;
  if (!SOURCE_RE.test(source)) errors.push({ field: 'source', message: `source must be lower-case letters, digits, dot, dash or underscore (up to 40), got "${source}"` });

  const currency = cell('currency');
  if (!CURRENCY_RE.test(currency)) errors.push({ field: 'currency', message: `expected an ISO 4217 code like PKR, got "${currency}"` });

  const orderedAtText = cell('ordered_at');
  const orderedAt = parseOrderedAt(orderedAtText);
  if (!orderedAt) errors.push({ field: 'ordered_at', message: `expected a date like 2026-01-31 or 2026-01-31T10:15:00Z, got "${orderedAtText}"` });
  else if (orderedAt.getTime() > now.getTime()) errors.push({ field: 'ordered_at', message: `${orderedAtText} is in the future` });

  const statusText = cell('status').toLowerCase() || 'placed';
  const status = (ORDER_STATUSES as readonly string[]).includes(statusText) ? (statusText as OrderStatus) : null;
  if (!status) errors.push({ field: 'status', message: `expected one of ${ORDER_STATUSES.join(', ')}, got "${cell('status')}"` });

  const qtyText = cell('quantity');
  const quantity = /^\d{1,9}$/.test(qtyText) ? Number(qtyText) : NaN;
  if (!(quantity >= 1 && quantity <= 100_000_000)) errors.push({ field: 'quantity', message: `expected a whole number from 1 to 100000000, got "${qtyText}"` });

  let amount = 0;
  if (CURRENCY_RE.test(currency)) {
    const parsed = parseAmount(cell('amount'), currency);
    if ('error' in parsed) errors.push({ field: 'amount', message: parsed.error });
    else amount = parsed.value;
  }
  if (errors.length) return { errors };
  return { value: { row, source, orderRef, companyId, orderedAt: orderedAt!, currency, status: status!, sku, quantity, amount } };
}

/** A row of an order that disagrees with the order's first row on an order-level field. */
export function orderFieldMismatch(first: OrderHistoryRow, next: OrderHistoryRow): CellError | null {
  if (next.companyId !== first.companyId) return { field: 'company_id', message: `differs from row ${first.row} of order ${first.orderRef}` };
  if (next.orderedAt.getTime() !== first.orderedAt.getTime()) return { field: 'ordered_at', message: `differs from row ${first.row} of order ${first.orderRef}` };
  if (next.currency !== first.currency) return { field: 'currency', message: `differs from row ${first.row} of order ${first.orderRef}` };
  if (next.status !== first.status) return { field: 'status', message: `differs from row ${first.row} of order ${first.orderRef}` };
  return null;
}
