-- Orders: placed from a cart at checkout, then confirmed, shipped and delivered (or cancelled / held).
create sequence order_number_seq start 100001;

create table orders (
  id               text primary key,
  number           text not null unique,                 -- 'SO-100001', from order_number_seq
  company_id       text not null references companies (id) on delete restrict,
  placed_by        text references company_users (id) on delete set null,
  placed_by_staff  text references staff_users (id) on delete set null,  -- a rep acting for the buyer
  cart_id          text,
  status           text not null check (status in ('pending_approval','on_hold','placed','confirmed','partially_shipped','shipped','delivered','cancelled')),
  currency         text not null check (currency ~ '^[A-Z]{3}$'),
  subtotal         bigint not null check (subtotal >= 0),
  shipping_total   bigint not null default 0 check (shipping_total >= 0),
  tax_total        bigint not null default 0 check (tax_total >= 0),
  total            bigint not null check (total >= 0),
  payment_method   text not null check (payment_method in ('account','card')),
  payment_terms    text,
  payment_id       text,
  po_number        text check (length(po_number) <= 60),
  requested_delivery_date date,
  notes            text check (length(notes) <= 2000),
  ship_to          jsonb not null check (jsonb_typeof(ship_to) = 'object'),
  shipping_method_id   text,
  shipping_method_name text,
  tax_exempt       boolean not null default false,
  vat_id           text,
  locale           text not null default 'en',
  placed_at        timestamptz not null default now(),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index orders_company_placed on orders (company_id, placed_at desc, id desc);
create index orders_status_placed on orders (status, placed_at desc);
create index orders_po on orders (company_id, lower(po_number)) where po_number is not null;

create table order_lines (
  order_id          text not null references orders (id) on delete cascade,
  line_no           integer not null check (line_no >= 1),
  variant_id        text references variants (id) on delete set null,
  sku               text not null,
  name              text not null,
  quantity          integer not null check (quantity between 1 and 100000000),
  unit_price        bigint not null check (unit_price >= 0),
  line_total        bigint not null check (line_total >= 0),
  tax_class         text not null default 'standard',
  tax_rate_bp       integer not null default 0 check (tax_rate_bp between 0 and 10000),
  tax_amount        bigint not null default 0 check (tax_amount >= 0),
  price_source      text,
  weight_grams      integer,
  quantity_shipped  integer not null default 0 check (quantity_shipped >= 0),
  quantity_returned integer not null default 0 check (quantity_returned >= 0),
  primary key (order_id, line_no),
  check (quantity_shipped <= quantity),
  check (quantity_returned <= quantity_shipped)
);
create index order_lines_variant on order_lines (variant_id) where variant_id is not null;

-- Stock held for an order line in one warehouse; consumed when shipped, freed when cancelled.
create table order_reservations (
  order_id     text not null,
  line_no      integer not null,
  warehouse_id text not null references warehouses (id) on delete restrict,
  quantity     integer not null check (quantity >= 0),
  primary key (order_id, line_no, warehouse_id),
  foreign key (order_id, line_no) references order_lines (order_id, line_no) on delete cascade
);

create table order_events (
  id          text primary key,
  order_id    text not null references orders (id) on delete cascade,
  type        text not null check (length(type) between 1 and 60),
  from_status text,
  to_status   text,
  actor_kind  text not null check (actor_kind in ('buyer','staff','apiKey','system')),
  actor_id    text,
  actor_name  text,
  detail      jsonb not null default '{}',
  at          timestamptz not null default now()
);
create index order_events_order on order_events (order_id, at, id);
