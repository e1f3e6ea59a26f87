import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Prepared statements for every parameterised query on a PostgreSQL server, as postgres.js and
 * pgx do by default. An unnamed statement is parsed and planned again on every execution; a named
 * one is parsed once per connection, and after a few executions PostgreSQL may keep a generic plan,
 * so a repeated query skips most of its planning. On the checkout path, parse and bind (planning)
 * were 40% of PostgreSQL's time per order.
 *
 * A statement's name is a hash of its text, so the same text gets the same name on every
 * connection. Bounded on both sides: each connection names at most `PER_CONNECTION` texts (the
 * server keeps every prepared statement for the connection's life) and the process remembers at
 * most `NAMES` texts; past either bound a query runs unnamed, exactly as before. Texts with many
 * parameters (multi-row inserts, whose text changes with the row count) and very long texts are
 * never named. Not for a transaction-mode connection pooler (PgBouncer < 1.21), which would send
 * a connection's statements to another server session.
 */
const PER_CONNECTION = 400;
const NAMES = 4_000;
const MAX_PARAMS = 100;
const MAX_TEXT = 16_000;

const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < NAMES) {
    name = `precis_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    names.set(text, name);
  }
  return name;
}

interface QueryConfigLike { text?: unknown; name?: unknown; values?: unknown; submit?: unknown; queryMode?: unknown }

/** The config to send: `config` with a statement name added where one applies, else unchanged (exported for its test). */
export function withName(named: Set<string>, config: unknown, values: unknown): unknown {
  const c: QueryConfigLike | null = typeof config === 'string' ? { text: config } : typeof config === 'object' && config !== null ? (config as QueryConfigLike) : null;
  // Cursors and streams (submittables), named or simple-protocol queries pass through untouched.
  if (!c || c.submit !== undefined || c.name !== undefined || c.queryMode !== undefined || typeof c.text !== 'string') return config;
  const params = Array.isArray(values) ? values : c.values;
  // No parameters: pg sends a simple query (one message, and `begin`/`commit` stay that way).
  if (!Array.isArray(params) || params.length === 0 || params.length > MAX_PARAMS || c.text.length > MAX_TEXT) return config;
  const name = nameOf(c.text);
  if (name === undefined) return config;
  if (!named.has(name)) {
    if (named.size >= PER_CONNECTION) return config;
    named.add(name);
  }
  return { ...c, name };
}

/** A `pg.Client` that names its parameterised statements (see above); pass it as the pool's `Client`. */
export class StatementCachingClient extends pg.Client {
  /** Names this connection has used; the server holds a prepared statement for each. */
  readonly named = new Set<string>();
}

// pg.Client#query has many overloads; wrapping it on the prototype keeps every one of them.
const baseQuery = pg.Client.prototype.query;
StatementCachingClient.prototype.query = function query(this: StatementCachingClient, config: unknown, ...rest: unknown[]) {
  const values = Array.isArray(rest[0]) ? rest[0] : undefined;
  return (baseQuery as (...args: unknown[]) => unknown).call(this, withName(this.named, config, values), ...rest);
} as typeof baseQuery;
