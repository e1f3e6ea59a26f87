/**
 * Property tests: the printer round-trips random rules, and the compiled evaluator agrees with a
 * deliberately naive reference interpreter (written from the documented semantics, with attribute
 * names hard-coded instead of read from the catalogue) on random rules and random companies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripSpans, type CompareOp, type Expr, type Literal, type Subject } from './ast.ts';
import { ATTRIBUTES, type AttributeType } from './catalogue.ts';
import { check } from './check.ts';
import { compileRule } from './compile.ts';
import { compileToPredicate, evaluate } from './evaluate.ts';
import { explain } from './explain.ts';
import type { CompanyFacts, CustomValue } from './facts.ts';
import { parse } from './parser.ts';
import { print } from './printer.ts';
import { isExpr } from './stored.ts';

// ---------------------------------------------------------------------------------------------
// Value pools shared by rules and facts, so that random rules often match random companies.
const STRINGS = ['construction', 'mining', 'retail', 'PK', 'AE', 'gold', 'net30', 'active', 'vip', 'north'];
const IDS = ['cmp_01jd0000000000000000000000', 'cmp_01jd0000000000000000000001', 'cmp_01jd0000000000000000000002'];
const NUMBERS = [-1, 0, 1, 2, 3, 7, 2.5];
const CURRENCIES = ['PKR', 'USD', 'KWD'];
const AMOUNTS = [0, 100, 5000, 6_120_000];
const DAYS = ['2025-01-01', '2025-06-30', '2026-01-15', '2026-02-01'];
const CUSTOM_FIELDS = ['grade', 'limit', 'flag', 'score', 'since', 'labels'];

const ORDERING: CompareOp[] = ['<', '<=', '>', '>='];
const EQUALITY: CompareOp[] = ['=', '!='];

const strLit = fc.constantFrom(...STRINGS).map((value): Literal => ({ kind: 'string', value }));
const idLit = fc.constantFrom(...IDS).map((value): Literal => ({ kind: 'string', value }));
const numLit = fc.constantFrom(...NUMBERS).map((value): Literal => ({ kind: 'number', value }));
const boolLit = fc.boolean().map((value): Literal => ({ kind: 'boolean', value }));
const dateLit = fc.constantFrom(...DAYS).map((value): Literal => ({ kind: 'date', value }));
const moneyLit = fc
  .tuple(fc.constantFrom(...AMOUNTS), fc.constantFrom(...CURRENCIES))
  .map(([amount, currency]): Literal => ({ kind: 'money', amount, currency }));

const LITERALS: Record<Exclude<AttributeType, 'string_list'>, fc.Arbitrary<Literal>> = {
  string: strLit,
  company_ref: idLit,
  number: numLit,
  boolean: boolLit,
  date: dateLit,
  money: moneyLit,
};

const compare = (subject: Subject, ops: CompareOp[], lit: fc.Arbitrary<Literal>): fc.Arbitrary<Expr> =>
  fc.tuple(fc.constantFrom(...ops), lit).map(([op, value]): Expr => ({ kind: 'compare', op, subject, value }));
const inList = (subject: Subject, lit: fc.Arbitrary<Literal>): fc.Arbitrary<Expr> =>
  fc.tuple(fc.boolean(), fc.array(lit, { minLength: 1, maxLength: 3 })).map(([negated, values]): Expr => ({ kind: 'in', negated, subject, values }));
const nullCheck = (subject: Subject): fc.Arbitrary<Expr> => fc.boolean().map((negated): Expr => ({ kind: 'null_check', negated, subject }));

/** A well-typed condition on one catalogue attribute. */
function attributeCondition(name: string, type: AttributeType): fc.Arbitrary<Expr> {
  const subject: Subject = { kind: 'attribute', name };
  switch (type) {
    case 'string':
    case 'company_ref':
      return fc.oneof(compare(subject, EQUALITY, LITERALS[type]), inList(subject, LITERALS[type]), nullCheck(subject));
    case 'number':
      return fc.oneof(compare(subject, [...EQUALITY, ...ORDERING], numLit), inList(subject, numLit), nullCheck(subject));
    case 'money':
    case 'date':
      return fc.oneof(compare(subject, [...EQUALITY, ...ORDERING], LITERALS[type]), nullCheck(subject));
    case 'boolean':
      return fc.oneof(compare(subject, EQUALITY, boolLit), nullCheck(subject));
    case 'string_list':
      return fc.oneof(strLit.map((value): Expr => ({ kind: 'contains', subject, value })), nullCheck(subject));
  }
}

/** A condition on an undeclared custom field: typed by its literal, as the checker allows. */
const customCondition: fc.Arbitrary<Expr> = fc.constantFrom(...CUSTOM_FIELDS).chain((field) => {
  const subject: Subject = { kind: 'custom', field };
  return fc.oneof(
    compare(subject, [...EQUALITY, ...ORDERING], fc.oneof(numLit, moneyLit, dateLit)),
    compare(subject, EQUALITY, fc.oneof(strLit, boolLit)),
    inList(subject, strLit),
    inList(subject, numLit),
    strLit.map((value): Expr => ({ kind: 'contains', subject, value })),
    nullCheck(subject),
  );
});

const hierarchy: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom('descendant_of' as const, 'child_of' as const), fc.constantFrom(...IDS))
  .map(([relation, companyId]): Expr => ({ kind: 'hierarchy', relation, companyId }));

const typedLeaf: fc.Arbitrary<Expr> = fc.oneof(
  { arbitrary: fc.constantFrom(...ATTRIBUTES).chain((a) => attributeCondition(a.name, a.type)), weight: 6 },
  { arbitrary: customCondition, weight: 2 },
  { arbitrary: hierarchy, weight: 1 },
);

function tree(leafArb: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  return fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb,
      fc.array(tie('expr'), { minLength: 2, maxLength: 4 }).map((operands): Expr => ({ kind: 'and', operands })),
      fc.array(tie('expr'), { minLength: 2, maxLength: 4 }).map((operands): Expr => ({ kind: 'or', operands })),
      tie('expr').map((operand): Expr => ({ kind: 'not', operand })),
    ),
  })).expr;
}

const typedRule = tree(typedLeaf);

// Syntactically valid but not necessarily well-typed rules, with any string, number or amount.
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false', 'contains']);
const anyName = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/).filter((n) => !KEYWORDS.has(n));
const anySubject: fc.Arbitrary<Subject> = fc.oneof(
  anyName.map((name): Subject => ({ kind: 'attribute', name })),
  anyName.map((field): Subject => ({ kind: 'custom', field })),
);
const anyLiteral: fc.Arbitrary<Literal> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }).map((value): Literal => ({ kind: 'string', value })),
  fc
    .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .filter((v) => !Object.is(v, -0))
    .map((value): Literal => ({ kind: 'number', value })),
  boolLit,
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d): Literal => ({ kind: 'date', value: d.toISOString().slice(0, 10) })),
  fc
    .tuple(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('PKR', 'USD', 'KWD', 'JPY', 'BHD', 'CLF'))
    .map(([amount, currency]): Literal => ({ kind: 'money', amount, currency })),
);
const anyLeaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.tuple(anySubject, fc.constantFrom<CompareOp>('=', '!=', '<', '<=', '>', '>='), anyLiteral).map(([subject, op, value]): Expr => ({ kind: 'compare', op, subject, value })),
  fc.tuple(anySubject, fc.boolean(), fc.array(anyLiteral, { minLength: 1, maxLength: 3 })).map(([subject, negated, values]): Expr => ({ kind: 'in', negated, subject, values })),
  fc.tuple(anySubject, anyLiteral).map(([subject, value]): Expr => ({ kind: 'contains', subject, value })),
  fc.tuple(anySubject, fc.boolean()).map(([subject, negated]): Expr => ({ kind: 'null_check', negated, subject })),
  fc
    .tuple(fc.constantFrom('descendant_of' as const, 'child_of' as const), fc.stringMatching(/^[0-9a-z]{26}$/))
    .map(([relation, tail]): Expr => ({ kind: 'hierarchy', relation, companyId: `cmp_${tail}` })),
);

// Random companies: every field may be missing, null, or of a value from the pools.
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), arb);
const moneyMap = fc.dictionary(fc.constantFrom(...CURRENCIES), fc.constantFrom(...AMOUNTS), { maxKeys: 3 });
const strList = fc.uniqueArray(fc.constantFrom(...STRINGS), { maxLength: 3 });
const dayOrStamp = fc.oneof(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS).map((d) => `${d}T08:30:00Z`));
const customValue: fc.Arbitrary<CustomValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...STRINGS),
  fc.constantFrom(...NUMBERS),
  fc.boolean(),
  fc.constantFrom(...DAYS),
  strList,
  fc.tuple(fc.constantFrom(...AMOUNTS), fc.constantFrom(...CURRENCIES)).map(([amount, currency]) => ({ amount, currency })),
);

const facts: fc.Arbitrary<CompanyFacts> = fc.record({
  id: fc.constantFrom(...IDS),
  ancestors: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 3 }),
  attributes: fc.record(
    {
      parent_id: orNull(fc.constantFrom(...IDS)),
      industry: orNull(fc.constantFrom(...STRINGS)),
      country: orNull(fc.constantFrom(...STRINGS)),
      region: orNull(fc.constantFrom(...STRINGS)),
      tags: orNull(strList),
      contract_tier: orNull(fc.constantFrom(...STRINGS)),
      payment_terms: orNull(fc.constantFrom(...STRINGS)),
      created_at: orNull(dayOrStamp),
      depth: orNull(fc.constantFrom(...NUMBERS)),
      currency: orNull(fc.constantFrom(...STRINGS)),
      status: orNull(fc.constantFrom(...STRINGS)),
    },
    { requiredKeys: [] },
  ),
  metrics: fc.record(
    {
      spend_30d: moneyMap,
      spend_90d: moneyMap,
      spend_365d: moneyMap,
      spend_lifetime: moneyMap,
      order_count_30d: fc.constantFrom(...NUMBERS),
      order_count_90d: fc.constantFrom(...NUMBERS),
      order_count_365d: fc.constantFrom(...NUMBERS),
      order_count_lifetime: fc.constantFrom(...NUMBERS),
      average_order_value: moneyMap,
      first_order_at: orNull(dayOrStamp),
      last_order_at: orNull(dayOrStamp),
      categories_bought: strList,
      brands_bought: strList,
      open_quote_count: fc.constantFrom(...NUMBERS),
      overdue_invoice_amount: moneyMap,
    },
    { requiredKeys: [] },
  ),
  custom: fc.dictionary(fc.constantFrom(...CUSTOM_FIELDS), customValue, { maxKeys: 6 }),
});

// ---------------------------------------------------------------------------------------------
// The reference interpreter: slow, direct, and independent of the catalogue.
const METRICS = new Set(['spend_30d', 'spend_90d', 'spend_365d', 'spend_lifetime', 'order_count_30d', 'order_count_90d', 'order_count_365d', 'order_count_lifetime', 'average_order_value', 'first_order_at', 'last_order_at', 'categories_bought', 'brands_bought', 'open_quote_count', 'overdue_invoice_amount']);
const COUNTS = new Set(['order_count_30d', 'order_count_90d', 'order_count_365d', 'order_count_lifetime', 'open_quote_count']);
const SUMS = new Set(['spend_30d', 'spend_90d', 'spend_365d', 'spend_lifetime', 'overdue_invoice_amount']);

function rawOf(s: Subject, f: CompanyFacts): unknown {
  if (s.kind === 'custom') return f.custom?.[s.field];
  if (s.name === 'id') return f.id;
  const bag: Record<string, unknown> = METRICS.has(s.name) ? { ...f.metrics } : { ...f.attributes };
  return bag[s.name];
}

/** The value to compare with `lit`, or null when missing / of another type. */
function refValue(s: Subject, f: CompanyFacts, lit: Literal): string | number | boolean | null {
  const raw = rawOf(s, f);
  const name = s.kind === 'attribute' ? s.name : '';
  if (lit.kind === 'string') return typeof raw === 'string' ? raw : null;
  if (lit.kind === 'boolean') return typeof raw === 'boolean' ? raw : null;
  if (lit.kind === 'number') {
    if (typeof raw === 'number') return raw;
    return raw === undefined || raw === null ? (COUNTS.has(name) ? 0 : null) : null;
  }
  if (lit.kind === 'date') return typeof raw === 'string' && /^\d\d\d\d-\d\d-\d\d/.test(raw) ? raw.substring(0, 10) : null;
  if (s.kind === 'custom') {
    const m = raw as { amount?: unknown; currency?: unknown } | null | undefined;
    return m && typeof m === 'object' && typeof m.amount === 'number' && m.currency === lit.currency ? m.amount : null;
  }
  const map = (raw ?? {}) as Record<string, number | undefined>;
  const amount = map[lit.currency];
  if (typeof amount === 'number') return amount;
  return SUMS.has(name) ? 0 : null;
}

function refMissing(s: Subject, f: CompanyFacts): boolean {
  const raw = rawOf(s, f);
  const name = s.kind === 'attribute' ? s.name : '';
  if (COUNTS.has(name) || SUMS.has(name)) return false;
  if (raw === undefined || raw === null) return true;
  if (Array.isArray(raw)) return raw.length === 0;
  if (typeof raw === 'object' && !('amount' in raw)) return Object.keys(raw).length === 0;
  return false;
}

function litValue(l: Literal): string | number | boolean {
  return l.kind === 'money' ? l.amount : l.value;
}

function reference(e: Expr, f: CompanyFacts): boolean {
  switch (e.kind) {
    case 'and':
      return e.operands.every((o) => reference(o, f));
    case 'or':
      return e.operands.some((o) => reference(o, f));
    case 'not':
      return !reference(e.operand, f);
    case 'hierarchy':
      return e.relation === 'descendant_of' ? f.ancestors.indexOf(e.companyId) >= 0 : f.ancestors.length > 0 && f.ancestors[f.ancestors.length - 1] === e.companyId;
    case 'null_check':
      return refMissing(e.subject, f) !== e.negated;
    case 'contains': {
      const raw = rawOf(e.subject, f);
      return Array.isArray(raw) && raw.some((x) => x === litValue(e.value));
    }
    case 'in': {
      const v = refValue(e.subject, f, e.values[0]!);
      if (v === null) return false;
      const found = e.values.some((l) => litValue(l) === v);
      return e.negated ? !found : found;
    }
    case 'compare': {
      const v = refValue(e.subject, f, e.value);
      if (v === null) return false;
      const x = litValue(e.value);
      if (e.op === '=') return v === x;
      if (e.op === '!=') return v !== x;
      if (e.op === '<') return v < x;
      if (e.op === '<=') return v <= x;
      if (e.op === '>') return v > x;
      return v >= x;
    }
  }
}

// ---------------------------------------------------------------------------------------------
describe('rule properties', () => {
  it('prints any rule so that parsing it gives the same rule back', () => {
    fc.assert(
      fc.property(fc.oneof(typedRule, tree(anyLeaf)), (ast) => {
        const source = print(ast);
        const parsed = parse(source);
        if (!parsed.ok) throw new Error(`${source}\n${parsed.errors[0]?.message}`);
        expect(stripSpans(parsed.ast)).toEqual(ast);
        expect(print(parsed.ast)).toBe(source);
        expect(isExpr(JSON.parse(JSON.stringify(parsed.ast)))).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('generates only rules the type checker accepts (so the next property tests checked rules)', () => {
    fc.assert(
      fc.property(typedRule, (ast) => {
        expect(check(ast, print(ast))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the reference interpreter on random rules and companies, and explain agrees too', () => {
    fc.assert(
      fc.property(typedRule, fc.array(facts, { minLength: 1, maxLength: 8 }), (ast, companies) => {
        const predicate = compileToPredicate(ast);
        for (const f of companies) {
          const expected = reference(ast, f);
          expect(predicate(f)).toBe(expected);
          expect(evaluate(ast, f)).toBe(expected);
          expect(explain(ast, f).matched).toBe(expected);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('finds both matching and non-matching companies among the random cases (the pools overlap)', () => {
    let matched = 0;
    let total = 0;
    fc.assert(
      fc.property(typedLeaf, facts, (ast, f) => {
        total++;
        if (reference(ast, f)) matched++;
      }),
      { numRuns: 500 },
    );
    expect(matched / total).toBeGreaterThan(0.15);
    expect(matched / total).toBeLessThan(0.85);
  });

  it('never throws on arbitrary input: every failure is an error with a position inside the source', () => {
    const TOKENS = ['industry', 'spend_90d', 'tags', 'custom(', 'descendant_of(', 'date(', '"cmp_01jd0000000000000000000000"', '"x"', '"2026-01-31"', '5', '5.5', '-', 'PKR', 'pkr', 'and', 'or', 'not', 'in', 'is', 'null', 'contains', 'true', '(', ')', ',', '=', '!=', '<', '>=', '"', '\\', '\n', '≥'];
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((ts) => ts.join(' '));
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 40 })), (source) => {
        const r = compileRule(source);
        if (r.ok) return;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.offset).toBeGreaterThanOrEqual(0);
          expect(e.offset + e.length).toBeLessThanOrEqual(source.length);
          expect(e.message).toContain(` at ${e.line}:${e.column}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
