-- Returns (RMA): a buyer asks to return shipped order lines; staff approve or reject, receive the
-- goods (optionally back into stock) and resolve the return as a card refund or a credit memo.
-- Plus the log of transactional emails sent, so an event delivered twice never mails twice.

create sequence return_number_seq start 100001;

create table return_requests (
  id                  text primary key,
  number              text not null unique,                                   -- 'RMA-100001'
  company_id          text not null references companies (id) on delete restrict,
  order_id            text not null references orders (id) on delete restrict,
  order_number        text not null,
  status              text not null check (status in ('requested','approved','rejected','received','refunded','credited')),
  currency            text not null check (currency ~ '^[A-Z]{3}$'),
  requested_by        text references company_users (id) on delete set null,
  requested_by_name   text,
  comment             text check (length(comment) <= 2000),
  decision_reason     text check (length(decision_reason) <= 1000),
  restock_warehouse_id text references warehouses (id) on delete set null,
  resolution          text check (resolution in ('refund','credit_memo')),
  resolution_amount   bigint check (resolution_amount >= 0),
  resolution_ref      text,                                                   -- the refund or credit memo id
  locale              text not null default 'en',
  requested_at        timestamptz not null,
  decided_at          timestamptz,
  received_at         timestamptz,
  resolved_at         timestamptz,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  check ((resolution is null) = (status not in ('refunded','credited')))
);
create index return_requests_company on return_requests (company_id, requested_at desc, id desc);
create index return_requests_status on return_requests (status, requested_at desc, id desc);
create index return_requests_order on return_requests (order_id);

-- One row per order line asked back. While the return is open its requested quantity counts in
-- order_lines.quantity_returned (so the table's check quantity_returned <= quantity_shipped is the
-- last guard against returning more than was shipped); rejecting or receiving less gives it back.
create table return_lines (
  return_id          text not null references return_requests (id) on delete cascade,
  order_id           text not null,
  line_no            integer not null,
  sku                text not null,
  name               text not null,
  variant_id         text references variants (id) on delete set null,
  quantity           integer not null check (quantity between 1 and 100000000),
  quantity_received  integer check (quantity_received >= 0),
  reason             text not null check (reason in ('damaged','defective','wrong_item','not_as_described','ordered_by_mistake','no_longer_needed','other')),
  unit_price         bigint not null check (unit_price >= 0),
  tax_rate_bp        integer not null default 0 check (tax_rate_bp between 0 and 10000),
  primary key (return_id, line_no),
  foreign key (order_id, line_no) references order_lines (order_id, line_no) on delete restrict,
  check (quantity_received is null or quantity_received <= quantity)
);
create index return_lines_order_line on return_lines (order_id, line_no);

create table return_events (
  id          text primary key,
  return_id   text not null references return_requests (id) on delete cascade,
  type        text not null check (length(type) between 1 and 60),
  from_status text,
  to_status   text,
  actor_kind  text not null check (actor_kind in ('buyer','staff','apiKey','system')),
  actor_id    text,
  actor_name  text,
  detail      jsonb not null default '{}',
  at          timestamptz not null default now()
);
create index return_events_return on return_events (return_id, at, id);

-- Transactional emails sent: one row per outbox event and recipient, written in the dispatcher's
-- transaction before the mail goes out, so a redelivered event finds it and sends nothing.
create table notifications_sent (
  event_id    text not null,
  recipient   text not null check (length(recipient) between 3 and 320),
  kind        text not null check (length(kind) between 1 and 60),
  locale      text not null,
  subject     text not null,
  company_id  text,
  sent_at     timestamptz not null default now(),
  primary key (event_id, recipient)
);
create index notifications_sent_company on notifications_sent (company_id, sent_at desc) where company_id is not null;
