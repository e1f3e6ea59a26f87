-- Shipments of an order (part or all of its lines, from one warehouse) and the tracking events a
-- carrier, WMS or ERP pushes for them. Buyers watch both live: writes send NOTIFY precis_order_live
-- inside their transaction (delivered on commit, never on rollback) so every server process can
-- forward them to the order pages it streams to.

create table shipments (
  id               text primary key,
  order_id         text not null references orders (id) on delete cascade,
  -- Copied from the order so buyer-scoped reads need no join.
  company_id       text not null references companies (id) on delete restrict,
  seq              integer not null check (seq >= 1),
  number           text not null unique check (length(number) between 1 and 80),  -- 'SO-100001-1'
  status           text not null check (status in ('shipped','in_transit','out_for_delivery','delivered','exception')),
  carrier          text not null check (length(carrier) between 1 and 100),
  tracking_number  text check (length(tracking_number) between 1 and 100),
  tracking_url     text check (tracking_url ~ '^https?://' and length(tracking_url) <= 2000),
  warehouse_id     text references warehouses (id) on delete set null,
  -- The shipment's id in the system that sent it (WMS, ERP); makes the integration call idempotent.
  external_id      text check (length(external_id) between 1 and 120),
  created_by_kind  text not null check (created_by_kind in ('staff','apiKey','system')),
  created_by_id    text,
  shipped_at       timestamptz not null,
  delivered_at     timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (order_id, seq),
  check ((status = 'delivered') = (delivered_at is not null))
);
create index shipments_order on shipments (order_id, seq);
create index shipments_company on shipments (company_id, shipped_at desc);
create unique index shipments_external on shipments (external_id) where external_id is not null;

create table shipment_lines (
  shipment_id  text not null references shipments (id) on delete cascade,
  order_id     text not null,
  line_no      integer not null,
  quantity     integer not null check (quantity between 1 and 100000000),
  primary key (shipment_id, line_no),
  foreign key (order_id, line_no) references order_lines (order_id, line_no) on delete cascade
);
create index shipment_lines_order_line on shipment_lines (order_id, line_no);

create table tracking_events (
  id           text primary key,
  shipment_id  text not null references shipments (id) on delete cascade,
  -- The event's id at the carrier / WMS: a retried push with the same id is ignored.
  external_id  text check (length(external_id) between 1 and 120),
  status       text not null check (status in ('info_received','in_transit','out_for_delivery','delivered','failed_attempt','exception')),
  description  text check (length(description) <= 500),
  location     text check (length(location) <= 200),
  occurred_at  timestamptz not null,
  source_kind  text not null check (source_kind in ('staff','apiKey','system')),
  source_id    text,
  recorded_at  timestamptz not null default now()
);
create index tracking_events_shipment on tracking_events (shipment_id, occurred_at, id);
create unique index tracking_events_external on tracking_events (shipment_id, external_id) where external_id is not null;

-- Order status changes reach the live order page whoever makes them (checkout, staff, shipments,
-- the credit controller, SQL by hand). Row-level and only when the status really changes.
create function precis_order_live_status() returns trigger language plpgsql as $$
begin
  perform pg_notify('precis_order_live', json_build_object('orderId', new.id, 'kind', 'status', 'status', new.status)::text);
  return null;
end
$$;

create trigger orders_live_status after update of status on orders
  for each row when (old.status is distinct from new.status) execute function precis_order_live_status();
