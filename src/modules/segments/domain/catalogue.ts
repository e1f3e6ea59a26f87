/**
 * The attribute catalogue: every name a rule may test, its type and what it means. Plain data so the
 * admin rule builder can be served it as JSON (to offer names, operators and value inputs).
 */

export type AttributeType = 'string' | 'string_list' | 'number' | 'money' | 'date' | 'boolean' | 'company_ref';

/** Where the evaluator reads the value in `CompanyFacts`. */
export type AttributeSource = 'company' | 'attributes' | 'metrics';

export interface AttributeDef {
  readonly name: string;
  readonly type: AttributeType;
  readonly source: AttributeSource;
  readonly description: string;
  /** A literal as it would be written in a rule, used in error messages and as a builder placeholder. */
  readonly example: string;
  /**
   * What a missing value means. `null`: unknown (comparisons are false, `is null` is true).
   * `zero`: the value is a sum or a count over no records, so it is 0 (spend with no orders in that
   * currency is 0.00, not unknown).
   */
  readonly whenMissing: 'null' | 'zero';
}

const attr = (
  name: string,
  type: AttributeType,
  description: string,
  example: string,
  source: AttributeSource = 'attributes',
  whenMissing: 'null' | 'zero' = 'null',
): AttributeDef => ({ name, type, source, description, example, whenMissing });

const metric = (name: string, type: AttributeType, description: string, example: string, whenMissing: 'null' | 'zero'): AttributeDef =>
  attr(name, type, description, example, 'metrics', whenMissing);

const WINDOWS = [
  ['30d', 'the last 30 days'],
  ['90d', 'the last 90 days'],
  ['365d', 'the last 365 days'],
  ['lifetime', 'all time'],
] as const;

export const ATTRIBUTES: readonly AttributeDef[] = [
  attr('id', 'company_ref', 'The company itself.', '"cmp_01jd0000000000000000000000"', 'company'),
  attr('parent_id', 'company_ref', 'The parent company; null for a top-level company.', '"cmp_01jd0000000000000000000000"'),
  attr('industry', 'string', 'Industry slug, e.g. construction, mining, retail.', '"construction"'),
  attr('country', 'string', 'ISO 3166-1 alpha-2 country of the company.', '"PK"'),
  attr('region', 'string', 'Sales region or province.', '"Punjab"'),
  attr('tags', 'string_list', 'Tags set by staff.', '"vip"'),
  attr('contract_tier', 'string', 'Contract tier, e.g. gold, silver.', '"gold"'),
  attr('payment_terms', 'string', 'Payment terms code, e.g. net30, prepaid.', '"net30"'),
  attr('created_at', 'date', 'Day the company was created (UTC).', 'date("2026-01-31")'),
  attr('depth', 'number', 'Depth in the company tree: 0 for a top-level company, 1 for its children.', '1'),
  attr('currency', 'string', 'The company’s trading currency (ISO 4217).', '"PKR"'),
  attr('status', 'string', 'Account status: active or suspended.', '"active"'),
  ...WINDOWS.map(([w, text]) => metric(`spend_${w}`, 'money', `Net order value over ${text}, per currency.`, '5000.00 PKR', 'zero')),
  ...WINDOWS.map(([w, text]) => metric(`order_count_${w}`, 'number', `Orders placed over ${text}.`, '10', 'zero')),
  metric('average_order_value', 'money', 'Lifetime average order value, per currency; null with no orders in that currency.', '25000.00 PKR', 'null'),
  metric('first_order_at', 'date', 'Day of the first order (UTC); null with no orders.', 'date("2026-01-31")', 'null'),
  metric('last_order_at', 'date', 'Day of the latest order (UTC); null with no orders.', 'date("2026-01-31")', 'null'),
  metric('categories_bought', 'string_list', 'Slugs of the categories of every product ever ordered.', '"cement"', 'zero'),
  metric('brands_bought', 'string_list', 'Slugs of the brands of every product ever ordered.', '"acme"', 'zero'),
  metric('open_quote_count', 'number', 'Quotes sent or under negotiation.', '2', 'zero'),
  metric('overdue_invoice_amount', 'money', 'Unpaid invoice amount past its due date, per currency.', '10000.00 PKR', 'zero'),
];

const BY_NAME = new Map(ATTRIBUTES.map((a) => [a.name, a]));

/** The catalogue entry for `name`, or undefined. */
export function attributeDef(name: string): AttributeDef | undefined {
  return BY_NAME.get(name);
}

/** Declared custom fields (name → type). Without one, custom fields are typed by the value they are compared with. */
export type CustomFieldTypes = Readonly<Record<string, AttributeType>>;

/** The operators each type accepts, as the rule builder offers them (and the checker enforces). */
export const OPERATORS: Readonly<Record<AttributeType, readonly string[]>> = {
  string: ['=', '!=', 'in', 'not in', 'is null', 'is not null'],
  company_ref: ['=', '!=', 'in', 'not in', 'is null', 'is not null'],
  number: ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is null', 'is not null'],
  money: ['=', '!=', '<', '<=', '>', '>=', 'is null', 'is not null'],
  date: ['=', '!=', '<', '<=', '>', '>=', 'is null', 'is not null'],
  boolean: ['=', '!=', 'is null', 'is not null'],
  string_list: ['contains', 'is null', 'is not null'],
};

/** How a value of each type is described in "expected …" messages. */
export function describeExpected(type: AttributeType, example?: string): string {
  switch (type) {
    case 'string':
      return `a string like ${example ?? '"construction"'}`;
    case 'string_list':
      return `a string like ${example ?? '"vip"'}`;
    case 'number':
      return `a number like ${example ?? '10'}`;
    case 'money':
      return `a money amount like ${example ?? '5000.00 PKR'}`;
    case 'date':
      return `a date like ${example ?? 'date("2026-01-31")'}`;
    case 'boolean':
      return 'true or false';
    case 'company_ref':
      return `a company id like ${example ?? '"cmp_01jd0000000000000000000000"'}`;
  }
}
