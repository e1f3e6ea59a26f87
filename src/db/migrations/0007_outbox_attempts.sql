-- The outbox dispatcher retries a failing event a few times, then sets it aside (dead letter)
-- with the last error, so one bad event never blocks the ones behind it.
alter table outbox_events add column attempts integer not null default 0;
alter table outbox_events add column last_error text;
