-- The session cache (src/modules/auth/session-cache.ts) keeps resolved sessions per process.
-- Any write that can sign someone out or change their role tells every process to drop it, inside
-- the writing transaction (delivered at commit): a deleted or re-pointed session, a disabled or
-- deleted login, a changed or removed membership, a suspended or deleted company. Inserts are
-- left out — a new session or login cannot make a cached one wrong — and so are unrelated column
-- updates (a company's industry, a user's name), which are frequent and harmless.

create function precis_auth_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('precis_auth', tg_table_name);
  return null;
end $$;

create trigger sessions_auth_notify after update or delete on sessions
  for each statement execute function precis_auth_notify();
create trigger company_memberships_auth_notify after update or delete on company_memberships
  for each statement execute function precis_auth_notify();

create trigger company_users_auth_notify after update of status on company_users
  for each row when (old.status is distinct from new.status) execute function precis_auth_notify();
create trigger company_users_auth_notify_delete after delete on company_users
  for each statement execute function precis_auth_notify();

create trigger staff_users_auth_notify after update of status, role on staff_users
  for each row when (old.status is distinct from new.status or old.role is distinct from new.role) execute function precis_auth_notify();
create trigger staff_users_auth_notify_delete after delete on staff_users
  for each statement execute function precis_auth_notify();

create trigger companies_auth_notify after update of status on companies
  for each row when (old.status is distinct from new.status) execute function precis_auth_notify();
create trigger companies_auth_notify_delete after delete on companies
  for each statement execute function precis_auth_notify();
