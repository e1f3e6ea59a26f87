-- Each consumer of an event runs in its own savepoint and its success is remembered, so a
-- consumer that fails (the mail server is down) no longer rolls back the others (segment metrics,
-- invoices): they commit, and a retry re-runs only the consumers still to do. Retries back off.
alter table outbox_events add column done_handlers integer[] not null default '{}';
alter table outbox_events add column next_attempt_at timestamptz;
drop index outbox_events_pending;
create index outbox_events_pending on outbox_events (created_at) where dispatched_at is null;
