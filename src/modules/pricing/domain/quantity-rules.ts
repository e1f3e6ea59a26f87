import type { QuantityRules, QuantityViolation } from './types.ts';

/** A problem in list data, with the field it concerns (for the admin form). */
export interface RuleProblem {
  readonly field: string;
  readonly message: string;
}

const isPositiveInt = (n: number | undefined): boolean => n === undefined || (Number.isSafeInteger(n) && n > 0);

/**
 * Checks quantity rules as stored on an entry: positive integers, min ≤ max, and min and max
 * multiples of the increment (Shopify's rule, so that a valid quantity always exists).
 */
export function validateQuantityRules(rules: QuantityRules, field = 'qtyRules'): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { min, max, increment } = rules;
  for (const [name, value] of [['min', min], ['max', max], ['increment', increment]] as const) {
    if (!isPositiveInt(value)) problems.push({ field: `${field}.${name}`, message: `${name} must be a positive whole number, got ${value}` });
  }
  if (problems.length > 0) return problems;
  if (min !== undefined && max !== undefined && min > max) {
    problems.push({ field: `${field}.max`, message: `max ${max} is below min ${min}` });
  }
  if (increment !== undefined) {
    if (min !== undefined && min % increment !== 0) {
      problems.push({ field: `${field}.min`, message: `min ${min} is not a multiple of the increment ${increment}` });
    }
    if (max !== undefined && max % increment !== 0) {
      problems.push({ field: `${field}.max`, message: `max ${max} is not a multiple of the increment ${increment}` });
    }
  }
  return problems;
}

const NONE: readonly QuantityViolation[] = Object.freeze([]);

/** What is wrong with ordering `quantity` under `rules` (empty when the quantity is fine). */
export function checkQuantity(quantity: number, rules: QuantityRules | undefined): readonly QuantityViolation[] {
  if (rules === undefined) return NONE;
  const out: QuantityViolation[] = [];
  if (rules.min !== undefined && quantity < rules.min) {
    out.push({ code: 'BELOW_MIN', limit: rules.min, message: `order at least ${rules.min}` });
  }
  if (rules.max !== undefined && quantity > rules.max) {
    out.push({ code: 'ABOVE_MAX', limit: rules.max, message: `order at most ${rules.max}` });
  }
  if (rules.increment !== undefined && rules.increment > 1 && quantity % rules.increment !== 0) {
    out.push({ code: 'NOT_INCREMENT', limit: rules.increment, message: `order in multiples of ${rules.increment}` });
  }
  return out.length === 0 ? NONE : out;
}
