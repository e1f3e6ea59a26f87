-- Catalog search, part two: a lexicon of every word in the product search documents, trigram
-- indexed, for typo tolerance. Matching a misspelt word against ~10^4 distinct words and searching
-- with the corrections is far cheaper than trigram-comparing it with every product name (the
-- approach the pg_trgm documentation recommends for spelling suggestions).
create table search_words (
  word text primary key
);
create index search_words_trgm on search_words using gin (word gin_trgm_ops);

create or replace function catalog_product_refresh() returns trigger language plpgsql as $$
begin
  new.search_name := catalog_norm(new.name);
  new.search_doc :=
       setweight(to_tsvector('precis_simple', coalesce(new.name, '')), 'A')
    || setweight(to_tsvector('precis_simple',
         coalesce((select b.name from brands b where b.id = new.brand_id), '') || ' ' ||
         coalesce((select string_agg(v.sku || coalesce(' ' || v.gtin, ''), ' ') from variants v where v.product_id = new.id), '')), 'B')
    || setweight(to_tsvector('precis_simple', coalesce(new.description, '')), 'C');
  new.attr_terms := array(
    select distinct t from (
      select e.key || '=' || e.value as t from jsonb_each_text(new.attributes) e
      union
      select e.key || '=' || e.value from variants v, jsonb_each_text(v.attributes) e
       where v.product_id = new.id and v.status = 'active'
    ) s where t is not null order by t);
  -- Words of three letters or more feed the lexicon (digits-only tokens and SKUs fragments are no typos).
  insert into search_words (word)
    select w from unnest(tsvector_to_array(to_tsvector('precis_simple', coalesce(new.name, '') || ' ' || coalesce(new.description, '')))) w
    where length(w) between 3 and 40 and w ~ '^[[:alpha:]]+$'
    on conflict do nothing;
  return new;
end $$;

insert into search_words (word)
  select distinct w from products, unnest(tsvector_to_array(search_doc)) w
  where length(w) between 3 and 40 and w ~ '^[[:alpha:]]+$'
  on conflict do nothing;
