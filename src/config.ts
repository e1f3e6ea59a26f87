import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

/** Every setting, its type, default and meaning. The README's configuration table mirrors this. */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port' }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Interface to listen on (0.0.0.0 for all)' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL URL; absent means the embedded PGlite database' })),
  DATA_DIR: Type.String({ default: './data', description: 'Where the embedded database lives' }),
  PUBLIC_URL: Type.String({ default: '', description: 'External base URL used in emails (defaults to http://HOST:PORT)' }),
  LOG_LEVEL: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')], { default: 'info' }),
  SEED_ON_START: Type.Union([Type.Literal('auto'), Type.Literal('never')], { default: 'auto', description: "'auto' loads the small demo data into an empty database" }),
  COOKIE_SECURE: Type.Boolean({ default: false, description: 'Mark the session cookie Secure (set true behind HTTPS)' }),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 24 * 7 }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100, default: 5, description: 'Failed sign-ins before a lockout' }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 15 }),
  LOGIN_IP_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000, default: 20, description: 'Sign-in attempts per client IP per minute (raise for load tests signing many buyers in from one host)' }),
  SMTP_URL: Type.String({ default: 'smtp://127.0.0.1:1025', pattern: '^smtps?://', description: 'Outgoing mail server' }),
  MAIL_FROM: Type.String({ default: 'Precis <no-reply@precis.local>' }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  CATALOG_CACHE: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on', description: "Storefront listing and facet caches in memory ('off' for measuring the uncached path)" }),
  SEGMENTS_REEVALUATE_CRON: Type.String({ default: '0 2 * * *', pattern: '^(off|\\S+( \\S+){4})$', description: "When purchase metrics are recomputed and every customer group re-evaluated: five-field cron in UTC (default 02:00 nightly), or 'off'" }),
  PRICING_STRATEGY: Type.Union([Type.Literal('lowest'), Type.Literal('priority')], { default: 'lowest', description: "How competing prices are chosen: 'lowest' (cheapest wins) or 'priority' (contract > company > group > base)" }),
  PAYMENT_PROVIDER: Type.Union([Type.Literal('test')], { default: 'test', description: "Card payment provider: 'test' (built in; Stripe's test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined)" }),
  INVOICE_OVERDUE_CRON: Type.String({ default: '15 0 * * *', pattern: '^(off|\\S+( \\S+){4})$', description: "When open invoices past their due date are marked overdue: five-field cron in UTC (default 00:15 daily), or 'off'" }),
  SELLER_NAME: Type.String({ default: 'Precis Demo Trading LLC', maxLength: 200, description: 'Seller legal name printed on invoices' }),
  SELLER_ADDRESS: Type.String({ default: 'Office 1204, Business Bay, Dubai, United Arab Emirates', maxLength: 500, description: 'Seller address printed on invoices' }),
  SELLER_VAT_ID: Type.String({ default: '100123456700003', maxLength: 60, description: 'Seller VAT / tax registration number printed on invoices' }),
  SELLER_EMAIL: Type.String({ default: 'billing@precis.local', maxLength: 200, description: 'Billing contact printed on invoices' }),
  RETURN_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30, description: 'Days after delivery (or shipment, while no delivery is reported) in which a buyer may request a return' }),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

const BOOLEAN = /^(true|false|1|0)$/i;

/** Reads and validates configuration; each bad value gets its own line saying what was expected. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    const type = (schema as { type?: string }).type;
    if (type === 'integer') {
      if (!/^-?\d+$/.test(value)) problems.push(`${key}: expected a whole number, got "${value}"`);
      else raw[key] = Number(value);
    } else if (type === 'boolean') {
      if (!BOOLEAN.test(value)) problems.push(`${key}: expected true or false, got "${value}"`);
      else raw[key] = /^(true|1)$/i.test(value);
    } else raw[key] = value;
  }
  Object.assign(raw, overrides);
  const withDefaults = Value.Default(ConfigSchema, raw) as Record<string, unknown>;
  // Checked one setting at a time so that each bad value gets exactly one line.
  for (const [key, schema] of Object.entries(ConfigSchema.properties) as [string, TSchema & { description?: string; anyOf?: { const: string }[] }][]) {
    const value = withDefaults[key];
    if (value === undefined || problems.some((p) => p.startsWith(`${key}:`)) || Value.Check(schema, value)) continue;
    const [first] = Value.Errors(schema, value);
    const expected = schema.anyOf ? `expected one of ${schema.anyOf.map((a) => a.const).join(', ')}` : (first?.message ?? 'is invalid');
    problems.push(`${key}: ${expected}${schema.description ? ` (${schema.description})` : ''}, got "${String(value)}"`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const cfg = withDefaults as Config;
  if (!cfg.PUBLIC_URL) cfg.PUBLIC_URL = `http://${cfg.HOST === '0.0.0.0' ? '127.0.0.1' : cfg.HOST}:${cfg.PORT}`;
  return cfg;
}
