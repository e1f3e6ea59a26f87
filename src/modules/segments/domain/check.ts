/**
 * Type checker: every attribute exists, every operator suits the attribute's type, every value has
 * the attribute's type. Collects all errors (unlike the parser) so the rule builder can mark them all.
 */
import type { Expr, Literal, Span, Subject } from './ast.ts';
import { ATTRIBUTES, attributeDef, describeExpected, OPERATORS, type AttributeType, type CustomFieldTypes } from './catalogue.ts';
import { ruleError, suggest, type RuleError } from './diagnostics.ts';
import { isCalendarDate, moneyLiteral, quoteString } from './literals.ts';
import { COMPANY_ID, subjectLabel } from './parser.ts';

export interface CheckOptions {
  /** Declared custom fields. When given, unknown custom fields are errors and values are typed; when absent, any field is accepted. */
  readonly customFields?: CustomFieldTypes;
}

const TYPE_NAMES: Record<AttributeType, string> = {
  string: 'a string',
  company_ref: 'a company id',
  number: 'a number',
  money: 'a money amount',
  date: 'a date',
  boolean: 'true or false',
  string_list: 'a list of strings',
};

const LITERAL_TYPE: Record<Literal['kind'], AttributeType> = { string: 'string', number: 'number', boolean: 'boolean', date: 'date', money: 'money' };

/** How a literal is named in "got …" messages. */
export function describeLiteral(lit: Literal): string {
  switch (lit.kind) {
    case 'string':
      return `string ${quoteString(lit.value)}`;
    case 'number':
      return `number ${lit.value}`;
    case 'boolean':
      return `${lit.value}`;
    case 'date':
      return `date("${lit.value}")`;
    case 'money':
      return `money ${moneyLiteral(lit.amount, lit.currency)}`;
  }
}

/** Returns every type error in the rule (empty when it is well typed). `source` is the text the AST was parsed from. */
export function check(ast: Expr, source: string, options: CheckOptions = {}): RuleError[] {
  const errors: RuleError[] = [];
  const at = (span: Span | undefined, text: string, opts: { expected?: readonly string[]; hint?: string } = {}) =>
    errors.push(ruleError(source, span?.offset ?? 0, span?.length ?? 0, text, opts));

  /** The operator's position: the first non-blank character after the subject. */
  const operatorSpan = (subject: Subject, word: string): Span => {
    let i = (subject.span?.offset ?? 0) + (subject.span?.length ?? 0);
    while (i < source.length && /\s/.test(source[i] ?? '')) i++;
    return { offset: i, length: word.length };
  };

  /** The subject's type; null for an undeclared custom field (typed by its values); undefined after an error. */
  const typeOf = (subject: Subject): AttributeType | null | undefined => {
    if (subject.kind === 'attribute') {
      const def = attributeDef(subject.name);
      if (def) return def.type;
      const guess = suggest(subject.name, ATTRIBUTES.map((a) => a.name));
      const hint = guess ? `did you mean ${guess}?` : `custom fields are written custom("${subject.name.toLowerCase()}")`;
      at(subject.span, `unknown attribute ${subject.name}`, { expected: ATTRIBUTES.map((a) => a.name), hint });
      return undefined;
    }
    if (!options.customFields) return null;
    const declared = options.customFields[subject.field];
    if (declared) return declared;
    const names = Object.keys(options.customFields);
    const guess = suggest(subject.field, names);
    at(subject.span, `unknown custom field "${subject.field}"`, { expected: names, ...(guess ? { hint: `did you mean "${guess}"?` } : {}) });
    return undefined;
  };

  const wrongOperator = (subject: Subject, type: AttributeType, word: string) => {
    const label = subjectLabel(subject);
    const allowed = OPERATORS[type];
    const hint =
      type === 'string_list'
        ? `${label} is a list: use ${label} contains "…"`
        : word === 'contains'
          ? `contains is for lists (tags, categories_bought, brands_bought); use = or in`
          : type === 'money' || type === 'date'
            ? `write several comparisons joined by or`
            : undefined;
    at(operatorSpan(subject, word), `expected ${allowed.join(', ')} after ${label} (${TYPE_NAMES[type]}), got ${word}`, {
      expected: allowed,
      ...(hint ? { hint } : {}),
    });
  };

  /** Checks one value against the subject's type. */
  const value = (subject: Subject, type: AttributeType | null, op: string, lit: Literal) => {
    const label = subjectLabel(subject);
    if (type === null) {
      const ordering = op === '<' || op === '<=' || op === '>' || op === '>=';
      if (ordering && (lit.kind === 'string' || lit.kind === 'boolean')) {
        at(lit.span, `expected a number, money amount or date after ${op} for ${label}, got ${describeLiteral(lit)}`, { expected: ['number', 'money', 'date'] });
      }
      if ((op === 'in' || op === 'not in') && lit.kind !== 'string' && lit.kind !== 'number') {
        at(lit.span, `expected a string or a number after ${op} for ${label}, got ${describeLiteral(lit)}`, { expected: ['string', 'number'] });
      }
      if (op === 'contains' && lit.kind !== 'string') {
        at(lit.span, `expected a string after contains for ${label}, got ${describeLiteral(lit)}`, { expected: ['string'] });
      }
      return;
    }
    const want: AttributeType = type === 'string_list' || type === 'company_ref' ? 'string' : type;
    const def = subject.kind === 'attribute' ? attributeDef(subject.name) : undefined;
    const expected = describeExpected(type, def?.example);
    const fits = LITERAL_TYPE[lit.kind] === want && (type !== 'company_ref' || (lit.kind === 'string' && COMPANY_ID.test(lit.value)));
    if (fits) return;
    let hint: string | undefined;
    if (type === 'money' && lit.kind === 'number') hint = `add the currency: ${lit.value} PKR`;
    else if (type === 'number' && lit.kind === 'money') hint = `${label} is a number, not money`;
    else if (type === 'date' && lit.kind === 'string' && isCalendarDate(lit.value)) hint = `write date(${quoteString(lit.value)})`;
    else if ((type === 'string' || type === 'string_list') && lit.kind === 'number') hint = `strings need double quotes: "${lit.value}"`;
    at(lit.span, `expected ${expected} after ${op} for ${label}, got ${describeLiteral(lit)}`, { expected: [expected], ...(hint ? { hint } : {}) });
  };

  const sameKind = (subject: Subject, values: readonly Literal[]) => {
    const first = values[0];
    for (const v of values.slice(1)) {
      if (first && v.kind !== first.kind) {
        at(v.span, `expected every value in the list for ${subjectLabel(subject)} to be a ${first.kind} like the first, got ${describeLiteral(v)}`, {
          expected: [first.kind],
        });
      }
    }
  };

  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        e.operands.forEach(walk);
        return;
      case 'not':
        walk(e.operand);
        return;
      case 'hierarchy':
        return;
      case 'null_check':
        typeOf(e.subject);
        return;
      case 'compare': {
        const type = typeOf(e.subject);
        if (type === undefined) return;
        if (type !== null && !OPERATORS[type].includes(e.op)) return wrongOperator(e.subject, type, e.op);
        return value(e.subject, type, e.op, e.value);
      }
      case 'in': {
        const type = typeOf(e.subject);
        const word = e.negated ? 'not in' : 'in';
        if (type === undefined) return;
        if (type !== null && !OPERATORS[type].includes('in')) return wrongOperator(e.subject, type, word);
        e.values.forEach((v) => value(e.subject, type, word, v));
        if (type === null) sameKind(e.subject, e.values);
        return;
      }
      case 'contains': {
        const type = typeOf(e.subject);
        if (type === undefined) return;
        if (type !== null && type !== 'string_list') return wrongOperator(e.subject, type, 'contains');
        return value(e.subject, type, 'contains', e.value);
      }
    }
  };
  walk(ast);
  return errors;
}
