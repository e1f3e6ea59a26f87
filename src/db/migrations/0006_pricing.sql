-- Pricing: price lists (base, standard, derived), who they target, their entries per variant, and
-- company contract prices. The resolution engine lives in src/modules/pricing/domain; these tables
-- only hold its input. Money is bigint minor units of the list's currency.

create table price_lists (
  id          text primary key,
  name        text not null check (length(name) between 1 and 200),
  currency    text not null check (currency ~ '^[A-Z]{3}$'),
  status      text not null default 'draft' check (status in ('draft', 'active')),
  valid_from  timestamptz,
  valid_to    timestamptz,
  priority    integer not null default 0,
  kind        text not null default 'standard' check (kind in ('base', 'standard', 'derived')),
  -- DerivedRule of the engine ({ baseListId, adjustment, scope?, rounding }); present iff kind = 'derived'.
  derived     jsonb,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  check (valid_from is null or valid_to is null or valid_from < valid_to),
  check ((kind = 'derived') = (derived is not null))
);
create index price_lists_currency on price_lists (currency, status);

create table price_list_targets (
  list_id             text not null references price_lists (id) on delete cascade,
  type                text not null check (type in ('everyone', 'channel', 'group', 'company')),
  -- Channel code, group id or company id; '' for everyone (keeps the primary key simple).
  target_id           text not null default '',
  include_descendants boolean not null default false,
  primary key (list_id, type, target_id),
  check ((type = 'everyone') = (target_id = '')),
  check (include_descendants = false or type = 'company')
);
-- Loader: "which lists target these companies / groups / channels".
create index price_list_targets_target on price_list_targets (type, target_id);

create table price_list_entries (
  list_id       text not null references price_lists (id) on delete cascade,
  variant_id    text not null references variants (id) on delete cascade,
  unit_price    bigint not null check (unit_price >= 0),
  -- [{ "minQty": n, "unitPrice": m }], validated by the engine before writing.
  tiers         jsonb not null default '[]'::jsonb check (jsonb_typeof(tiers) = 'array'),
  qty_min       integer check (qty_min > 0),
  qty_max       integer check (qty_max > 0),
  qty_increment integer check (qty_increment > 0),
  updated_at    timestamptz not null default now(),
  primary key (list_id, variant_id),
  check (qty_min is null or qty_max is null or qty_min <= qty_max),
  check (qty_increment is null or qty_min is null or qty_min % qty_increment = 0),
  check (qty_increment is null or qty_max is null or qty_max % qty_increment = 0)
);
-- Loader: "every entry pricing these variants" (the primary key serves "entries of a list").
create index price_list_entries_variant on price_list_entries (variant_id, list_id);

create table contract_prices (
  id          text primary key,
  company_id  text not null references companies (id) on delete cascade,
  variant_id  text not null references variants (id) on delete cascade,
  currency    text not null check (currency ~ '^[A-Z]{3}$'),
  unit_price  bigint not null check (unit_price >= 0),
  tiers       jsonb not null default '[]'::jsonb check (jsonb_typeof(tiers) = 'array'),
  reference   text not null check (length(reference) between 1 and 100),
  valid_to    timestamptz not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (company_id, variant_id, currency, reference)
);
create index contract_prices_variant on contract_prices (variant_id);
