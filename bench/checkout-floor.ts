import Fastify from 'fastify';
import pg from 'pg';

/**
 * The checkout benchmark's baseline: the least any correct 50-line order on account must do, with
 * nothing of Precis around it — one bare Fastify route on a pg pool (same size as the app's) that
 * in one transaction locks the lines' stock rows in a stable order, writes the order, its 50 lines
 * (foreign key to the order) and the 50 stock reservations in one statement, commits, and answers
 * the lines as JSON. Four round trips; no pricing, tax, credit, events, idempotency or email.
 * Its own tables (schema bench_floor) are rebuilt on start.
 * Usage: DATABASE_URL=… PORT=<port> FLOOR_BUYERS=16 FLOOR_LINES=50 tsx bench/checkout-floor.ts
 */
const buyers = Number(process.env.FLOOR_BUYERS ?? 16);
const lines = Number(process.env.FLOOR_LINES ?? 50);
// Idle connections kept as the app keeps them (src/db/client.ts), so neither reconnects between runs.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20), idleTimeoutMillis: 300_000 });

await pool.query(`
  drop schema if exists bench_floor cascade;
  create schema bench_floor;
  create table bench_floor.stock (variant_id text primary key, on_hand integer not null, reserved integer not null default 0);
  create table bench_floor.orders (id text primary key, buyer integer not null, total bigint not null, placed_at timestamptz not null default now());
  create table bench_floor.lines (order_id text not null references bench_floor.orders (id), line_no integer not null,
    variant_id text not null references bench_floor.stock (variant_id), quantity integer not null, unit_price bigint not null,
    primary key (order_id, line_no));
  insert into bench_floor.stock (variant_id, on_hand) select 'v' || lpad(i::text, 6, '0'), 1000000 from generate_series(1, ${buyers * lines}) i;
`);

/** Each buyer orders its own 50 variants, one of each, at a fixed price. */
const variantsOf = (buyer: number) => Array.from({ length: lines }, (_, i) => `v${String(buyer * lines + i + 1).padStart(6, '0')}`);
let seq = 0;

const app = Fastify({ logger: false });
app.post<{ Body: { buyer: number } }>('/floor', async (req) => {
  const variants = variantsOf(req.body.buyer % buyers);
  const id = `o${process.pid}-${++seq}`;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const stock = await client.query<{ variant_id: string; on_hand: number; reserved: number }>(
      'select variant_id, on_hand, reserved from bench_floor.stock where variant_id = any($1) order by variant_id for update',
      [variants],
    );
    if (stock.rows.some((s) => s.on_hand - s.reserved < 1)) throw new Error('out of stock');
    await client.query(
      `with o as (insert into bench_floor.orders (id, buyer, total) values ($1, $2, $3)),
            l as (insert into bench_floor.lines (order_id, line_no, variant_id, quantity, unit_price)
                  select $1, n, v, 1, 1000 from unnest($4::text[]) with ordinality as u(v, n)),
            s as (update bench_floor.stock set reserved = reserved + 1 where variant_id = any($4))
       select 1`,
      [id, req.body.buyer, lines * 1000, variants],
    );
    await client.query('commit');
    return { id, lines: variants.map((v, i) => ({ lineNo: i + 1, variantId: v, quantity: 1, unitPrice: { amount: 1000, currency: 'AED' } })) };
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
});
app.get('/ready', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT ?? 3902), host: '127.0.0.1' });
const stop = () => void app.close().then(() => pool.query('drop schema if exists bench_floor cascade')).then(() => pool.end()).then(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
