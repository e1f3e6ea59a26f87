-- A purchase line's variant and category ids are what the line was recorded against, kept so rules
-- can follow the catalog while it exists; the SKU, category slug and brand slug are the history.
-- As foreign keys they cost every recorded order one lookup-and-lock per line and per reference
-- (two of the three checks of a 50-line order's 150), for ids the statement itself has just read
-- from the catalog. What the constraints did on delete — forget the id — is kept by triggers on the
-- catalog side, set-based, in the deleting statement. (A delete racing an order being recorded can
-- leave that order's lines naming the gone id: nothing joins on it without a left join, and the
-- slugs still say what was bought.)
alter table purchase_order_lines drop constraint purchase_order_lines_variant_id_fkey;
alter table purchase_order_lines drop constraint purchase_order_lines_category_id_fkey;

create function precis_purchase_lines_forget_variants() returns trigger language plpgsql as $$
begin
  update purchase_order_lines l set variant_id = null from old_rows o where l.variant_id = o.id;
  return null;
end $$;
create trigger variants_purchase_lines_forget after delete on variants
  referencing old table as old_rows for each statement execute function precis_purchase_lines_forget_variants();

-- The lines' update trigger (0019) then rebuilds purchase_bought for the companies concerned, as it
-- did after the constraint's own update.
create function precis_purchase_lines_forget_categories() returns trigger language plpgsql as $$
begin
  update purchase_order_lines l set category_id = null from old_rows o where l.category_id = o.id;
  return null;
end $$;
create trigger categories_purchase_lines_forget after delete on categories
  referencing old table as old_rows for each statement execute function precis_purchase_lines_forget_categories();
