-- Payments (card charges through a payment provider, or recorded by staff / an ERP), invoices issued
-- per shipment (or by staff from an order), what each payment settles, and credit memos.

-- A payment: money received (or held) for an order or for one or more invoices. Card payments go
-- through a provider and are idempotent by (provider, reference); recorded ones (bank transfer,
-- cheque…) are idempotent by the ERP's external reference.
create table payments (
  id               text primary key,
  company_id       text references companies (id) on delete restrict,
  provider         text not null check (length(provider) between 1 and 40),     -- 'test', 'manual'
  reference        text not null check (length(reference) between 1 and 255),  -- our idempotency reference
  provider_ref     text,                                                       -- the provider's charge id
  method           text not null check (method in ('card','bank_transfer','cash','cheque','other')),
  status           text not null check (status in ('authorized','captured','partially_refunded','refunded')),
  pays_kind        text not null check (pays_kind in ('order','invoices')),
  pays_id          text,                                                       -- the order id (invoices: see invoice_payments)
  amount           bigint not null check (amount > 0),
  amount_refunded  bigint not null default 0 check (amount_refunded >= 0),
  currency         text not null check (currency ~ '^[A-Z]{3}$'),
  card_brand       text,
  card_last4       text check (card_last4 ~ '^[0-9]{4}$'),
  external_ref     text check (length(external_ref) <= 120),
  note             text check (length(note) <= 500),
  received_at      timestamptz not null default now(),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (amount_refunded <= amount),
  unique (provider, reference)
);
create index payments_company on payments (company_id, received_at desc, id desc);
create index payments_pays on payments (pays_kind, pays_id) where pays_id is not null;

create table payment_refunds (
  id           text primary key,
  payment_id   text not null references payments (id) on delete restrict,
  amount       bigint not null check (amount > 0),
  provider_ref text,
  reason       text check (length(reason) <= 500),
  created_at   timestamptz not null default now()
);
create index payment_refunds_payment on payment_refunds (payment_id, created_at);

create sequence invoice_number_seq start 100001;
create sequence credit_memo_number_seq start 100001;

create table invoices (
  id              text primary key,
  number          text not null unique,                                   -- 'INV-100001'
  company_id      text not null references companies (id) on delete restrict,
  order_id        text not null references orders (id) on delete restrict,
  order_number    text not null,
  shipment_id     text unique,                                            -- one invoice per shipment
  status          text not null check (status in ('open','partially_paid','paid','overdue','void')),
  currency        text not null check (currency ~ '^[A-Z]{3}$'),
  subtotal        bigint not null check (subtotal >= 0),
  shipping_total  bigint not null default 0 check (shipping_total >= 0),
  tax_total       bigint not null default 0 check (tax_total >= 0),
  total           bigint not null check (total >= 0),
  amount_paid     bigint not null default 0 check (amount_paid >= 0),
  amount_credited bigint not null default 0 check (amount_credited >= 0),
  payment_terms   text,
  po_number       text,
  buyer           jsonb not null check (jsonb_typeof(buyer) = 'object'),  -- legal name, VAT id, bill-to at issue time
  seller          jsonb not null check (jsonb_typeof(seller) = 'object'),
  locale          text not null default 'en',
  issued_at       timestamptz not null,
  due_at          timestamptz not null,
  paid_at         timestamptz,
  overdue_at      timestamptz,
  voided_at       timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  -- due_at is 00:00 UTC of the last day to pay (credit.dueDate), so it may precede issued_at on due-on-receipt terms
  check (amount_paid + amount_credited <= total)
);
create index invoices_company_issued on invoices (company_id, issued_at desc, id desc);
create index invoices_order on invoices (order_id);
create index invoices_unpaid_due on invoices (due_at) where status in ('open','partially_paid');
create index invoices_status on invoices (status, issued_at desc, id desc);

create table invoice_lines (
  invoice_id    text not null references invoices (id) on delete cascade,
  line_no       integer not null check (line_no >= 1),
  kind          text not null check (kind in ('item','shipping')),
  order_line_no integer,
  sku           text,
  name          text not null,
  quantity      integer not null check (quantity >= 1),
  unit_price    bigint not null check (unit_price >= 0),
  line_total    bigint not null check (line_total >= 0),
  tax_rate_bp   integer not null default 0 check (tax_rate_bp between 0 and 10000),
  tax_amount    bigint not null default 0 check (tax_amount >= 0),
  primary key (invoice_id, line_no),
  check ((kind = 'item') = (order_line_no is not null))
);

-- What a payment settles: one row per invoice it pays (a payment may pay several invoices).
create table invoice_payments (
  payment_id  text not null references payments (id) on delete restrict,
  invoice_id  text not null references invoices (id) on delete restrict,
  amount      bigint not null check (amount > 0),
  primary key (payment_id, invoice_id)
);
create index invoice_payments_invoice on invoice_payments (invoice_id);

create table credit_memos (
  id             text primary key,
  number         text not null unique,                                    -- 'CM-100001'
  company_id     text not null references companies (id) on delete restrict,
  order_id       text references orders (id) on delete restrict,
  return_id      text,
  currency       text not null check (currency ~ '^[A-Z]{3}$'),
  amount         bigint not null check (amount > 0),
  amount_applied bigint not null default 0 check (amount_applied >= 0),
  reason         text not null check (length(reason) between 1 and 500),
  lines          jsonb not null default '[]' check (jsonb_typeof(lines) = 'array'),
  issued_at      timestamptz not null,
  created_at     timestamptz not null default now(),
  check (amount_applied <= amount)
);
create index credit_memos_company on credit_memos (company_id, issued_at desc, id desc);
create unique index credit_memos_return on credit_memos (return_id) where return_id is not null;

-- How much of a credit memo went to which invoice.
create table credit_memo_applications (
  credit_memo_id text not null references credit_memos (id) on delete cascade,
  invoice_id     text not null references invoices (id) on delete restrict,
  amount         bigint not null check (amount > 0),
  primary key (credit_memo_id, invoice_id)
);
create index credit_memo_applications_invoice on credit_memo_applications (invoice_id);
