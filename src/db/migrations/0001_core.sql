-- Core: extensions, idempotency keys, the transactional outbox.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Stored responses of creating POSTs, keyed by who asked and the client's Idempotency-Key.
create table idempotency_keys (
  actor_key     text not null,
  key           text not null,
  method        text not null,
  path          text not null,
  request_hash  text not null,
  status_code   integer,              -- null while the first request is still running
  response_body jsonb,
  created_at    timestamptz not null default now(),
  primary key (actor_key, key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);

-- Domain events written in the same transaction as the change; dispatched after commit.
create table outbox_events (
  id           text primary key,
  type         text not null,
  aggregate_id text not null,
  payload      jsonb not null,
  created_at   timestamptz not null default now(),
  dispatched_at timestamptz
);
create index outbox_events_pending on outbox_events (created_at) where dispatched_at is null;
