-- Customer groups: static members and/or a rule; rule membership is materialised with its reason
-- and every join/leave is logged.

create table customer_groups (
  id           text primary key,
  name         text not null check (length(name) between 1 and 200),
  description  text not null default '' check (length(description) <= 2000),
  -- The rule as typed (for editing) and as compiled (for evaluating); both null for a static-only group.
  rule_source  text check (rule_source is null or length(rule_source) between 1 and 20000),
  rule_ast     jsonb,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  check ((rule_source is null) = (rule_ast is null))
);
-- Names compare case-insensitively so "VIP" and "vip" cannot both exist.
create unique index customer_groups_name on customer_groups (lower(name));

create table customer_group_static_members (
  group_id    text not null references customer_groups (id) on delete cascade,
  company_id  text not null references companies (id) on delete cascade,
  created_at  timestamptz not null default now(),
  primary key (group_id, company_id)
);
create index customer_group_static_members_company on customer_group_static_members (company_id);

-- Materialised membership (static and rule members alike): what pricing and catalogs read.
create table customer_group_members (
  group_id    text not null references customer_groups (id) on delete cascade,
  company_id  text not null references companies (id) on delete cascade,
  since       timestamptz not null default now(),
  reason      text not null check (length(reason) <= 4000),
  primary key (group_id, company_id)
);
create index customer_group_members_company on customer_group_members (company_id);

create table customer_group_membership_log (
  id          bigint generated always as identity primary key,
  group_id    text not null references customer_groups (id) on delete cascade,
  -- No FK to companies: the log outlives a deleted company.
  company_id  text not null,
  change      text not null check (change in ('joined', 'left')),
  reason      text not null check (length(reason) <= 4000),
  at          timestamptz not null default now()
);
create index customer_group_membership_log_group on customer_group_membership_log (group_id, at);
create index customer_group_membership_log_company on customer_group_membership_log (company_id, at);
