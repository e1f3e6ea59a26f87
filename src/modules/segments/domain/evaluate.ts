/**
 * Evaluating a rule against one company's facts.
 *
 * Semantics (the admin console's help text repeats these):
 * - **Missing values.** A value is missing when it is absent or null, a list is empty, or a money
 *   metric has no amount in any currency. Any comparison with a missing value is false — including
 *   `!=` and `not in` — and `is null` / `is not null` test for it. So `industry != "mining"` does not
 *   match a company with no industry, while `not (industry = "mining")` does.
 * - **Sums and counts are never missing.** Spend, order counts, open quotes, overdue amount: over no
 *   records they are 0 (catalogue `whenMissing: 'zero'`), so `order_count_90d = 0` matches a company
 *   that never ordered.
 * - **Money is compared in one currency, never converted.** `spend_90d >= 50000.00 PKR` reads the
 *   company's PKR amount only; spend tracked in USD does not count towards it. For sums an absent
 *   currency is 0 PKR; for `average_order_value` it is missing (no orders in PKR, no average).
 * - **Strings** compare exactly (case-sensitive). **Dates** compare by UTC day.
 * - **Hierarchy.** `descendant_of(X)`: X is a strict ancestor (X itself is not its own descendant).
 *   `child_of(X)`: X is the direct parent. Both read `facts.ancestors` (root first, parent last).
 * - A value of the wrong type at run time (possible for custom fields) compares as missing.
 */
import type { CompareOp, Expr, Literal, Subject } from './ast.ts';
import { attributeDef, type AttributeDef } from './catalogue.ts';
import type { CompanyFacts } from './facts.ts';

export type Predicate = (facts: CompanyFacts) => boolean;
type Scalar = string | number | boolean;
/** Reads a comparable scalar for one literal kind; undefined means missing (or the wrong type). */
type ScalarReader = (facts: CompanyFacts) => Scalar | undefined;

type Reader = (facts: CompanyFacts) => unknown;

/**
 * One accessor per catalogue name, each its own function with a fixed property name: V8 keeps every
 * one monomorphic, where a shared `(f) => f.attributes[name]` turns megamorphic across 30 names.
 */
const READERS: Readonly<Record<string, Reader>> = {
  id: (f) => f.id,
  parent_id: (f) => f.attributes.parent_id,
  industry: (f) => f.attributes.industry,
  country: (f) => f.attributes.country,
  region: (f) => f.attributes.region,
  tags: (f) => f.attributes.tags,
  contract_tier: (f) => f.attributes.contract_tier,
  payment_terms: (f) => f.attributes.payment_terms,
  created_at: (f) => f.attributes.created_at,
  depth: (f) => f.attributes.depth,
  currency: (f) => f.attributes.currency,
  status: (f) => f.attributes.status,
  spend_30d: (f) => f.metrics.spend_30d,
  spend_90d: (f) => f.metrics.spend_90d,
  spend_365d: (f) => f.metrics.spend_365d,
  spend_lifetime: (f) => f.metrics.spend_lifetime,
  order_count_30d: (f) => f.metrics.order_count_30d,
  order_count_90d: (f) => f.metrics.order_count_90d,
  order_count_365d: (f) => f.metrics.order_count_365d,
  order_count_lifetime: (f) => f.metrics.order_count_lifetime,
  average_order_value: (f) => f.metrics.average_order_value,
  first_order_at: (f) => f.metrics.first_order_at,
  last_order_at: (f) => f.metrics.last_order_at,
  categories_bought: (f) => f.metrics.categories_bought,
  brands_bought: (f) => f.metrics.brands_bought,
  open_quote_count: (f) => f.metrics.open_quote_count,
  overdue_invoice_amount: (f) => f.metrics.overdue_invoice_amount,
};

/** Names the evaluator reads directly (a test holds this equal to the catalogue). */
export const READER_NAMES: readonly string[] = Object.keys(READERS);

/** The catalogue entry (if any) and raw value reader for a subject. */
export function subjectReader(subject: Subject): { def: AttributeDef | undefined; read: Reader } {
  if (subject.kind === 'custom') {
    const field = subject.field;
    return { def: undefined, read: (f) => f.custom?.[field] };
  }
  const name = subject.name;
  const def = attributeDef(name);
  const read = Object.hasOwn(READERS, name) ? READERS[name] : undefined;
  if (read) return { def, read };
  // Not in the catalogue (a retired attribute in a stored rule): read by name, usually missing.
  return { def, read: (f) => (f.attributes as Readonly<Record<string, unknown>>)[name] };
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

function isMoneyValue(v: unknown): v is { amount: number; currency: string } {
  return typeof v === 'object' && v !== null && typeof (v as { amount?: unknown }).amount === 'number' && typeof (v as { currency?: unknown }).currency === 'string';
}

/**
 * The comparable value of a raw fact for a literal of kind `kind` (and `currency` for money), or
 * undefined when missing or of another type. `zero` applies the catalogue's "sums are 0" rule.
 */
export function toScalar(raw: unknown, kind: Literal['kind'], zero: boolean, currency?: string): Scalar | undefined {
  switch (kind) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'number':
      if (typeof raw === 'number') return Number.isNaN(raw) ? undefined : raw;
      return raw == null && zero ? 0 : undefined;
    case 'date':
      return typeof raw === 'string' && DAY.test(raw) ? raw.slice(0, 10) : undefined;
    case 'money': {
      if (isMoneyValue(raw)) return raw.currency === currency ? raw.amount : undefined;
      if (raw == null) return zero ? 0 : undefined;
      if (typeof raw !== 'object' || Array.isArray(raw) || currency === undefined) return undefined;
      const amount = (raw as Readonly<Record<string, unknown>>)[currency];
      if (typeof amount === 'number') return amount;
      return zero ? 0 : undefined;
    }
  }
}

/** The literal's comparable value (money: its minor units). */
export function literalScalar(lit: Literal): Scalar {
  return lit.kind === 'money' ? lit.amount : lit.value;
}

/** True when the raw value counts as missing for `is null` (see the semantics above). */
export function isMissing(raw: unknown, def: AttributeDef | undefined): boolean {
  const zero = def?.whenMissing === 'zero';
  if (raw == null) return !(zero && (def?.type === 'number' || def?.type === 'money'));
  if (Array.isArray(raw)) return raw.length === 0;
  if (typeof raw === 'number') return Number.isNaN(raw);
  if (typeof raw === 'object' && !isMoneyValue(raw)) return !zero && Object.keys(raw).length === 0;
  return false;
}

/**
 * A reader specialised for the literal's kind (the hot path of a full re-evaluation): same results as
 * `toScalar`, without its dispatch on every call. The property tests hold the two to the same answers.
 */
function scalarReader(subject: Subject, lit: Literal): ScalarReader {
  const { def, read } = subjectReader(subject);
  const zero = def?.whenMissing === 'zero';
  switch (lit.kind) {
    case 'string':
      return (f) => {
        const v = read(f);
        return typeof v === 'string' ? v : undefined;
      };
    case 'number':
      return (f) => {
        const v = read(f);
        if (typeof v === 'number') return v === v ? v : undefined;
        return v == null && zero ? 0 : undefined;
      };
    case 'money': {
      const currency = lit.currency;
      if (subject.kind === 'attribute') {
        // Catalogue money is always a per-currency map.
        return (f) => {
          const v = read(f) as Readonly<Record<string, unknown>> | null | undefined;
          const amount = v == null || typeof v !== 'object' ? undefined : v[currency];
          return typeof amount === 'number' ? amount : zero && (v == null || (typeof v === 'object' && !Array.isArray(v))) ? 0 : undefined;
        };
      }
      return (f) => toScalar(read(f), 'money', zero, currency);
    }
    default: {
      const kind = lit.kind;
      return (f) => toScalar(read(f), kind, zero);
    }
  }
}

function comparison(op: CompareOp, get: ScalarReader, x: Scalar): Predicate {
  // Scalars of one literal kind share a JS type, so < and > order numbers, money and ISO days alike.
  const n = x as number;
  switch (op) {
    case '=':
      return (f) => get(f) === x;
    case '!=':
      return (f) => {
        const v = get(f);
        return v !== undefined && v !== x;
      };
    case '<':
      return (f) => {
        const v = get(f);
        return v !== undefined && (v as number) < n;
      };
    case '<=':
      return (f) => {
        const v = get(f);
        return v !== undefined && (v as number) <= n;
      };
    case '>':
      return (f) => {
        const v = get(f);
        return v !== undefined && (v as number) > n;
      };
    case '>=':
      return (f) => {
        const v = get(f);
        return v !== undefined && (v as number) >= n;
      };
  }
}

function membership(subject: Subject, values: readonly Literal[], negated: boolean): Predicate {
  const first = values[0];
  if (!first) return () => false;
  // Checked rules have one literal kind per list; the set holds every value of that kind.
  const get = scalarReader(subject, first);
  const set = new Set(values.filter((v) => v.kind === first.kind && (v.kind !== 'money' || first.kind !== 'money' || v.currency === first.currency)).map(literalScalar));
  return negated
    ? (f) => {
        const v = get(f);
        return v !== undefined && !set.has(v);
      }
    : (f) => {
        const v = get(f);
        return v !== undefined && set.has(v);
      };
}

function all(ps: Predicate[]): Predicate {
  if (ps.length === 2) {
    const [a, b] = ps as [Predicate, Predicate];
    return (f) => a(f) && b(f);
  }
  return (f) => {
    for (const p of ps) if (!p(f)) return false;
    return true;
  };
}

function any(ps: Predicate[]): Predicate {
  if (ps.length === 2) {
    const [a, b] = ps as [Predicate, Predicate];
    return (f) => a(f) || b(f);
  }
  return (f) => {
    for (const p of ps) if (p(f)) return true;
    return false;
  };
}

/**
 * Compiles a (checked) rule into a closure tree: attribute lookups, literal conversions and operator
 * dispatch happen once here, not per company. Unknown attributes read as missing rather than throw,
 * so a stored rule that predates a catalogue change still evaluates.
 */
export function compileToPredicate(ast: Expr): Predicate {
  switch (ast.kind) {
    case 'and':
      return ast.operands.length === 0 ? () => true : all(ast.operands.map(compileToPredicate));
    case 'or':
      return any(ast.operands.map(compileToPredicate));
    case 'not': {
      const p = compileToPredicate(ast.operand);
      return (f) => !p(f);
    }
    case 'compare':
      return comparison(ast.op, scalarReader(ast.subject, ast.value), literalScalar(ast.value));
    case 'in':
      return membership(ast.subject, ast.values, ast.negated);
    case 'contains': {
      const { read } = subjectReader(ast.subject);
      const x = ast.value.kind === 'string' ? ast.value.value : undefined;
      return (f) => {
        const v = read(f);
        return x !== undefined && Array.isArray(v) && v.includes(x);
      };
    }
    case 'null_check': {
      const { def, read } = subjectReader(ast.subject);
      return ast.negated ? (f) => !isMissing(read(f), def) : (f) => isMissing(read(f), def);
    }
    case 'hierarchy': {
      const id = ast.companyId;
      return ast.relation === 'descendant_of' ? (f) => f.ancestors.includes(id) : (f) => f.ancestors[f.ancestors.length - 1] === id;
    }
  }
}

const cache = new WeakMap<Expr, Predicate>();

/** Whether the company matches the rule. Compiles once per AST object (cached), then runs the closure. */
export function evaluate(ast: Expr, facts: CompanyFacts): boolean {
  let p = cache.get(ast);
  if (!p) {
    p = compileToPredicate(ast);
    cache.set(ast, p);
  }
  return p(facts);
}
