-- Shared catalogs (per-company visibility): include/exclude rules by category (with its subtree),
-- product, brand and tag, assigned to everyone, customer groups or companies (optionally inherited
-- by descendants). The storefront resolves the catalogs reaching the caller's company and turns
-- their rules into one SQL predicate over products (src/modules/shared-catalogs).

create table shared_catalogs (
  id          text primary key,
  name        text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 2000),
  status      text not null default 'draft' check (status in ('draft', 'active')),
  -- Bumped by every change of the catalog, its rules or its assignments: the storefront keys its
  -- caches by (id, version), so a change can never be answered from a stale entry.
  version     integer not null default 1 check (version >= 1),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
-- Names compare case-insensitively so two catalogs cannot be told apart only by case.
create unique index shared_catalogs_name on shared_catalogs (lower(name));

create table shared_catalog_rules (
  catalog_id  text not null references shared_catalogs (id) on delete cascade,
  effect      text not null check (effect in ('include', 'exclude')),
  kind        text not null check (kind in ('category', 'product', 'brand', 'tag')),
  -- Exactly the column named by `kind` is set. Deleting a referenced row removes the rule: a deleted
  -- category, product or brand has no active products left to select.
  category_id text references categories (id) on delete cascade,
  product_id  text references products (id) on delete cascade,
  brand_id    text references brands (id) on delete cascade,
  tag         text check (tag is null or length(tag) between 1 and 100),
  check (num_nonnulls(category_id, product_id, brand_id, tag) = 1),
  check ((kind = 'category') = (category_id is not null)),
  check ((kind = 'product') = (product_id is not null)),
  check ((kind = 'brand') = (brand_id is not null)),
  check ((kind = 'tag') = (tag is not null))
);
create unique index shared_catalog_rules_unique on shared_catalog_rules (catalog_id, effect, kind, coalesce(category_id, product_id, brand_id, tag));
-- The foreign keys' cascades look rules up by the referenced row.
create index shared_catalog_rules_category on shared_catalog_rules (category_id) where category_id is not null;
create index shared_catalog_rules_product on shared_catalog_rules (product_id) where product_id is not null;
create index shared_catalog_rules_brand on shared_catalog_rules (brand_id) where brand_id is not null;

create table shared_catalog_assignments (
  catalog_id          text not null references shared_catalogs (id) on delete cascade,
  type                text not null check (type in ('everyone', 'group', 'company')),
  group_id            text references customer_groups (id) on delete cascade,
  company_id          text references companies (id) on delete cascade,
  include_descendants boolean not null default false,
  check ((type = 'everyone') = (group_id is null and company_id is null)),
  check ((type = 'group') = (group_id is not null)),
  check ((type = 'company') = (company_id is not null)),
  check (include_descendants = false or type = 'company')
);
create unique index shared_catalog_assignments_unique on shared_catalog_assignments (catalog_id, type, coalesce(group_id, company_id, ''));
-- Resolution per request: "assignments to these groups / these companies".
create index shared_catalog_assignments_group on shared_catalog_assignments (group_id) where group_id is not null;
create index shared_catalog_assignments_company on shared_catalog_assignments (company_id) where company_id is not null;
