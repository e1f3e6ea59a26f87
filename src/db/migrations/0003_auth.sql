-- Auth: sessions, password-reset tokens, API keys, per-account lockout state.

-- A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a
-- database leak does not hand out live sessions.
create table sessions (
  id                text primary key,
  token_hash        text not null unique,
  kind              text not null check (kind in ('buyer', 'staff')),
  user_id           text references company_users (id) on delete cascade,
  staff_id          text references staff_users (id) on delete cascade,
  active_company_id text references companies (id) on delete cascade,
  csrf_token        text not null,
  ip                text,
  user_agent        text,
  created_at        timestamptz not null default now(),
  expires_at        timestamptz not null,
  check ((kind = 'buyer' and user_id is not null and staff_id is null and active_company_id is not null)
      or (kind = 'staff' and staff_id is not null and user_id is null and active_company_id is null))
);
create index sessions_user on sessions (user_id) where user_id is not null;
create index sessions_staff on sessions (staff_id) where staff_id is not null;
create index sessions_expires on sessions (expires_at);

-- Emailed single-use reset tokens, hashed at rest.
create table password_reset_tokens (
  id         text primary key,
  token_hash text not null unique,
  kind       text not null check (kind in ('buyer', 'staff')),
  user_id    text references company_users (id) on delete cascade,
  staff_id   text references staff_users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at    timestamptz,
  created_at timestamptz not null default now(),
  check ((kind = 'buyer') = (user_id is not null) and (kind = 'staff') = (staff_id is not null))
);

-- Failed sign-ins per account; `locked_until` in the future refuses sign-in with ACCOUNT_LOCKED.
create table login_lockouts (
  principal    text primary key,          -- 'usr:<id>' or 'stf:<id>'
  failures     integer not null default 0 check (failures >= 0),
  locked_until timestamptz,
  updated_at   timestamptz not null default now()
);

-- Integration keys: `pk_live_…` shown once; stored as SHA-256 plus a short visible prefix.
create table api_keys (
  id           text primary key,
  name         text not null check (length(name) between 1 and 200),
  prefix       text not null,
  key_hash     text not null unique,
  scopes       text[] not null check (cardinality(scopes) > 0),
  created_by   text references staff_users (id) on delete set null,
  created_at   timestamptz not null default now(),
  revoked_at   timestamptz,
  last_used_at timestamptz
);
