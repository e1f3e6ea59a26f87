-- Checkout settings: tax rates and exemptions, shipping methods with weight-band rates, payment
-- terms (per company or customer group) and credit accounts with an exposure ledger.

-- Tax rates are data, not code: one row per (country, region or whole country, tax class) and
-- validity window [valid_from, valid_to). A region-specific row beats the country-wide one.
create table tax_rates (
  id          text primary key,
  country     text not null check (country ~ '^[A-Z]{2}$'),
  region      text check (region is null or length(region) between 1 and 100),
  tax_class   text not null check (length(tax_class) between 1 and 40),
  rate_bp     integer not null check (rate_bp between 0 and 10000),
  label       text not null check (length(label) between 1 and 100),
  valid_from  timestamptz,
  valid_to    timestamptz,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  check (valid_from is null or valid_to is null or valid_to > valid_from)
);
create index tax_rates_lookup on tax_rates (country, tax_class, region);
-- Two rows for the same place, class and start would always conflict; overlaps are refused by the service.
create unique index tax_rates_unique_start on tax_rates (country, coalesce(lower(region), ''), tax_class, coalesce(valid_from, '-infinity'::timestamptz));

-- A company's tax exemption: no tax while the certificate is valid (through its expiry date, UTC).
create table company_tax_exemptions (
  company_id          text primary key references companies (id) on delete cascade,
  certificate_number  text not null check (length(certificate_number) between 1 and 100),
  expires_on          date not null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);

create table shipping_methods (
  id               text primary key,
  name             text not null check (length(name) between 1 and 200),
  carrier          text not null check (length(carrier) between 1 and 200),
  currency         text not null check (currency ~ '^[A-Z]{3}$'),
  -- Subtotal (minor units, same currency) at or above which shipping is free; null = never free.
  free_threshold   bigint check (free_threshold >= 0),
  est_days_min     integer not null check (est_days_min between 0 and 365),
  est_days_max     integer not null check (est_days_max between 0 and 365),
  active           boolean not null default true,
  position         integer not null default 0,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (est_days_max >= est_days_min)
);

-- The zone a method serves: whole countries (region '') or single regions of a country.
create table shipping_method_zones (
  method_id  text not null references shipping_methods (id) on delete cascade,
  country    text not null check (country ~ '^[A-Z]{2}$'),
  region     text not null default '' check (length(region) <= 100),
  primary key (method_id, country, region)
);
create index shipping_method_zones_country on shipping_method_zones (country);

-- Rates by weight: a parcel up to max_grams costs amount (the smallest band that fits applies).
create table shipping_rate_bands (
  method_id  text not null references shipping_methods (id) on delete cascade,
  max_grams  integer not null check (max_grams between 1 and 100000000),
  amount     bigint not null check (amount >= 0),
  primary key (method_id, max_grams)
);

-- A customer group's payment terms; a company in several groups takes the highest priority
-- (then the lowest group id, so the choice is stable). A company's own terms win over any group.
create table customer_group_payment_terms (
  group_id       text primary key references customer_groups (id) on delete cascade,
  payment_terms  text not null check (payment_terms in ('due_on_receipt','net7','net15','net30','net60','net90','eom')),
  priority       integer not null default 0 check (priority between -1000000 and 1000000),
  updated_at     timestamptz not null default now()
);

-- One credit account per company: terms, limit and settings, and the running exposure (the sum of
-- credit_ledger.amount for the company, kept on the row so a checkout locks and reads one row).
create table credit_accounts (
  company_id         text primary key references companies (id) on delete cascade,
  payment_terms      text check (payment_terms in ('due_on_receipt','net7','net15','net30','net60','net90','eom')),
  credit_limit       bigint check (credit_limit >= 0),
  currency           text not null check (currency ~ '^[A-Z]{3}$'),
  over_limit_action  text not null default 'block' check (over_limit_action in ('block','hold')),
  po_required        boolean not null default false,
  allow_new_ship_to  boolean not null default true,
  exposure           bigint not null default 0 check (exposure >= 0),
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);

-- Every change of exposure: +amount when an on-account order or invoice takes credit, −amount when
-- an order is cancelled or an invoice paid or credited. Never updated or deleted.
create table credit_ledger (
  id          text primary key,
  company_id  text not null references credit_accounts (company_id) on delete cascade,
  ref_kind    text not null check (ref_kind in ('order','invoice','payment','credit_memo','adjustment')),
  ref_id      text not null check (length(ref_id) between 1 and 100),
  amount      bigint not null check (amount <> 0),
  -- The exposure right after this entry (a statement can be read without summing).
  exposure_after bigint not null check (exposure_after >= 0),
  reason      text not null check (length(reason) between 1 and 500),
  actor_kind  text not null check (actor_kind in ('buyer','staff','apiKey','system')),
  actor_id    text,
  at          timestamptz not null default now()
);
create index credit_ledger_company on credit_ledger (company_id, at desc, id desc);
create index credit_ledger_ref on credit_ledger (ref_kind, ref_id);
