-- Purchase history and the per-company metrics segment rules read (spend_90d, categories_bought…).
-- Orders arrive from an import (ERP history: CSV or API) or, once the orders module exists, from
-- its outbox events; both land in purchase_orders, keyed by (source, external_ref) so that a
-- re-import or a re-delivered event updates the order instead of counting it twice.

create table purchase_orders (
  id            text primary key,
  company_id    text not null references companies (id) on delete cascade,
  -- Where the order came from ('import', an ERP name, 'precis' for our own orders) and its
  -- reference there: the idempotency key of every import.
  source        text not null check (source ~ '^[a-z0-9][a-z0-9_.-]{0,39}$'),
  external_ref  text not null check (length(external_ref) between 1 and 100),
  ordered_at    timestamptz not null,
  currency      text not null check (currency ~ '^[A-Z]{3}$'),
  -- Net order value in minor units: the sum of its lines.
  total         bigint not null check (total >= 0),
  -- Only placed (and later) orders count towards spend; pending, on-hold and cancelled ones do not.
  status        text not null default 'placed' check (status in ('pending_approval', 'on_hold', 'placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'cancelled')),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (source, external_ref)
);
create index purchase_orders_company on purchase_orders (company_id, ordered_at);

create table purchase_order_lines (
  order_id      text not null references purchase_orders (id) on delete cascade,
  line_no       integer not null check (line_no >= 1),
  -- The variant when the SKU is (still) in the catalog; the SKU, category and brand are kept as
  -- they were when the order was recorded, so a later catalog change does not rewrite history.
  variant_id    text references variants (id) on delete set null,
  sku           text not null check (length(sku) between 1 and 64),
  category_id   text references categories (id) on delete set null,
  category_slug text,
  brand_slug    text,
  quantity      integer not null check (quantity between 1 and 100000000),
  amount        bigint not null check (amount >= 0),
  primary key (order_id, line_no)
);
create index purchase_order_lines_variant on purchase_order_lines (variant_id) where variant_id is not null;

-- Quotes sent or under negotiation (quote.opened until quote.closed), for open_quote_count.
create table purchase_open_quotes (
  quote_id    text primary key,
  company_id  text not null references companies (id) on delete cascade,
  opened_at   timestamptz not null
);
create index purchase_open_quotes_company on purchase_open_quotes (company_id);

-- Invoices past due and unpaid (invoice.overdue until invoice.paid), for overdue_invoice_amount.
create table purchase_overdue_invoices (
  invoice_id  text primary key,
  company_id  text not null references companies (id) on delete cascade,
  currency    text not null check (currency ~ '^[A-Z]{3}$'),
  amount      bigint not null check (amount >= 0),
  due_at      timestamptz not null
);
create index purchase_overdue_invoices_company on purchase_overdue_invoices (company_id);

-- One row per company: the metrics as of `as_of` (windows count back from it). Recomputed for a
-- company when its history changes, and for everyone by the scheduled re-evaluation (windows
-- decay with time). Money maps are {"PKR": 6120000, …} in minor units; empty means none.
create table company_metrics (
  company_id              text primary key references companies (id) on delete cascade,
  spend_30d               jsonb not null default '{}' check (jsonb_typeof(spend_30d) = 'object'),
  spend_90d               jsonb not null default '{}' check (jsonb_typeof(spend_90d) = 'object'),
  spend_365d              jsonb not null default '{}' check (jsonb_typeof(spend_365d) = 'object'),
  spend_lifetime          jsonb not null default '{}' check (jsonb_typeof(spend_lifetime) = 'object'),
  order_count_30d         integer not null default 0 check (order_count_30d >= 0),
  order_count_90d         integer not null default 0 check (order_count_90d >= 0),
  order_count_365d        integer not null default 0 check (order_count_365d >= 0),
  order_count_lifetime    integer not null default 0 check (order_count_lifetime >= 0),
  average_order_value     jsonb not null default '{}' check (jsonb_typeof(average_order_value) = 'object'),
  first_order_at          timestamptz,
  last_order_at           timestamptz,
  categories_bought       text[] not null default '{}',
  brands_bought           text[] not null default '{}',
  open_quote_count        integer not null default 0 check (open_quote_count >= 0),
  overdue_invoice_amount  jsonb not null default '{}' check (jsonb_typeof(overdue_invoice_amount) = 'object'),
  as_of                   timestamptz not null,
  updated_at              timestamptz not null default now()
);
