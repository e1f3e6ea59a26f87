-- Carts, shopping (requisition) lists and cart activity (src/modules/carts). A cart belongs to one
-- company and one owner (a buyer); the owner may share it with colleagues of the same company to
-- view or to edit. Lines are re-validated (visibility, quantity rules, stock, price) on every read
-- and change, so nothing here stores a price: the cart always shows what checkout would charge.

create table carts (
  id               text primary key,
  company_id       text not null references companies (id) on delete cascade,
  owner_id         text not null references company_users (id) on delete cascade,
  name             text not null check (length(name) between 1 and 100),
  status           text not null default 'open' check (status in ('open', 'ordered')),
  order_id         text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  -- Any change by anyone (line edits, checkout steps): abandoned-cart recovery reads it.
  last_activity_at timestamptz not null default now(),
  ordered_at       timestamptz,
  check ((status = 'ordered') = (ordered_at is not null))
);
create index carts_owner on carts (company_id, owner_id, id desc);
create index carts_open_activity on carts (last_activity_at) where status = 'open';

-- Colleagues a cart is shared with; the owner is never listed here.
create table cart_shares (
  cart_id    text not null references carts (id) on delete cascade,
  user_id    text not null references company_users (id) on delete cascade,
  access     text not null check (access in ('view', 'edit')),
  created_at timestamptz not null default now(),
  primary key (cart_id, user_id)
);
create index cart_shares_user on cart_shares (user_id, cart_id);

-- The one cart "Add to cart" goes to, per buyer and company.
create table cart_current (
  user_id    text not null references company_users (id) on delete cascade,
  company_id text not null references companies (id) on delete cascade,
  cart_id    text not null references carts (id) on delete cascade,
  primary key (user_id, company_id)
);
create index cart_current_cart on cart_current (cart_id);

-- One line per variant: adding the same variant again adds to its quantity (an atomic upsert, so
-- two colleagues adding at once never lose a line or a quantity).
create table cart_lines (
  id         text primary key,
  cart_id    text not null references carts (id) on delete cascade,
  variant_id text not null references variants (id) on delete cascade,
  quantity   integer not null check (quantity between 1 and 1000000),
  note       text not null default '' check (length(note) <= 500),
  added_by   text references company_users (id) on delete set null,
  -- Insertion order, also among the lines of one multi-row insert (their created_at ties).
  seq        bigint generated always as identity,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (cart_id, variant_id)
);

create table cart_events (
  id         text primary key,
  cart_id    text not null references carts (id) on delete cascade,
  company_id text not null references companies (id) on delete cascade,
  type       text not null check (type in ('created', 'line_added', 'line_removed', 'line_changed', 'checkout_step', 'validation_error', 'ordered')),
  actor_kind text not null check (actor_kind in ('buyer', 'staff', 'apiKey', 'system')),
  actor_id   text,
  data       jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  at         timestamptz not null default now()
);
create index cart_events_cart on cart_events (cart_id, at, id);
create index cart_events_type_at on cart_events (type, at);

-- Shopping / requisition lists: named, private to the owner or shared with the whole company.
create table shopping_lists (
  id          text primary key,
  company_id  text not null references companies (id) on delete cascade,
  owner_id    text not null references company_users (id) on delete cascade,
  name        text not null check (length(name) between 1 and 100),
  description text not null default '' check (length(description) <= 1000),
  visibility  text not null default 'private' check (visibility in ('private', 'company')),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index shopping_lists_company on shopping_lists (company_id, id desc);

create table shopping_list_lines (
  list_id    text not null references shopping_lists (id) on delete cascade,
  variant_id text not null references variants (id) on delete cascade,
  quantity   integer not null check (quantity between 1 and 1000000),
  note       text not null default '' check (length(note) <= 500),
  seq        bigint generated always as identity,
  created_at timestamptz not null default now(),
  primary key (list_id, variant_id)
);
