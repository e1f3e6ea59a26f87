import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNull = (s: unknown) => isObject(s) && s.type === 'null' && Object.keys(s).length === 1;
/** A branch fast-json-stringify can serialise by `typeof` alone: one plain type, no references or unions. */
const plainTyped = (s: unknown): s is Schema & { type: string } =>
  isObject(s) && typeof s.type === 'string' && s.type !== 'null' && s.$ref === undefined && s.anyOf === undefined && s.oneOf === undefined;

/**
 * The same response schema, shaped for speed. fast-json-stringify picks the branch of an `anyOf`
 * by running Ajv over the value against each branch in turn, so a nullable object (TypeBox's
 * `Union([X, Null])`) is validated in full, nested unions included, on every item of every
 * response: a 48-card listing spent more time there than in pricing. The two shapes it meets
 * most are rewritten into forms it serialises with `typeof` checks:
 * - `anyOf: [X, null]` with X of one plain type → X with `type: [X.type, 'null']`;
 * - `anyOf` of string constants (a literal union) → `{ type: 'string', enum: [...] }`.
 * Only the serialiser sees this copy: validation and the OpenAPI document keep the schema as written.
 */
export function fastResponseSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(fastResponseSchema);
  if (!isObject(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'const' || key === 'enum' || key === 'default' || key === 'examples' ? value : fastResponseSchema(value);
  const branches = out.anyOf;
  if (!Array.isArray(branches)) return out;
  const { anyOf: _anyOf, ...siblings } = out;
  if (branches.length === 2) {
    const [a, b] = branches as unknown[];
    const value = isNull(b) ? a : isNull(a) ? b : undefined;
    if (plainTyped(value)) return { ...siblings, ...value, type: [value.type, 'null'] };
  }
  if (branches.every((s) => isObject(s) && typeof s.const === 'string')) {
    return { ...siblings, type: 'string', enum: branches.map((s) => (s as Schema).const) };
  }
  return out;
}

type SerializerFactory = ReturnType<typeof SerializerSelector>;

/** Fastify's own serializer compiler, fed the rewritten schemas (see `fastResponseSchema`). */
export function fastSerializerFactory(): SerializerFactory {
  const factory = SerializerSelector();
  return ((externalSchemas: Record<string, unknown> | undefined, options: unknown) => {
    const shared = externalSchemas ? Object.fromEntries(Object.entries(externalSchemas).map(([id, s]) => [id, fastResponseSchema(s)])) : externalSchemas;
    const compile = factory(shared as never, options as never);
    return (route: { schema: unknown }) => compile({ ...route, schema: fastResponseSchema(route.schema) } as never);
  }) as SerializerFactory;
}
