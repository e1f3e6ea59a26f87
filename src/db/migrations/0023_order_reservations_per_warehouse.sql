-- An order's reservations as one row per warehouse (its lines and quantities side by side) instead
-- of one row per line: a 50-line order wrote 50 rows, 50 primary-key entries and 100 foreign-key
-- checks in its one write statement, about a quarter of that statement's time; most orders draw on
-- a handful of warehouses. The warehouse and the order stay foreign keys; the line numbers are
-- those of the order's lines, which never change once placed. `order_reservation_lines` reads them
-- as before, a row per line and warehouse.
create table order_reservations_by_warehouse (
  order_id     text not null references orders (id) on delete cascade,
  warehouse_id text not null references warehouses (id) on delete restrict,
  line_nos     integer[] not null,
  quantities   integer[] not null,
  primary key (order_id, warehouse_id),
  check (cardinality(line_nos) >= 1 and cardinality(line_nos) = cardinality(quantities)),
  check (0 <= all (quantities))
);

insert into order_reservations_by_warehouse (order_id, warehouse_id, line_nos, quantities)
select order_id, warehouse_id, array_agg(line_no order by line_no), array_agg(quantity order by line_no)
from order_reservations group by order_id, warehouse_id;

drop table order_reservations;
alter table order_reservations_by_warehouse rename to order_reservations;
alter table order_reservations rename constraint order_reservations_by_warehouse_pkey to order_reservations_pkey;
alter table order_reservations rename constraint order_reservations_by_warehouse_order_id_fkey to order_reservations_order_id_fkey;
alter table order_reservations rename constraint order_reservations_by_warehouse_warehouse_id_fkey to order_reservations_warehouse_id_fkey;

create view order_reservation_lines as
select r.order_id, x.line_no, r.warehouse_id, x.quantity
from order_reservations r cross join lateral unnest(r.line_nos, r.quantities) as x (line_no, quantity);
