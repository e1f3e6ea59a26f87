-- What each company has bought, kept incrementally: one row per (company, category id, category slug,
-- brand slug) with the number of counted orders (status placed … delivered) holding at least one line
-- with that combination. The metrics query reads it instead of scanning every line of a company's
-- whole history after each order. Exactness matters (categories_bought / brands_bought feed group
-- rules), so the counts are maintained by statement-level triggers on purchase_orders and
-- purchase_order_lines: every writer (order events, imports, the demo seeder, bulk loads) keeps them
-- right in the transaction of its write, with one set-based statement per write statement.

create table purchase_bought (
  company_id     text not null references companies (id) on delete cascade,
  -- Not a foreign key: a deleted category sets the lines' category_id to null, and the rows of the
  -- affected companies are then rebuilt (see below) so they merge exactly.
  category_id    text,
  category_slug  text,
  brand_slug     text,
  orders         integer not null check (orders > 0)
);
-- The three keys may be null (a line without category or brand): null matches null.
create unique index purchase_bought_key on purchase_bought (company_id, category_id, category_slug, brand_slug) nulls not distinct;

-- Must list exactly COUNTED_STATUSES of src/modules/segments/domain/purchase-metrics.ts.
create function precis_bought_counted(status text) returns boolean language sql immutable as $$
  select status in ('placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered')
$$;

-- Recomputes the rows of some companies from their lines (rare paths: order deletes, line updates).
create function precis_bought_rebuild(ids text[]) returns void language plpgsql as $$
begin
  delete from purchase_bought where company_id = any (ids);
  insert into purchase_bought (company_id, category_id, category_slug, brand_slug, orders)
  select o.company_id, l.category_id, l.category_slug, l.brand_slug, count(distinct o.id)::int
  from purchase_orders o join purchase_order_lines l on l.order_id = o.id
  where o.company_id = any (ids) and precis_bought_counted(o.status)
    and exists (select 1 from companies c where c.id = o.company_id)
  group by o.company_id, l.category_id, l.category_slug, l.brand_slug;
end $$;

-- New lines: each counted order adds one to every combination it did not hold before.
create function precis_bought_lines_insert() returns trigger language plpgsql as $$
begin
  -- Per order and combination: new if the order holds no line with it besides the new ones. Joins
  -- on order_id (hashable), so a bulk load of many orders stays linear.
  with n as (
    select order_id, category_id, category_slug, brand_slug, count(*) as added
    from new_lines group by order_id, category_id, category_slug, brand_slug
  ), have as (
    select l.order_id, l.category_id, l.category_slug, l.brand_slug, count(*) as lines
    from purchase_order_lines l join (select distinct order_id from new_lines) k on k.order_id = l.order_id
    group by l.order_id, l.category_id, l.category_slug, l.brand_slug
  )
  insert into purchase_bought as pb (company_id, category_id, category_slug, brand_slug, orders)
  select o.company_id, n.category_id, n.category_slug, n.brand_slug, count(*)::int
  from n
  join have h on h.order_id = n.order_id and h.category_id is not distinct from n.category_id
    and h.category_slug is not distinct from n.category_slug and h.brand_slug is not distinct from n.brand_slug
  join purchase_orders o on o.id = n.order_id
  where precis_bought_counted(o.status) and h.lines = n.added
  group by o.company_id, n.category_id, n.category_slug, n.brand_slug
  on conflict (company_id, category_id, category_slug, brand_slug) do update set orders = pb.orders + excluded.orders;
  return null;
end $$;
create trigger purchase_order_lines_bought_insert after insert on purchase_order_lines
  referencing new table as new_lines for each statement execute function precis_bought_lines_insert();

-- Removed lines: each counted order takes one from every combination it no longer holds. Lines
-- removed with their order (cascade) find no order here; the order delete trigger rebuilds those.
create function precis_bought_lines_delete() returns trigger language plpgsql as $$
begin
  with gone as (
    select o.company_id, d.category_id, d.category_slug, d.brand_slug, count(*)::int as n
    from (select distinct order_id, category_id, category_slug, brand_slug from old_lines) d
    join purchase_orders o on o.id = d.order_id
    where precis_bought_counted(o.status)
      and not exists (
        select 1 from purchase_order_lines l
        where l.order_id = d.order_id
          and l.category_id is not distinct from d.category_id and l.category_slug is not distinct from d.category_slug and l.brand_slug is not distinct from d.brand_slug)
    group by o.company_id, d.category_id, d.category_slug, d.brand_slug
  ), dropped as (
    delete from purchase_bought pb using gone g
    where pb.company_id = g.company_id and pb.category_id is not distinct from g.category_id and pb.category_slug is not distinct from g.category_slug
      and pb.brand_slug is not distinct from g.brand_slug and pb.orders <= g.n
    returning pb.company_id
  )
  update purchase_bought pb set orders = pb.orders - g.n from gone g
  where pb.company_id = g.company_id and pb.category_id is not distinct from g.category_id and pb.category_slug is not distinct from g.category_slug
    and pb.brand_slug is not distinct from g.brand_slug and pb.orders > g.n;
  return null;
end $$;
create trigger purchase_order_lines_bought_delete after delete on purchase_order_lines
  referencing old table as old_lines for each statement execute function precis_bought_lines_delete();

-- Lines are only updated by the catalog (a deleted category sets category_id to null): rebuild the
-- companies concerned.
create function precis_bought_lines_update() returns trigger language plpgsql as $$
begin
  perform precis_bought_rebuild(array(
    select distinct o.company_id
    from new_lines n join old_lines d on d.order_id = n.order_id and d.line_no = n.line_no
    join purchase_orders o on o.id = n.order_id
    where (n.category_id, n.category_slug, n.brand_slug) is distinct from (d.category_id, d.category_slug, d.brand_slug)));
  return null;
end $$;
create trigger purchase_order_lines_bought_update after update on purchase_order_lines
  referencing old table as old_lines new table as new_lines for each statement execute function precis_bought_lines_update();

-- An order entering or leaving the counted statuses (a cancellation, a re-import) or moving to
-- another company: its combinations leave the old company's counts and join the new one's.
create function precis_bought_orders_update() returns trigger language plpgsql as $$
begin
  with moved as (
    select d.id, d.company_id as old_company, n.company_id as new_company,
      precis_bought_counted(d.status) as was, precis_bought_counted(n.status) as is_now
    from old_orders d join new_orders n on n.id = d.id
    where precis_bought_counted(d.status) <> precis_bought_counted(n.status)
       or (d.company_id <> n.company_id and (precis_bought_counted(d.status) or precis_bought_counted(n.status)))
  ), combos as (
    select distinct m.id, m.old_company, m.new_company, m.was, m.is_now, l.category_id, l.category_slug, l.brand_slug
    from moved m join purchase_order_lines l on l.order_id = m.id
  ), delta as (
    select company_id, category_id, category_slug, brand_slug, sum(n)::int as n from (
      select old_company as company_id, category_id, category_slug, brand_slug, -1 as n from combos where was
      union all
      select new_company, category_id, category_slug, brand_slug, 1 from combos where is_now
    ) x group by company_id, category_id, category_slug, brand_slug having sum(n) <> 0
  ), dropped as (
    delete from purchase_bought pb using delta g
    where g.n < 0 and pb.company_id = g.company_id and pb.category_id is not distinct from g.category_id and pb.category_slug is not distinct from g.category_slug
      and pb.brand_slug is not distinct from g.brand_slug and pb.orders <= -g.n
    returning pb.company_id
  ), lowered as (
    update purchase_bought pb set orders = pb.orders + g.n from delta g
    where g.n < 0 and pb.company_id = g.company_id and pb.category_id is not distinct from g.category_id and pb.category_slug is not distinct from g.category_slug
      and pb.brand_slug is not distinct from g.brand_slug and pb.orders > -g.n
    returning pb.company_id
  )
  insert into purchase_bought as pb (company_id, category_id, category_slug, brand_slug, orders)
  select company_id, category_id, category_slug, brand_slug, n from delta where n > 0
  on conflict (company_id, category_id, category_slug, brand_slug) do update set orders = pb.orders + excluded.orders;
  return null;
end $$;
create trigger purchase_orders_bought_update after update on purchase_orders
  referencing old table as old_orders new table as new_orders for each statement execute function precis_bought_orders_update();

-- Deleted orders (their lines go with them, so there is nothing left to subtract): rebuild the
-- companies concerned; a deleted company's rows go with it anyway.
create function precis_bought_orders_delete() returns trigger language plpgsql as $$
begin
  perform precis_bought_rebuild(array(select distinct company_id from old_orders where precis_bought_counted(status)));
  return null;
end $$;
create trigger purchase_orders_bought_delete after delete on purchase_orders
  referencing old table as old_orders for each statement execute function precis_bought_orders_delete();

-- Truncated lines (directly, or with their orders or companies by cascade) leave nothing bought.
create function precis_bought_lines_truncate() returns trigger language plpgsql as $$
begin
  delete from purchase_bought;
  return null;
end $$;
create trigger purchase_order_lines_bought_truncate after truncate on purchase_order_lines
  for each statement execute function precis_bought_lines_truncate();

-- Backfill from the history recorded so far.
insert into purchase_bought (company_id, category_id, category_slug, brand_slug, orders)
select o.company_id, l.category_id, l.category_slug, l.brand_slug, count(distinct o.id)::int
from purchase_orders o join purchase_order_lines l on l.order_id = o.id
where precis_bought_counted(o.status)
group by o.company_id, l.category_id, l.category_slug, l.brand_slug;
