import { describe, expect, it } from 'vitest';
import { compileRule } from './compile.ts';

const CMP = 'cmp_01jd0000000000000000000000';

function errorsOf(source: string, customFields?: Record<string, 'string' | 'number' | 'money' | 'date' | 'boolean' | 'string_list'>) {
  const r = compileRule(source, customFields ? { customFields } : {});
  return r.ok ? [] : r.errors;
}

describe('rule type checker', () => {
  it.each([
    ['spend_90d >= "abc"', 1, 14, 'expected a money amount like 5000.00 PKR after >= for spend_90d, got string "abc" at 1:14'],
    ['industry = "construction" and spend_90d >= "abc"', 1, 44, 'expected a money amount like 5000.00 PKR after >= for spend_90d, got string "abc" at 1:44'],
    ['spend_90d >= 50000', 1, 14, 'expected a money amount like 5000.00 PKR after >= for spend_90d, got number 50000 at 1:14; add the currency: 50000 PKR'],
    ['order_count_90d > 5.00 PKR', 1, 19, 'expected a number like 10 after > for order_count_90d, got money 5.00 PKR at 1:19; order_count_90d is a number, not money'],
    ['indstry = "x"', 1, 1, 'unknown attribute indstry at 1:1; did you mean industry?'],
    ['Industry = "x"', 1, 1, 'unknown attribute Industry at 1:1; did you mean industry?'],
    ['spend_90 > 1.00 PKR', 1, 1, 'unknown attribute spend_90 at 1:1; did you mean spend_90d?'],
    ['credit_grade = "A"', 1, 1, 'unknown attribute credit_grade at 1:1; custom fields are written custom("credit_grade")'],
    ['tags = "vip"', 1, 6, 'expected contains, is null, is not null after tags (a list of strings), got = at 1:6; tags is a list: use tags contains "…"'],
    ['tags in ("vip")', 1, 6, 'expected contains, is null, is not null after tags (a list of strings), got in at 1:6; tags is a list: use tags contains "…"'],
    ['industry contains "x"', 1, 10, 'expected =, !=, in, not in, is null, is not null after industry (a string), got contains at 1:10; contains is for lists (tags, categories_bought, brands_bought); use = or in'],
    ['country >= "PK"', 1, 9, 'expected =, !=, in, not in, is null, is not null after country (a string), got >= at 1:9'],
    ['spend_90d in (5.00 PKR)', 1, 11, 'expected =, !=, <, <=, >, >=, is null, is not null after spend_90d (a money amount), got in at 1:11; write several comparisons joined by or'],
    ['created_at > "2026-01-01"', 1, 14, 'expected a date like date("2026-01-31") after > for created_at, got string "2026-01-01" at 1:14; write date("2026-01-01")'],
    ['last_order_at < 5', 1, 17, 'expected a date like date("2026-01-31") after < for last_order_at, got number 5 at 1:17'],
    ['depth = "1"', 1, 9, 'expected a number like 1 after = for depth, got string "1" at 1:9'],
    ['industry = 5', 1, 12, 'expected a string like "construction" after = for industry, got number 5 at 1:12; strings need double quotes: "5"'],
    ['industry in ("a", 5)', 1, 19, 'expected a string like "construction" after in for industry, got number 5 at 1:19; strings need double quotes: "5"'],
    ['tags contains 5', 1, 15, 'expected a string like "vip" after contains for tags, got number 5 at 1:15; strings need double quotes: "5"'],
    ['parent_id = "acme"', 1, 13, `expected a company id like "${CMP}" after = for parent_id, got string "acme" at 1:13`],
    ['custom("x") > "a"', 1, 15, 'expected a number, money amount or date after > for custom("x"), got string "a" at 1:15'],
    ['custom("x") in (true)', 1, 17, 'expected a string or a number after in for custom("x"), got true at 1:17'],
    ['custom("x") in ("a", 5)', 1, 22, 'expected every value in the list for custom("x") to be a string like the first, got number 5 at 1:22'],
    ['custom("x") contains 5', 1, 22, 'expected a string after contains for custom("x"), got number 5 at 1:22'],
  ])('%j', (source, line, column, message) => {
    expect(errorsOf(source)).toEqual([expect.objectContaining({ message, line, column })]);
  });

  it('reports every type error in the rule, each at its own place', () => {
    const errors = errorsOf('indstry = "x" and\nspend_90d >= "abc" or tags = "vip"');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, 1],
      [2, 14],
      [2, 28],
    ]);
  });

  it('lists the attributes that would be accepted for an unknown one', () => {
    const [error] = errorsOf('indstry = "x"');
    expect(error?.expected).toContain('industry');
    expect(error?.length).toBe(7);
  });

  it('types declared custom fields and refuses undeclared ones with a suggestion', () => {
    const fields = { credit_grade: 'string', credit_limit: 'money', vat_registered: 'boolean' } as const;
    expect(errorsOf('custom("credit_grade") in ("A", "B") and custom("vat_registered") = true and custom("credit_limit") > 5.00 PKR', fields)).toEqual([]);
    expect(errorsOf('custom("credit_grad") = "A"', fields).map((e) => e.message)).toEqual(['unknown custom field "credit_grad" at 1:1; did you mean "credit_grade"?']);
    expect(errorsOf('custom("credit_limit") > 5', fields).map((e) => e.message)).toEqual([
      'expected a money amount like 5000.00 PKR after > for custom("credit_limit"), got number 5 at 1:26; add the currency: 5 PKR',
    ]);
  });

  it.each([
    'industry in ("construction", "mining") and spend_90d >= 50000.00 PKR and descendant_of("cmp_01jd0000000000000000000000")',
    'tags contains "vip" or categories_bought contains "cement" or brands_bought contains "acme"',
    'region is null and parent_id is not null and status != "suspended"',
    'created_at < date("2026-01-01") and last_order_at >= date("2025-06-01") and first_order_at is not null',
    'order_count_lifetime >= 10 and average_order_value > 250.00 USD and overdue_invoice_amount = 0.00 PKR',
    'depth in (1, 2) and open_quote_count > 0 and contract_tier = "gold" and payment_terms = "net30"',
    'currency = "PKR" and country = "PK" and id != "cmp_01jd0000000000000000000000"',
    'custom("credit_grade") = "A" and custom("limit") >= 10 and custom("flag") = false',
  ])('accepts %s', (source) => {
    expect(errorsOf(source)).toEqual([]);
  });
});
