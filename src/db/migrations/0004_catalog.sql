-- Catalog: brands, categories (a tree), products, variants, warehouses and inventory, plus the
-- search machinery (a weighted tsvector, a trigram-indexed normalised name, attribute terms).

-- `simple` (no stemming: SKUs, brand names and many languages) with accents folded.
create text search configuration precis_simple (copy = simple);
alter text search configuration precis_simple
  alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
  with unaccent, simple;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe to index.
create function catalog_norm(t text) returns text
  language sql immutable strict parallel safe
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

create table brands (
  id         text primary key,
  name       text not null check (length(name) between 1 and 200),
  slug       text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index brands_name_lower on brands (lower(name));

create table categories (
  id         text primary key,
  parent_id  text references categories (id) on delete restrict,
  name       text not null check (length(name) between 1 and 200),
  slug       text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 200),
  position   integer not null default 0,
  -- Ids from the root down to this category, each followed by '/': a subtree is `path like 'x/%'`.
  path       text not null default '',
  depth      integer not null default 0 check (depth >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
create index categories_parent on categories (parent_id, position, name);
create index categories_path on categories (path text_pattern_ops);

-- Bulk loaders may omit path/depth: they are derived from the parent (parents listed before children).
create function catalog_category_path() returns trigger language plpgsql as $$
declare parent_path text;
begin
  if new.path is null or new.path = '' then
    if new.parent_id is null then
      new.path := new.id || '/';
      new.depth := 0;
    else
      select path into parent_path from categories where id = new.parent_id;
      new.path := coalesce(parent_path, new.parent_id || '/') || new.id || '/';
      new.depth := array_length(string_to_array(rtrim(new.path, '/'), '/'), 1) - 1;
    end if;
  end if;
  return new;
end $$;
create trigger categories_path before insert on categories
  for each row execute function catalog_category_path();

create table products (
  id          text primary key,
  slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 200),
  name        text not null check (length(name) between 1 and 300),
  description text not null default '',
  brand_id    text references brands (id) on delete restrict,
  category_id text references categories (id) on delete restrict,
  status      text not null default 'draft' check (status in ('draft', 'active', 'archived')),
  attributes  jsonb not null default '{}' check (jsonb_typeof(attributes) = 'object'),
  images      text[] not null default '{}',
  tags        text[] not null default '{}',
  -- Maintained by triggers (below) from the product, its brand and its variants:
  search_doc  tsvector,                           -- name A, SKUs/GTINs/brand B, description C
  search_name text,                               -- catalog_norm(name), trigram-indexed for typos
  attr_terms  text[] not null default '{}',       -- 'name=value' of the product's and active variants' attributes
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index products_search_doc on products using gin (search_doc);
create index products_search_name on products using gin (search_name gin_trgm_ops);
create index products_attr_terms on products using gin (attr_terms);
create index products_tags on products using gin (tags);
create index products_category on products (category_id) where status = 'active';
create index products_brand on products (brand_id) where status = 'active';
create index products_active_name on products (name, id) where status = 'active';

create table variants (
  id           text primary key,
  product_id   text not null references products (id) on delete cascade,
  sku          text not null check (length(sku) between 1 and 64),
  gtin         text check (gtin ~ '^[0-9]{8,14}$'),
  name         text not null default '' check (length(name) <= 300),
  uom          text not null default 'each' check (length(uom) between 1 and 20),
  pack_size    integer not null default 1 check (pack_size between 1 and 1000000),
  weight_grams integer check (weight_grams between 0 and 100000000),
  attributes   jsonb not null default '{}' check (jsonb_typeof(attributes) = 'object'),
  tax_class    text not null default 'standard' check (length(tax_class) between 1 and 40),
  status       text not null default 'active' check (status in ('active', 'inactive')),
  position     integer not null default 0,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
-- Case-insensitive uniqueness and `lower(sku) like 'abc%'` prefix search from one index.
create unique index variants_sku_lower on variants (lower(sku) text_pattern_ops);
create index variants_product on variants (product_id, position, id);
create index variants_gtin on variants (gtin) where gtin is not null;

create table warehouses (
  id         text primary key,
  code       text not null check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
  name       text not null check (length(name) between 1 and 200),
  country    text not null check (country ~ '^[A-Z]{2}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index warehouses_code_lower on warehouses (lower(code));

create table inventory (
  variant_id   text not null references variants (id) on delete cascade,
  warehouse_id text not null references warehouses (id) on delete restrict,
  on_hand      integer not null default 0 check (on_hand >= 0),
  reserved     integer not null default 0 check (reserved >= 0),
  -- With backorders allowed, reservations may exceed what is on hand.
  backorder    boolean not null default false,
  updated_at   timestamptz not null default now(),
  primary key (variant_id, warehouse_id),
  check (backorder or reserved <= on_hand)
);
create index inventory_warehouse on inventory (warehouse_id);

-- Search document, normalised name and attribute terms, recomputed whenever a product row is written.
create function catalog_product_refresh() returns trigger language plpgsql as $$
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
  return new;
end $$;
create trigger products_refresh before insert or update on products
  for each row execute function catalog_product_refresh();

-- Variant writes re-touch their products once per statement (bulk loads stay one pass per product);
-- the product's updated_at moves, so integrations syncing by updatedSince see variant changes.
create function catalog_variants_touch_new() returns trigger language plpgsql as $$
begin
  update products set updated_at = now() where id in (select distinct product_id from new_rows);
  return null;
end $$;
create function catalog_variants_touch_old() returns trigger language plpgsql as $$
begin
  update products set updated_at = now() where id in (select distinct product_id from old_rows);
  return null;
end $$;
create trigger variants_after_insert after insert on variants
  referencing new table as new_rows for each statement execute function catalog_variants_touch_new();
create trigger variants_after_update_new after update on variants
  referencing new table as new_rows for each statement execute function catalog_variants_touch_new();
create trigger variants_after_update_old after update on variants
  referencing old table as old_rows for each statement execute function catalog_variants_touch_old();
create trigger variants_after_delete after delete on variants
  referencing old table as old_rows for each statement execute function catalog_variants_touch_old();

create function catalog_brand_renamed() returns trigger language plpgsql as $$
begin
  update products set updated_at = now() where brand_id = new.id;
  return null;
end $$;
create trigger brands_after_rename after update of name on brands
  for each row when (old.name is distinct from new.name) execute function catalog_brand_renamed();
