-- A token that changes with every write to customer_groups, so a process may keep the groups (their
-- rule trees are the bulk of a company's re-evaluation after each order) and re-read them only when
-- another process, or itself, changed one. Random rather than a counter: a rolled-back write never
-- hands its value to a different committed state, and databases cloned from one template share a
-- token only while their groups are the same.
create table customer_groups_version (
  id      boolean primary key default true check (id),
  version text not null
);
insert into customer_groups_version (version) values (gen_random_uuid()::text);

create function precis_customer_groups_touched() returns trigger language plpgsql as $$
begin
  update customer_groups_version set version = gen_random_uuid()::text;
  return null;
end
$$;

create trigger customer_groups_version after insert or update or delete or truncate on customer_groups
  for each statement execute function precis_customer_groups_touched();
