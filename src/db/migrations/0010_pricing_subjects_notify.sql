-- The storefront price cache (src/modules/pricing/storefront-cache.ts) also keeps each buyer
-- company's pricing context: its currency, its ancestors (lists passed down the hierarchy) and the
-- customer groups it belongs to. Writes to those tables tell every process to drop that context,
-- through the same channel as pricing writes (payload: the table), inside the writing transaction.
-- Only the contexts are dropped on these, not the price data.

create trigger companies_pricing_notify after insert or update or delete or truncate on companies
  for each statement execute function precis_pricing_notify();
create trigger customer_group_members_pricing_notify after insert or update or delete or truncate on customer_group_members
  for each statement execute function precis_pricing_notify();
