-- Catalog search, part two: a lexicon of every word in the product search documents, trigram
-- indexed, for typo tolerance. Matching a misspelt word against ~10^4 distinct words and searching
-- with the corrections is far cheaper than trigram-comparing it with every product name (the
-- approach the pg_trgm documentation recommends for spelling suggestions).
create table search_words (
  word text primary key
);
create index search_words_trgm on search_words using gin (word gin_trgm_ops);

-- New words reach the lexicon once per statement, in sorted order: one insert for a whole bulk
-- load, and concurrent writers take the word locks in the same order (no deadlocks between them).
-- Words of three letters or more only: digits and SKU fragments are not typos.
create function catalog_lexicon_add() returns trigger language plpgsql as $$
begin
  insert into search_words (word)
    select distinct w from new_rows, unnest(tsvector_to_array(new_rows.search_doc)) w
    where length(w) between 3 and 40 and w ~ '^[[:alpha:]]+$'
    order by w
    on conflict do nothing;
  return null;
end $$;
create trigger products_lexicon_insert after insert on products
  referencing new table as new_rows for each statement execute function catalog_lexicon_add();
create trigger products_lexicon_update after update on products
  referencing new table as new_rows for each statement execute function catalog_lexicon_add();

insert into search_words (word)
  select distinct w from products, unnest(tsvector_to_array(search_doc)) w
  where length(w) between 3 and 40 and w ~ '^[[:alpha:]]+$'
  on conflict do nothing;
