import { describe, expect, it } from 'vitest';
import { isId } from '../../../lib/ids.ts';
import { stripSpans, type Expr } from './ast.ts';
import { tokenize } from './lexer.ts';
import { COMPANY_ID, MAX_DEPTH, parse } from './parser.ts';
import { print } from './printer.ts';

const CMP = 'cmp_01jd0000000000000000000000';

function ast(source: string): Expr {
  const r = parse(source);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return stripSpans(r.ast);
}

const attr = (name: string) => ({ kind: 'attribute', name }) as const;

describe('rule parser: accepted rules', () => {
  it('parses the issue example into a typed tree', () => {
    expect(ast(`industry in ("construction", "mining") and spend_90d >= 50000.00 PKR and descendant_of("${CMP}")`)).toEqual({
      kind: 'and',
      operands: [
        { kind: 'in', negated: false, subject: attr('industry'), values: [{ kind: 'string', value: 'construction' }, { kind: 'string', value: 'mining' }] },
        { kind: 'compare', op: '>=', subject: attr('spend_90d'), value: { kind: 'money', amount: 5000000, currency: 'PKR' } },
        { kind: 'hierarchy', relation: 'descendant_of', companyId: CMP },
      ],
    });
  });

  it.each([
    ['and binds tighter than or', 'a = 1 or b = 2 and c = 3', 'a = 1 or b = 2 and c = 3'],
    ['parentheses regroup', '(a = 1 or b = 2) and c = 3', '(a = 1 or b = 2) and c = 3'],
    ['keywords are case-insensitive', 'NOT a = 1 AND tags CONTAINS "x" Or b IS NOT NULL', 'not a = 1 and tags contains "x" or b is not null'],
    ['not in', 'country NOT IN ("PK", "AE")', 'country not in ("PK", "AE")'],
    ['is null', 'region is null', 'region is null'],
    ['whitespace and new lines are free', 'a=1\n  and\tb   !=2', 'a = 1 and b != 2'],
    ['all six comparison operators', 'a = 1 and a != 1 and a < 1 and a <= 1 and a > 1 and a >= 1', 'a = 1 and a != 1 and a < 1 and a <= 1 and a > 1 and a >= 1'],
    ['booleans', 'custom("vat_registered") = TRUE', 'custom("vat_registered") = true'],
    ['negative and decimal numbers', 'depth > -1 and custom("score") >= 2.5', 'depth > -1 and custom("score") >= 2.5'],
    ['dates', 'created_at >= date("2026-01-31")', 'created_at >= date("2026-01-31")'],
    ['string escapes', 'region = "a \\"quoted\\" \\\\ name\\n\\u00e9"', 'region = "a \\"quoted\\" \\\\ name\\né"'],
    ['money without decimals gets the currency exponent', 'spend_30d > 500 PKR', 'spend_30d > 500.00 PKR'],
    ['money in a 3-decimal currency', 'spend_30d > 1.5 KWD', 'spend_30d > 1.500 KWD'],
    ['money in a 0-decimal currency', 'spend_30d > 1500 JPY', 'spend_30d > 1500 JPY'],
    ['child_of', `child_of("${CMP}") or not descendant_of("${CMP}")`, `child_of("${CMP}") or not descendant_of("${CMP}")`],
    ['nested groups keep their shape', '(a = 1 and b = 2) and c = 3', '(a = 1 and b = 2) and c = 3'],
    ['redundant parentheses around one condition vanish', '((a = 1))', 'a = 1'],
    ['not of a group', 'not (a = 1 or b = 2)', 'not (a = 1 or b = 2)'],
  ])('%s', (_name, source, canonical) => {
    expect(print(ast(source))).toBe(canonical);
  });

  it('reads money exactly in minor units, without float error', () => {
    expect(ast('spend_90d >= 0.29 USD')).toMatchObject({ value: { amount: 29, currency: 'USD' } });
    expect(ast('spend_90d >= 1234567.89 PKR')).toMatchObject({ value: { amount: 123456789 } });
    expect(ast('spend_90d >= 1.234 KWD')).toMatchObject({ value: { amount: 1234, currency: 'KWD' } });
  });

  it('records source spans for every node', () => {
    const r = parse('industry = "x" and\n  spend_90d >= 5 PKR');
    expect(r.ok && r.ast).toMatchObject({
      span: { offset: 0, length: 39 },
      operands: [
        { span: { offset: 0, length: 14 }, subject: { span: { offset: 0, length: 8 } }, value: { span: { offset: 11, length: 3 } } },
        { span: { offset: 21, length: 18 }, value: { span: { offset: 34, length: 5 } } },
      ],
    });
  });

  it('produces JSON that survives a jsonb round trip', () => {
    const r = parse(`industry in ("a") and spend_90d >= 5.00 PKR and created_at < date("2026-01-01") and not descendant_of("${CMP}")`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(JSON.parse(JSON.stringify(r.ast))).toEqual(r.ast);
  });

  it('accepts company ids exactly as the id generator makes them', () => {
    expect(COMPANY_ID.test(CMP)).toBe(isId('company', CMP));
    expect(COMPANY_ID.test('cmp_x')).toBe(isId('company', 'cmp_x'));
  });
});

describe('rule parser: syntax errors point at the problem and say what was expected', () => {
  it.each([
    ['', 1, 1, 0, 'the rule is empty: expected a condition like industry = "construction" at 1:1'],
    ['industry =', 1, 11, 10, 'expected a string like "construction" after = for industry, got the end of the rule at 1:11'],
    ['industry', 1, 9, 8, 'expected a comparison after industry (=, !=, <, <=, >, >=, in, not in, contains, is null), got the end of the rule at 1:9'],
    ['industry "x"', 1, 10, 9, 'expected a comparison after industry (=, !=, <, <=, >, >=, in, not in, contains, is null), got string "x" at 1:10; put an operator between them, e.g. industry = "x"'],
    ['industry = "a" country = "PK"', 1, 16, 15, 'expected "and", "or" or the end of the rule, got country at 1:16'],
    ['industry = "a" )', 1, 16, 15, 'expected "and", "or" or the end of the rule, got ")" at 1:16; this ")" has no matching "("'],
    ['(industry = "a" or\n country = "PK"', 2, 16, 34, 'expected ")" to close the "(" at 1:1, got the end of the rule at 2:16'],
    ['industry == "x"', 1, 10, 9, 'unexpected "==" at 1:10; use = to compare'],
    ["industry = 'x'", 1, 12, 11, 'unexpected character "\'" at 1:12; strings use double quotes: "text"'],
    ['spend_90d ≥ 5 PKR', 1, 11, 10, 'unexpected character "≥" at 1:11; use >='],
    ['industry = "abc', 1, 12, 11, 'unterminated string: expected a closing " on the same line at 1:12'],
    ['industry = "a\\qb"', 1, 14, 13, 'unknown escape "\\q" in a string at 1:14; use \\" \\\\ \\n \\t or \\uXXXX'],
    ['industry in "a"', 1, 13, 12, 'expected "(" after in for industry, got string "a" at 1:13; write industry in ("a", …)'],
    ['industry in ()', 1, 14, 13, 'expected at least one value in the list after in for industry, got ")" at 1:14'],
    ['industry in ("a" "b")', 1, 18, 17, 'expected "," or ")" in the list after in for industry, got string "b" at 1:18'],
    ['industry not ("a")', 1, 14, 13, 'expected "in" after "not" in industry not in (…), got "(" at 1:14'],
    ['region is empty', 1, 11, 10, 'expected "null" after "is" for region, got empty at 1:11; compare values with =, e.g. industry = "construction"'],
    ['industry = null', 1, 12, 11, 'expected a string like "construction" after = for industry, got "null" at 1:12; to test for a missing value write industry is null'],
    ['industry = construction', 1, 12, 11, 'expected a string like "construction" after = for industry, got construction at 1:12; values are literals; strings need double quotes'],
    ['spend_90d >= 5000 pkr', 1, 19, 18, 'expected an upper-case currency code after 5000, got pkr at 1:19; write 5000 PKR'],
    ['spend_90d >= 5000 XQZ', 1, 19, 18, 'unknown currency XQZ, expected an ISO 4217 code like PKR at 1:19'],
    ['spend_90d >= 50.001 PKR', 1, 14, 13, 'expected a money amount like 50000.00 PKR, got 50.001 PKR at 1:14; PKR has 2 decimal places, 50.001 has 3'],
    ['spend_90d >= 5e3 PKR', 1, 14, 13, 'expected a money amount like 50000.00 PKR, got 5e3 PKR at 1:14; write money amounts as digits with an optional decimal point, like 50000.00 PKR'],
    ['depth > - 1', 1, 9, 8, 'expected a number right after "-", got number 1 at 1:9'],
    ['created_at > date("2026-02-30")', 1, 19, 18, 'expected a date as "YYYY-MM-DD" like "2026-01-31" in date(…), got string "2026-02-30" at 1:19'],
    ['created_at > date(2026)', 1, 19, 18, 'expected a date as "YYYY-MM-DD" like "2026-01-31" in date(…), got number 2026 at 1:19'],
    ['descendant_of("acme")', 1, 15, 14, 'expected a company id like "cmp_01jd0000000000000000000000" in descendant_of(…), got string "acme" at 1:15'],
    [`child_of("${CMP}"`, 1, 42, 41, 'expected ")" to close child_of(…), got the end of the rule at 1:42'],
    ['custom("Credit Grade") = "A"', 1, 8, 7, 'expected a custom field name in snake_case like "credit_grade" in custom(…), got string "Credit Grade" at 1:8'],
    ['decendant_of("x")', 1, 1, 0, 'unknown function decendant_of, expected one of descendant_of, child_of, custom, date at 1:1; did you mean descendant_of?'],
    ['industry("x")', 1, 1, 0, 'unknown function industry, expected one of descendant_of, child_of, custom, date at 1:1; industry is an attribute, not a function'],
    ['date("2026-01-01") < created_at', 1, 1, 0, 'expected an attribute before the date, got date(…) at 1:1; write the attribute first: created_at >= date("2026-01-31")'],
    ['"construction" = industry', 1, 1, 0, 'expected a condition (an attribute, custom("…"), descendant_of("…"), child_of("…"), "not" or "("), got string "construction" at 1:1; a rule starts with what it tests, e.g. industry = "construction"'],
    ['spend_90d >= 50,000.00 PKR', 1, 16, 15, 'expected "and", "or" or the end of the rule, got "," at 1:16; write numbers without thousands separators, e.g. 50000.00 PKR'],
    ['spend_90d >= PKR 50000', 1, 14, 13, 'expected a money amount like 5000.00 PKR after >= for spend_90d, got PKR at 1:14; write the amount first: 50000 PKR'],
    ['created_at < DATE("2026-01-01")', 1, 14, 13, 'expected a date like date("2026-01-31") after < for created_at, got DATE at 1:14; function names are lower case: date("2026-01-31")'],
    ['Descendant_Of("x")', 1, 1, 0, 'unknown function Descendant_Of, expected one of descendant_of, child_of, custom, date at 1:1; did you mean descendant_of?'],
    ['industry = "a" and', 1, 19, 18, 'expected a condition (an attribute, custom("…"), descendant_of("…"), child_of("…"), "not" or "("), got the end of the rule at 1:19'],
  ])('%j', (source, line, column, offset, message) => {
    const r = parse(source);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ message, line, column, offset })]);
  });

  it('gives the length of the offending text and what would be accepted there', () => {
    const r = parse('industry = "a" country = "PK"');
    expect(!r.ok && r.errors[0]).toMatchObject({ offset: 15, length: 7, expected: ['and', 'or', 'end of rule'] });
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = `${'('.repeat(MAX_DEPTH + 1)}a = 1${')'.repeat(MAX_DEPTH + 1)}`;
    const r = parse(deep);
    expect(!r.ok && r.errors[0]?.message).toMatch(/nested too deeply/);
    expect(parse(`${'not '.repeat(10_000)}a = 1`).ok).toBe(false);
    expect(parse(`${'('.repeat(MAX_DEPTH)}a = 1${')'.repeat(MAX_DEPTH)}`).ok).toBe(true);
  });

  it('refuses a rule longer than the limit', () => {
    const r = parse(`a = "${'x'.repeat(30_000)}"`);
    expect(!r.ok && r.errors[0]?.message).toMatch(/longer than 20000 characters/);
  });

  it('tokenizes keywords case-insensitively but keeps identifiers as written', () => {
    expect(tokenize('AnD Industry').map((t) => t.kind)).toEqual(['keyword', 'ident', 'eof']);
  });
});
