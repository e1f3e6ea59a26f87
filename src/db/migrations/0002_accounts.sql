-- Accounts: staff, companies (a hierarchy of any depth), locations, company users and memberships.

create table staff_users (
  id            text primary key,
  email         text not null check (length(email) between 3 and 254),
  name          text not null check (length(name) between 1 and 200),
  role          text not null check (role in ('admin', 'catalog_manager', 'pricing_manager', 'sales_rep', 'credit_controller', 'support')),
  password_hash text,
  status        text not null default 'active' check (status in ('active', 'disabled')),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
-- One login per person: emails compare case-insensitively.
create unique index staff_users_email on staff_users (lower(email));

create table companies (
  id            text primary key,
  parent_id     text references companies (id) on delete restrict,
  -- Materialised path: ancestor ids from the root down to this company itself. Descendants of X are
  -- `path @> array[X]` (GIN), ancestors of Y are `id = any(Y.path)`: both index lookups at any depth.
  path          text[] not null,
  depth         integer not null check (depth >= 0),
  legal_name    text not null check (length(legal_name) between 1 and 300),
  tax_id        text,
  industry      text,
  country       text not null check (country ~ '^[A-Z]{2}$'),
  region        text,
  currency      text not null check (currency ~ '^[A-Z]{3}$'),
  timezone      text not null default 'UTC',
  locale        text not null default 'en',
  tags          text[] not null default '{}',
  custom_fields jsonb not null default '{}',
  status        text not null default 'active' check (status in ('active', 'suspended')),
  sales_rep_id  text references staff_users (id) on delete set null,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
create index companies_parent on companies (parent_id, id);
create index companies_path on companies using gin (path);
create index companies_legal_name_trgm on companies using gin (lower(legal_name) gin_trgm_ops);
create index companies_sales_rep on companies (sales_rep_id) where sales_rep_id is not null;

-- Path and depth are derived from the parent on insert, so bulk loaders need not compute them
-- (parents must be inserted first, which the foreign key demands anyway). Moves are done by the
-- service, which rewrites the moved subtree's paths in one statement.
create function companies_set_path() returns trigger language plpgsql as $$
declare parent_path text[];
begin
  if new.parent_id is null then
    new.path := array[new.id];
  else
    select path into parent_path from companies where id = new.parent_id;
    if parent_path is null then
      raise foreign_key_violation using message = 'parent company does not exist';
    end if;
    new.path := parent_path || new.id;
  end if;
  new.depth := cardinality(new.path) - 1;
  return new;
end $$;
create trigger companies_set_path before insert on companies for each row execute function companies_set_path();

create table company_locations (
  id           text primary key,
  company_id   text not null references companies (id) on delete cascade,
  name         text not null check (length(name) between 1 and 200),
  line1        text not null,
  line2        text,
  city         text not null,
  region       text,
  postal_code  text,
  country      text not null check (country ~ '^[A-Z]{2}$'),
  phone        text,
  is_bill_to   boolean not null default false,
  is_ship_to   boolean not null default true,
  is_default   boolean not null default false,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  unique (id, company_id)
);
create index company_locations_company on company_locations (company_id, id);
-- At most one default location per company.
create unique index company_locations_one_default on company_locations (company_id) where is_default;

-- A person: one login, possibly acting for several companies (see company_memberships).
create table company_users (
  id            text primary key,
  email         text not null check (length(email) between 3 and 254),
  name          text not null check (length(name) between 1 and 200),
  locale        text not null default 'en',
  password_hash text,
  status        text not null default 'active' check (status in ('active', 'disabled')),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create unique index company_users_email on company_users (lower(email));

-- The role a user holds in one company; a user may be admin in one company and viewer in another.
create table company_memberships (
  user_id    text not null references company_users (id) on delete cascade,
  company_id text not null references companies (id) on delete cascade,
  role       text not null check (role in ('admin', 'buyer', 'approver', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (user_id, company_id)
);
create index company_memberships_company on company_memberships (company_id, role);

-- Optional restriction of a membership to some locations; no rows means every location.
create table company_membership_locations (
  user_id     text not null,
  company_id  text not null,
  location_id text not null,
  primary key (user_id, company_id, location_id),
  foreign key (user_id, company_id) references company_memberships (user_id, company_id) on delete cascade,
  foreign key (location_id, company_id) references company_locations (id, company_id) on delete cascade
);
