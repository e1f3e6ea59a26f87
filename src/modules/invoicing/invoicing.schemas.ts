import { Type } from 'typebox';
import { CardSchema, MoneySchema, PaymentSchema } from '../payments/index.ts';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const InvoiceStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('partially_paid'), Type.Literal('paid'), Type.Literal('overdue'), Type.Literal('void')]);

const Party = Type.Object(
  { legalName: Type.String(), vatId: Nullable(Type.String()), address: Type.Array(Type.String()), country: Nullable(Type.String()), email: Type.Optional(Nullable(Type.String())) },
  { additionalProperties: false },
);

export const InvoiceSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    companyId: Type.String(),
    companyName: Type.Optional(Type.String()),
    orderId: Type.String(),
    orderNumber: Type.String(),
    shipmentId: Nullable(Type.String()),
    status: InvoiceStatusSchema,
    subtotal: MoneySchema,
    shippingTotal: MoneySchema,
    taxTotal: MoneySchema,
    total: MoneySchema,
    amountPaid: MoneySchema,
    amountCredited: MoneySchema,
    balanceDue: MoneySchema,
    paymentTerms: Nullable(Type.String()),
    poNumber: Nullable(Type.String()),
    locale: Type.String(),
    issuedAt: DateTime,
    dueAt: DateTime,
    paidAt: Nullable(DateTime),
  },
  { additionalProperties: false },
);

export const InvoiceDetailSchema = Type.Object(
  {
    ...InvoiceSchema.properties,
    buyer: Party,
    seller: Party,
    lines: Type.Array(
      Type.Object(
        {
          lineNo: Type.Integer(),
          kind: Type.Union([Type.Literal('item'), Type.Literal('shipping')]),
          orderLineNo: Nullable(Type.Integer()),
          sku: Nullable(Type.String()),
          name: Type.String(),
          quantity: Type.Integer(),
          unitPrice: MoneySchema,
          lineTotal: MoneySchema,
          taxRateBp: Type.Integer(),
          taxAmount: MoneySchema,
        },
        { additionalProperties: false },
      ),
    ),
    payments: Type.Array(
      Type.Object(
        { paymentId: Type.String(), amount: MoneySchema, method: Type.String(), card: Nullable(Type.Object({ brand: Type.String(), last4: Type.String() }, { additionalProperties: false })), externalRef: Nullable(Type.String()), receivedAt: DateTime },
        { additionalProperties: false },
      ),
    ),
    creditMemos: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), amount: MoneySchema, reason: Type.String(), issuedAt: DateTime }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const InvoiceParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const CompanyParams = Type.Object({ companyId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const InvoiceListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(Type.Union([...InvoiceStatusSchema.anyOf, Type.Literal('unpaid')], { description: "A status, or 'unpaid' (open, partially paid and overdue)" })),
    orderId: Type.Optional(Type.String({ maxLength: 64 })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Invoice, order or PO number contains' })),
  },
  { additionalProperties: false },
);

export const AdminInvoiceListQuery = Type.Object({ ...InvoiceListQuery.properties, companyId: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false });

export const InvoicePage = Type.Object({ items: Type.Array(InvoiceSchema), nextCursor: Nullable(Type.String()) }, { additionalProperties: false });

export const PayInvoicesBody = Type.Object(
  { invoiceIds: Type.Array(Id, { minItems: 1, maxItems: 50, description: 'Invoices to pay in full, in one card payment' }), card: CardSchema },
  { additionalProperties: false },
);

export const PayInvoicesResult = Type.Object({ payment: PaymentSchema, invoices: Type.Array(InvoiceSchema) }, { additionalProperties: false });

export const IssueInvoiceBody = Type.Object(
  {
    shipmentId: Type.Optional(Type.String({ maxLength: 64, description: 'Bill this shipment (its quantities)' })),
    lines: Type.Optional(Type.Array(Type.Object({ orderLineNo: Type.Integer({ minimum: 1, maximum: 100_000 }), quantity: Type.Integer({ minimum: 1, maximum: 100_000_000 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 })),
  },
  { additionalProperties: false },
);

export const RecordPaymentBody = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Minor units' }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    method: Type.Union([Type.Literal('bank_transfer'), Type.Literal('cash'), Type.Literal('cheque'), Type.Literal('card'), Type.Literal('other')]),
    externalRef: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Your reference (ERP document, bank reference): the same one again is a replay, not a second payment' })),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const RecordPaymentResult = Type.Object({ payment: PaymentSchema, invoice: InvoiceSchema, created: Type.Boolean() }, { additionalProperties: false });

export const CreditMemoSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    companyId: Type.String(),
    orderId: Nullable(Type.String()),
    returnId: Nullable(Type.String()),
    amount: MoneySchema,
    amountApplied: MoneySchema,
    reason: Type.String(),
    lines: Type.Array(
      Type.Object({ orderLineNo: Type.Optional(Nullable(Type.Integer())), sku: Type.Optional(Nullable(Type.String())), name: Type.String(), quantity: Type.Integer(), amount: Type.Integer() }, { additionalProperties: false }),
    ),
    issuedAt: DateTime,
    applications: Type.Array(Type.Object({ invoiceId: Type.String(), amount: MoneySchema }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const CreditMemoBody = Type.Object(
  {
    companyId: Type.String({ maxLength: 64 }),
    orderId: Type.Optional(Type.String({ maxLength: 64 })),
    amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const StatementQuery = Type.Object(
  { from: Type.Optional(Type.String({ format: 'date', maxLength: 10 })), to: Type.Optional(Type.String({ format: 'date', maxLength: 10 })) },
  { additionalProperties: false },
);

const Bucket = MoneySchema;
export const StatementSchema = Type.Object(
  {
    companyId: Type.String(),
    companyName: Type.String(),
    currency: Type.String(),
    from: DateTime,
    to: DateTime,
    openingBalance: Type.Object({ amount: Type.Integer(), currency: Type.String() }, { additionalProperties: false }),
    closingBalance: Type.Object({ amount: Type.Integer(), currency: Type.String() }, { additionalProperties: false }),
    entries: Type.Array(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('invoice'), Type.Literal('payment'), Type.Literal('credit_memo')]),
          id: Type.String(),
          reference: Type.String(),
          description: Type.String(),
          at: DateTime,
          debit: MoneySchema,
          credit: MoneySchema,
          balance: Type.Object({ amount: Type.Integer(), currency: Type.String() }, { additionalProperties: false }),
        },
        { additionalProperties: false },
      ),
    ),
    ageing: Type.Object(
      {
        asOf: DateTime,
        buckets: Type.Object({ current: Bucket, days1to30: Bucket, days31to60: Bucket, days61to90: Bucket, days90plus: Bucket }, { additionalProperties: false }),
        total: MoneySchema,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
