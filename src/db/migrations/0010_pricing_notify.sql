-- Storefront price caches (src/modules/pricing/storefront-cache.ts) live in every server process.
-- Every write to a pricing table tells them to drop what they hold: NOTIFY precis_pricing, sent by
-- a statement-level trigger so that it is part of the writing transaction (delivered on commit,
-- never on rollback) whoever writes — admin API, CSV import, CLI or SQL by hand. PostgreSQL folds
-- identical notifications of one transaction into one, so a million-row import costs one message.

create function precis_pricing_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('precis_pricing', tg_table_name);
  return null;
end
$$;

create trigger price_lists_notify after insert or update or delete or truncate on price_lists
  for each statement execute function precis_pricing_notify();
create trigger price_list_targets_notify after insert or update or delete or truncate on price_list_targets
  for each statement execute function precis_pricing_notify();
create trigger price_list_entries_notify after insert or update or delete or truncate on price_list_entries
  for each statement execute function precis_pricing_notify();
create trigger contract_prices_notify after insert or update or delete or truncate on contract_prices
  for each statement execute function precis_pricing_notify();
