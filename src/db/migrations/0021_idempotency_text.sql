-- A stored response is replayed as the bytes first sent, so it is kept as the text the serialiser
-- wrote: as jsonb, PostgreSQL parsed every response on the way in (≈ 0.3 ms for a 50-line order)
-- and the replay re-serialised it, with keys reordered and whitespace lost.
alter table idempotency_keys alter column response_body type text using response_body::text;

-- lz4 compresses such a response about three times faster than the default pglz. A server built
-- without lz4 refuses it and keeps pglz.
do $$
begin
  alter table idempotency_keys alter column response_body set compression lz4;
exception when feature_not_supported then
  null;
end $$;
