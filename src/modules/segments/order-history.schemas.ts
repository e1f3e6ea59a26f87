import { Type } from 'typebox';
import { ORDER_STATUSES } from './domain/purchase-metrics.ts';
import { SOURCE_PATTERN } from './domain/order-history-rows.ts';

/** TypeBox schemas of the order-history import and the purchase-metrics read. */
const closed = { additionalProperties: false } as const;
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const Minor = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Minor units (paisa, cents)' });
const MoneyMap = Type.Record(Type.String(), Type.Integer(), { description: 'Amounts in minor units by ISO 4217 currency, e.g. {"PKR": 6120000}' });

export const OrderHistoryBody = Type.Object(
  {
    source: Type.Optional(
      Type.String({ pattern: SOURCE_PATTERN, maxLength: 40, description: "Where the orders come from (default 'import'); references are unique per source" }),
    ),
    orders: Type.Array(
      Type.Object(
        {
          externalRef: Type.String({ minLength: 1, maxLength: 100, description: 'The order number in the source system: re-sending it updates the order' }),
          companyId: Type.String({ minLength: 1, maxLength: 64 }),
          orderedAt: Type.String({ format: 'date-time', maxLength: 40 }),
          currency: Currency,
          status: Type.Optional(Type.Union(ORDER_STATUSES.map((s) => Type.Literal(s)), { description: "Default 'placed'; only placed and later (not cancelled) orders count towards spend" })),
          lines: Type.Array(
            Type.Object({ sku: Type.String({ minLength: 1, maxLength: 64 }), quantity: Type.Integer({ minimum: 1, maximum: 100_000_000 }), amount: Minor }, closed),
            { minItems: 1, maxItems: 1000 },
          ),
        },
        closed,
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  closed,
);

const Refreshed = {
  companies: Type.Integer({ description: 'Companies whose metrics were recomputed and membership re-evaluated' }),
  joined: Type.Integer({ description: 'Group joins that followed' }),
  left: Type.Integer({ description: 'Group leaves that followed' }),
};

export const OrderHistoryResult = Type.Object(
  {
    created: Type.Integer(),
    updated: Type.Integer(),
    failed: Type.Integer({ description: 'Orders not recorded' }),
    errors: Type.Array(Type.Object({ index: Type.Integer(), field: Type.String(), message: Type.String() }, closed)),
    ...Refreshed,
  },
  closed,
);

export const OrderHistoryCsvResult = Type.Object(
  {
    created: Type.Integer({ description: 'Orders recorded for the first time' }),
    updated: Type.Integer({ description: 'Orders replaced (same source and order_ref)' }),
    failed: Type.Integer({ description: 'Rows not imported' }),
    errors: Type.Array(Type.Object({ row: Type.Integer({ description: 'CSV line number (header = 1)' }), field: Type.String(), message: Type.String() }, closed)),
    ...Refreshed,
  },
  closed,
);

export const CompanyParams = Type.Object({ companyId: Type.String({ minLength: 1, maxLength: 64 }) }, closed);

export const PurchaseMetricsSchema = Type.Object(
  {
    companyId: Type.String(),
    spend_30d: MoneyMap,
    spend_90d: MoneyMap,
    spend_365d: MoneyMap,
    spend_lifetime: MoneyMap,
    order_count_30d: Type.Integer(),
    order_count_90d: Type.Integer(),
    order_count_365d: Type.Integer(),
    order_count_lifetime: Type.Integer(),
    average_order_value: MoneyMap,
    first_order_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    last_order_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    categories_bought: Type.Array(Type.String()),
    brands_bought: Type.Array(Type.String()),
    open_quote_count: Type.Integer(),
    overdue_invoice_amount: MoneyMap,
    asOf: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When these values were computed (later recomputations that change nothing leave it); null if never' }),
  },
  closed,
);

