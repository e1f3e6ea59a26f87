import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { compileRule } from './compile.ts';
import { ATTRIBUTES } from './catalogue.ts';
import { compileToPredicate, evaluate, READER_NAMES, subjectReader } from './evaluate.ts';
import type { CompanyFacts } from './facts.ts';

const ROOT = 'cmp_01jd0000000000000000000000';
const MID = 'cmp_01jd0000000000000000000001';

function rule(source: string): Expr {
  const r = compileRule(source);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.ast;
}

function company(over: Partial<CompanyFacts> = {}): CompanyFacts {
  return { id: 'cmp_01jd00000000000000000000zz', ancestors: [], attributes: {}, metrics: {}, ...over };
}

const acme = company({
  ancestors: [ROOT, MID],
  attributes: { industry: 'construction', country: 'PK', region: 'Punjab', tags: ['vip', 'north'], depth: 2, created_at: '2025-03-04T10:00:00Z', status: 'active' },
  metrics: {
    spend_90d: { PKR: 6_120_000, USD: 10_000 },
    order_count_90d: 7,
    average_order_value: { PKR: 874_285 },
    last_order_at: '2026-01-15',
    categories_bought: ['cement'],
  },
  custom: { credit_grade: 'A', credit_limit: { amount: 1_000_000, currency: 'PKR' }, vat_registered: true, score: 7.5 },
});
const blank = company();

describe('rule evaluation', () => {
  it.each([
    // strings
    ['industry = "construction"', true, false],
    ['industry = "Construction"', false, false],
    ['industry != "mining"', true, false],
    ['industry in ("mining", "construction")', true, false],
    ['industry not in ("mining")', true, false],
    ['not (industry = "mining")', true, true],
    ['industry is null', false, true],
    ['industry is not null', true, false],
    // numbers, and counts that are 0 when there are no orders
    ['depth = 2', true, false],
    ['depth >= 3', false, false],
    ['depth in (1, 2)', true, false],
    ['order_count_90d > 5', true, false],
    ['order_count_90d = 0', false, true],
    ['order_count_90d is null', false, false],
    ['open_quote_count < 1', true, true],
    // money in one currency, sums 0 when absent, averages missing
    ['spend_90d >= 50000.00 PKR', true, false],
    ['spend_90d >= 61200.01 PKR', false, false],
    ['spend_90d = 61200.00 PKR', true, false],
    ['spend_90d < 1.00 PKR', false, true],
    ['spend_90d > 99.00 USD', true, false],
    ['spend_90d > 0.00 AED', false, false],
    ['spend_90d = 0.00 AED', true, true],
    ['average_order_value > 0.00 PKR', true, false],
    ['average_order_value < 1000000.00 USD', false, false],
    ['average_order_value is null', false, true],
    ['overdue_invoice_amount = 0.00 PKR', true, true],
    // dates by day, also from full timestamps
    ['created_at = date("2025-03-04")', true, false],
    ['created_at < date("2025-03-05")', true, false],
    ['last_order_at >= date("2026-01-15")', true, false],
    ['last_order_at is null', false, true],
    // lists
    ['tags contains "vip"', true, false],
    ['tags contains "VIP"', false, false],
    ['not tags contains "vip"', false, true],
    ['tags is null', false, true],
    ['categories_bought contains "cement"', true, false],
    ['brands_bought is null', true, true],
    // hierarchy
    [`descendant_of("${ROOT}")`, true, false],
    [`descendant_of("${MID}")`, true, false],
    [`child_of("${MID}")`, true, false],
    [`child_of("${ROOT}")`, false, false],
    ['parent_id is null', true, true],
    // custom fields, typed by their values
    ['custom("credit_grade") = "A"', true, false],
    ['custom("credit_grade") >= 5', false, false],
    ['custom("credit_limit") >= 10000.00 PKR', true, false],
    ['custom("credit_limit") >= 1.00 USD', false, false],
    ['custom("vat_registered") = true', true, false],
    ['custom("vat_registered") != false', true, false],
    ['custom("score") > 7', true, false],
    ['custom("missing") is null', true, true],
    // boolean structure
    ['industry = "construction" and spend_90d >= 50000.00 PKR and tags contains "vip"', true, false],
    ['industry = "mining" or tags contains "north"', true, false],
    ['not (industry = "mining" or depth > 5)', true, true],
    ['(industry = "mining" or depth = 2) and not region is null', true, false],
  ])('%s → acme %s, empty company %s', (source, forAcme, forBlank) => {
    const ast = rule(source);
    expect(evaluate(ast, acme)).toBe(forAcme);
    expect(evaluate(ast, blank)).toBe(forBlank);
    expect(compileToPredicate(ast)(acme)).toBe(forAcme);
  });

  it('null truth table: a comparison with a missing value is false; not and is null see it', () => {
    const noIndustry = company({ attributes: { industry: null } });
    const table: [string, boolean][] = [
      ['industry = "x"', false],
      ['industry != "x"', false],
      ['industry in ("x")', false],
      ['industry not in ("x")', false],
      ['not industry = "x"', true],
      ['industry is null', true],
      ['industry is not null', false],
      ['industry is null or industry != "x"', true],
    ];
    expect(table.map(([s]) => [s, evaluate(rule(s), noIndustry)])).toEqual(table);
  });

  it('does not convert currencies: a company that buys only in USD is not a PKR big spender', () => {
    const dollars = company({ metrics: { spend_90d: { USD: 100_000_000 } } });
    expect(evaluate(rule('spend_90d >= 50000.00 PKR'), dollars)).toBe(false);
    expect(evaluate(rule('spend_90d >= 50000.00 USD'), dollars)).toBe(true);
  });

  it('treats a value of the wrong type as missing instead of throwing', () => {
    const odd = company({ attributes: { industry: 42 as unknown as string, tags: 'vip' as unknown as string[] } });
    expect(evaluate(rule('industry = "42"'), odd)).toBe(false);
    expect(evaluate(rule('industry != "42"'), odd)).toBe(false);
    expect(evaluate(rule('tags contains "vip"'), odd)).toBe(false);
  });

  it('evaluates a stored rule naming an attribute no longer in the catalogue as missing', () => {
    const stored: Expr = { kind: 'compare', op: '=', subject: { kind: 'attribute', name: 'retired_field' }, value: { kind: 'string', value: 'x' } };
    expect(evaluate(stored, acme)).toBe(false);
    expect(evaluate({ kind: 'not', operand: stored }, acme)).toBe(true);
  });

  it('has a reader for every attribute in the catalogue, reading where the catalogue says', () => {
    expect([...READER_NAMES].sort()).toEqual(ATTRIBUTES.map((a) => a.name).sort());
    for (const a of ATTRIBUTES) {
      const facts: CompanyFacts =
        a.source === 'company' ? company({ id: 'probe' }) : a.source === 'metrics' ? company({ metrics: { [a.name]: 'probe' } }) : company({ attributes: { [a.name]: 'probe' } });
      expect([a.name, subjectReader({ kind: 'attribute', name: a.name }).read(facts)]).toEqual([a.name, 'probe']);
    }
  });
});
