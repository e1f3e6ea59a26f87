/**
 * The one registry of error codes. Every problem+json body carries one of these as `code`; the
 * HTTP status and title live here so a code always means the same thing. Documented in docs/ERRORS.md.
 * Modules add their codes here (keep alphabetical within a section).
 */
export const ERROR_CODES = {
  // generic
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BAD_CURSOR: { status: 400, title: 'The pagination cursor is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  CSRF_TOKEN_INVALID: { status: 403, title: 'Missing or wrong CSRF token' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflict with the current state' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still in progress' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This Idempotency-Key was used with a different request' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
  // auth
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  ACCOUNT_LOCKED: { status: 423, title: 'Too many failed sign-ins; the account is locked for a while' },
  COMPANY_SUSPENDED: { status: 403, title: 'The company account is not active' },
  RESET_TOKEN_INVALID: { status: 400, title: 'The password reset link is invalid or has expired' },
  WEAK_PASSWORD: { status: 400, title: 'The password is too weak' },
  API_KEY_INVALID: { status: 401, title: 'The API key is invalid or revoked' },
  SCOPE_MISSING: { status: 403, title: 'The API key lacks the scope for this call' },
  // accounts
  EMAIL_TAKEN: { status: 409, title: 'That email is already in use' },
  HIERARCHY_CYCLE: { status: 409, title: 'That parent would make the company its own ancestor' },
  COMPANY_HAS_CHILDREN: { status: 409, title: 'The company still has child companies' },
  LAST_ADMIN: { status: 409, title: 'A company must keep at least one admin' },
  // catalog
  SKU_TAKEN: { status: 409, title: 'That SKU is already in use' },
  SLUG_TAKEN: { status: 409, title: 'That slug is already in use' },
  CATEGORY_CYCLE: { status: 409, title: 'That parent would make the category its own ancestor' },
  CATEGORY_NOT_EMPTY: { status: 409, title: 'The category still has products or subcategories' },
  CSV_INVALID: { status: 400, title: 'The CSV file cannot be read' },
  // pricing: problems of a cart line (returned per line in a cart preview, not as a failed request)
  PRICE_UNAVAILABLE: { status: 422, title: 'The item has no price in your currency' },
  QUANTITY_ABOVE_MAX: { status: 422, title: 'The quantity is above the maximum for this item' },
  QUANTITY_BELOW_MIN: { status: 422, title: 'The quantity is below the minimum for this item' },
  QUANTITY_NOT_INCREMENT: { status: 422, title: 'The quantity is not a multiple of the increment for this item' },
  SKU_UNKNOWN: { status: 422, title: 'No item has this SKU' },
  // payments and invoicing
  CARD_DECLINED: { status: 402, title: 'The card was declined' },
  CARD_INVALID: { status: 422, title: 'The card details are not valid' },
  INSUFFICIENT_FUNDS: { status: 402, title: 'The card has insufficient funds' },
  INVOICE_NOT_PAYABLE: { status: 409, title: 'The invoice cannot take a payment in its current state' },
  NOTHING_TO_INVOICE: { status: 409, title: 'Everything on the order is already invoiced' },
  PAYMENT_CURRENCY_MISMATCH: { status: 422, title: 'The payment is in another currency than the invoices' },
  PAYMENT_EXCEEDS_BALANCE: { status: 422, title: 'The payment is more than the amount due' },
  REFUND_EXCEEDS_PAYMENT: { status: 422, title: 'The refund is more than what is left of the payment' },
  // checkout settings: tax, shipping, payment terms and credit
  CREDIT_ACCOUNT_MISSING: { status: 409, title: 'The company has no credit account' },
  CREDIT_CURRENCY_MISMATCH: { status: 422, title: "The amount is not in the currency of the company's credit account" },
  SHIPPING_METHOD_UNAVAILABLE: { status: 422, title: 'The shipping method is not available for this address, currency or weight' },
  TAX_RATE_CONFLICT: { status: 409, title: 'Another tax rate covers the same place, class and dates' },
  // carts, quick order, lists: line problems (returned per line, not as a failed request) and refusals
  CART_EMPTY: { status: 422, title: 'The cart is empty' },
  CART_NOT_OPEN: { status: 409, title: 'The cart has been ordered and can no longer change' },
  CART_TOO_LARGE: { status: 422, title: 'The cart has reached its maximum number of lines' },
  INSUFFICIENT_STOCK: { status: 422, title: 'Not enough of this item is in stock' },
  ITEM_UNAVAILABLE: { status: 422, title: 'The item is no longer available' },
  OUT_OF_STOCK: { status: 422, title: 'The item is out of stock' },
  QUICK_ORDER_TOO_LARGE: { status: 413, title: 'Too many lines for one quick order' },
  // checkout and orders
  CHECKOUT_CART_EMPTY: { status: 422, title: 'The cart has no lines to order' },
  CHECKOUT_CART_INVALID: { status: 409, title: 'Some cart lines need attention before checkout' },
  CHECKOUT_STOCK_SHORT: { status: 409, title: 'Some items are no longer in stock in the quantity ordered' },
  CREDIT_LIMIT_EXCEEDED: { status: 422, title: "The order is over the company's available credit" },
  DELIVERY_DATE_IN_PAST: { status: 422, title: 'The requested delivery date is in the past' },
  ORDER_TRANSITION_INVALID: { status: 409, title: 'The order cannot move to that status from its current one' },
  PAYMENT_METHOD_UNAVAILABLE: { status: 422, title: 'That payment method is not available to your company' },
  PO_NUMBER_REQUIRED: { status: 422, title: 'Your company requires a PO number on every order' },
  SHIP_TO_NOT_ALLOWED: { status: 422, title: 'You cannot ship to that address' },
  // shipments and tracking
  ORDER_NOT_SHIPPABLE: { status: 409, title: 'The order cannot ship in its current status' },
  SHIPMENT_EXTERNAL_ID_TAKEN: { status: 409, title: 'That external id belongs to a shipment of another order' },
  SHIPMENT_QUANTITY_EXCEEDED: { status: 409, title: 'More than remains to ship on the order line' },
  SHIPMENT_STOCK_SHORT: { status: 409, title: 'The warehouse does not have enough stock for this shipment' },
  // returns (RMA)
  RETURN_NOT_RETURNABLE: { status: 409, title: 'The order line has nothing shipped that can be returned' },
  RETURN_QUANTITY_EXCEEDED: { status: 409, title: 'More than was shipped and not yet returned on the order line' },
  RETURN_REFUND_UNAVAILABLE: { status: 409, title: 'The order was not paid by card; resolve the return with a credit memo' },
  RETURN_TRANSITION_INVALID: { status: 409, title: 'The return cannot move to that status from its current one' },
  RETURN_WINDOW_CLOSED: { status: 409, title: 'The return window for this order line has closed' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The unexpected-or-refused path: thrown, caught by the one error handler, rendered as RFC 9457
 * problem+json `{ type, title, status, detail, code, field? , errors? }`.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }
}

export const notFound = (what: string, field?: string) => new AppError('NOT_FOUND', `${what} not found`, field);
export const forbidden = (detail?: string) => new AppError('FORBIDDEN', detail);
export const invalid = (field: string, detail: string) => new AppError('VALIDATION_FAILED', detail, field);
