/**
 * Recursive-descent parser for segment rules.
 *
 *   rule      := or EOF
 *   or        := and ("or" and)*
 *   and       := unary ("and" unary)*
 *   unary     := "not" unary | primary
 *   primary   := "(" or ")" | ("descendant_of" | "child_of") "(" string ")" | condition
 *   condition := subject ( op literal | ["not"] "in" "(" literal ("," literal)* ")"
 *                        | "contains" literal | "is" ["not"] "null" )
 *   subject   := identifier | "custom" "(" string ")"
 *   literal   := string | ["-"] number [CURRENCY] | "true" | "false" | "date" "(" string ")"
 *
 * Only the first syntax error is reported: after one, the rest of the rule rarely means anything.
 */
import type { CompareOp, Expr, HierarchyRelation, Literal, Span, Subject } from './ast.ts';
import { attributeDef, describeExpected } from './catalogue.ts';
import { RuleSyntaxError, ruleError, suggest, type RuleError } from './diagnostics.ts';
import { describeToken, tokenize, type Keyword, type Token } from './lexer.ts';
import { isCalendarDate, isCurrency, SNAKE_CASE, toMinorUnits } from './literals.ts';

export const FUNCTIONS = ['descendant_of', 'child_of', 'custom', 'date'] as const;
/** Deeper nesting than this is refused so hostile input cannot exhaust the stack (here or in the evaluator). */
export const MAX_DEPTH = 64;
export const MAX_SOURCE_LENGTH = 20_000;
export const MAX_CUSTOM_FIELD_LENGTH = 64;

/** Company ids as `newId('company')` makes them (see `isId` in src/lib/ids.ts); kept here so this module runs in a browser. */
export const COMPANY_ID = /^cmp_[0-9a-z]{26}$/;

export type ParseResult = { ok: true; ast: Expr } | { ok: false; errors: RuleError[] };

const CONDITION_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'contains', 'is null', 'is not null'];
const CONDITION_START = ['an attribute like industry', 'custom("…")', 'descendant_of("…")', 'child_of("…")', 'not', '('];

/** Parses a rule into an AST with spans, or returns the first syntax error. Does not check attribute names or types. */
export function parse(source: string): ParseResult {
  try {
    if (source.length > MAX_SOURCE_LENGTH) {
      throw new RuleSyntaxError(ruleError(source, MAX_SOURCE_LENGTH, 0, `the rule is longer than ${MAX_SOURCE_LENGTH} characters`));
    }
    return { ok: true, ast: new Parser(source, tokenize(source)).rule() };
  } catch (e) {
    if (e instanceof RuleSyntaxError) return { ok: false, errors: [e.error] };
    throw e;
  }
}

const spanOf = (node: { span?: Span }): Span => node.span ?? { offset: 0, length: 0 };
const between = (start: number, endNode: { span?: Span }): Span => {
  const s = spanOf(endNode);
  return { offset: start, length: s.offset + s.length - start };
};

/** The name of a subject as rules write it. */
export function subjectLabel(subject: Subject): string {
  return subject.kind === 'attribute' ? subject.name : `custom("${subject.field}")`;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  rule(): Expr {
    if (this.peek().kind === 'eof') {
      this.fail(this.peek(), 'the rule is empty: expected a condition like industry = "construction"', CONDITION_START);
    }
    const expr = this.or();
    const t = this.peek();
    if (t.kind !== 'eof') {
      const prev = this.tokens[this.pos - 1];
      const hint =
        t.kind === 'rparen'
          ? 'this ")" has no matching "("'
          : t.kind === 'comma' && prev?.kind === 'number'
            ? 'write numbers without thousands separators, e.g. 50000.00 PKR'
            : undefined;
      this.fail(t, `expected "and", "or" or the end of the rule, got ${describeToken(t)}`, ['and', 'or', 'end of rule'], hint);
    }
    return expr;
  }

  private or(): Expr {
    const first = this.and();
    const operands = [first];
    while (this.isKeyword('or')) {
      this.pos++;
      operands.push(this.and());
    }
    return operands.length === 1 ? first : { kind: 'or', operands, span: between(spanOf(first).offset, operands[operands.length - 1]!) };
  }

  private and(): Expr {
    const first = this.unary();
    const operands = [first];
    while (this.isKeyword('and')) {
      this.pos++;
      operands.push(this.unary());
    }
    return operands.length === 1 ? first : { kind: 'and', operands, span: between(spanOf(first).offset, operands[operands.length - 1]!) };
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'keyword' && t.keyword === 'not') {
      this.pos++;
      this.enter(t);
      const operand = this.unary();
      this.depth--;
      return { kind: 'not', operand, span: between(t.offset, operand) };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'lparen') {
      this.pos++;
      this.enter(t);
      const inner = this.or();
      const close = this.peek();
      if (close.kind !== 'rparen') {
        const { line, column } = this.position(t.offset);
        this.fail(close, `expected ")" to close the "(" at ${line}:${column}, got ${describeToken(close)}`, [')', 'and', 'or']);
      }
      this.pos++;
      this.depth--;
      return inner;
    }
    if (t.kind === 'ident') {
      if (this.peek(1).kind === 'lparen') {
        if (t.text === 'descendant_of' || t.text === 'child_of') return this.hierarchy(t, t.text);
        if (t.text === 'custom') return this.condition(this.custom(t));
        if (t.text === 'date') {
          this.fail(t, 'expected an attribute before the date, got date(…)', CONDITION_START, 'write the attribute first: created_at >= date("2026-01-31")');
        }
        const guess = suggest(t.text, FUNCTIONS);
        const hint = attributeDef(t.text) ? `${t.text} is an attribute, not a function` : guess ? `did you mean ${guess}?` : undefined;
        this.fail(t, `unknown function ${t.text}, expected one of ${FUNCTIONS.join(', ')}`, [...FUNCTIONS], hint);
      }
      this.pos++;
      return this.condition({ kind: 'attribute', name: t.text, span: { offset: t.offset, length: t.length } });
    }
    const hint = t.kind === 'string' ? 'a rule starts with what it tests, e.g. industry = "construction"' : undefined;
    return this.fail(t, `expected a condition (an attribute, custom("…"), descendant_of("…"), child_of("…"), "not" or "("), got ${describeToken(t)}`, CONDITION_START, hint);
  }

  private hierarchy(name: Token, relation: HierarchyRelation): Expr {
    this.pos += 2;
    const arg = this.peek();
    if (arg.kind !== 'string' || !COMPANY_ID.test(arg.value)) {
      this.fail(arg, `expected a company id like "cmp_01jd0000000000000000000000" in ${relation}(…), got ${describeToken(arg)}`, ['company id']);
    }
    this.pos++;
    const close = this.expectClose(relation);
    return { kind: 'hierarchy', relation, companyId: arg.value, span: { offset: name.offset, length: close.offset + 1 - name.offset } };
  }

  private custom(name: Token): Subject {
    this.pos += 2;
    const arg = this.peek();
    if (arg.kind !== 'string' || !SNAKE_CASE.test(arg.value) || arg.value.length > MAX_CUSTOM_FIELD_LENGTH) {
      this.fail(arg, `expected a custom field name in snake_case like "credit_grade" in custom(…), got ${describeToken(arg)}`, ['field name']);
    }
    this.pos++;
    const close = this.expectClose('custom');
    return { kind: 'custom', field: arg.value, span: { offset: name.offset, length: close.offset + 1 - name.offset } };
  }

  private condition(subject: Subject): Expr {
    const label = subjectLabel(subject);
    const start = spanOf(subject).offset;
    const t = this.peek();
    if (t.kind === 'op') {
      this.pos++;
      const value = this.literal(t.text, subject);
      return { kind: 'compare', op: t.text as CompareOp, subject, value, span: between(start, value) };
    }
    if (t.kind === 'keyword') {
      if (t.keyword === 'in' || t.keyword === 'not') {
        this.pos++;
        if (t.keyword === 'not') {
          const inTok = this.peek();
          if (!(inTok.kind === 'keyword' && inTok.keyword === 'in')) {
            this.fail(inTok, `expected "in" after "not" in ${label} not in (…), got ${describeToken(inTok)}`, ['in']);
          }
          this.pos++;
        }
        return this.list(subject, t.keyword === 'not', start);
      }
      if (t.keyword === 'contains') {
        this.pos++;
        const value = this.literal('contains', subject);
        return { kind: 'contains', subject, value, span: between(start, value) };
      }
      if (t.keyword === 'is') {
        this.pos++;
        let negated = false;
        if (this.isKeyword('not')) {
          this.pos++;
          negated = true;
        }
        const n = this.peek();
        if (!(n.kind === 'keyword' && n.keyword === 'null')) {
          this.fail(n, `expected "null" after "is${negated ? ' not' : ''}" for ${label}, got ${describeToken(n)}`, ['null'], 'compare values with =, e.g. industry = "construction"');
        }
        this.pos++;
        return { kind: 'null_check', negated, subject, span: { offset: start, length: n.offset + n.length - start } };
      }
    }
    const hint = t.kind === 'string' || t.kind === 'number' ? `put an operator between them, e.g. ${label} = ${t.text}` : undefined;
    return this.fail(t, `expected a comparison after ${label} (=, !=, <, <=, >, >=, in, not in, contains, is null), got ${describeToken(t)}`, CONDITION_OPERATORS, hint);
  }

  private list(subject: Subject, negated: boolean, start: number): Expr {
    const label = subjectLabel(subject);
    const keyword = negated ? 'not in' : 'in';
    const open = this.peek();
    if (open.kind !== 'lparen') {
      const hint = open.kind === 'string' || open.kind === 'number' ? `write ${label} ${keyword} (${open.text}, …)` : undefined;
      this.fail(open, `expected "(" after ${keyword} for ${label}, got ${describeToken(open)}`, ['('], hint);
    }
    this.pos++;
    if (this.peek().kind === 'rparen') this.fail(this.peek(), `expected at least one value in the list after ${keyword} for ${label}, got ")"`, ['value']);
    const values: Literal[] = [this.literal(keyword, subject)];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'rparen') {
        this.pos++;
        return { kind: 'in', negated, subject, values, span: { offset: start, length: t.offset + 1 - start } };
      }
      if (t.kind !== 'comma') this.fail(t, `expected "," or ")" in the list after ${keyword} for ${label}, got ${describeToken(t)}`, [',', ')']);
      this.pos++;
      values.push(this.literal('","', subject));
    }
  }

  private literal(after: string, subject: Subject): Literal {
    const t = this.peek();
    const label = subjectLabel(subject);
    const def = subject.kind === 'attribute' ? attributeDef(subject.name) : undefined;
    const expectation = def ? describeExpected(def.type, def.example) : 'a value (a string, number, money amount, date, true or false)';
    switch (t.kind) {
      case 'string':
        this.pos++;
        return { kind: 'string', value: t.value, span: { offset: t.offset, length: t.length } };
      case 'number':
        return this.numberOrMoney(t.offset, false);
      case 'minus': {
        const n = this.peek(1);
        if (n.kind !== 'number' || n.offset !== t.offset + 1) this.fail(t, `expected a number right after "-", got ${describeToken(n)}`, ['number']);
        this.pos++;
        return this.numberOrMoney(t.offset, true);
      }
      case 'keyword':
        if (t.keyword === 'true' || t.keyword === 'false') {
          this.pos++;
          return { kind: 'boolean', value: t.keyword === 'true', span: { offset: t.offset, length: t.length } };
        }
        if (t.keyword === 'null') {
          this.fail(t, `expected ${expectation} after ${after} for ${label}, got "null"`, [expectation], `to test for a missing value write ${label} is null`);
        }
        break;
      case 'ident':
        if (t.text === 'date' && this.peek(1).kind === 'lparen') return this.date(t);
        break;
      default:
        break;
    }
    const next = this.peek(1);
    const hint =
      t.kind === 'ident' && isCurrency(t.text) && next.kind === 'number'
        ? `write the amount first: ${next.text} ${t.text}`
        : t.kind === 'ident' && t.text.toLowerCase() === 'date' && next.kind === 'lparen'
          ? 'function names are lower case: date("2026-01-31")'
          : t.kind === 'ident'
          ? 'values are literals; strings need double quotes'
          : undefined;
    return this.fail(t, `expected ${expectation} after ${after} for ${label}, got ${describeToken(t)}`, [expectation], hint);
  }

  private date(name: Token): Literal {
    this.pos += 2;
    const arg = this.peek();
    if (arg.kind !== 'string' || !isCalendarDate(arg.value)) {
      this.fail(arg, `expected a date as "YYYY-MM-DD" like "2026-01-31" in date(…), got ${describeToken(arg)}`, ['"YYYY-MM-DD"']);
    }
    this.pos++;
    const close = this.expectClose('date');
    return { kind: 'date', value: arg.value, span: { offset: name.offset, length: close.offset + 1 - name.offset } };
  }

  private numberOrMoney(start: number, negative: boolean): Literal {
    const num = this.peek();
    this.pos++;
    const cur = this.peek();
    if (cur.kind === 'ident' && /^[A-Za-z]{3}$/.test(cur.text)) {
      const upper = cur.text.toUpperCase();
      if (cur.text !== upper) {
        if (isCurrency(upper)) this.fail(cur, `expected an upper-case currency code after ${num.text}, got ${cur.text}`, [upper], `write ${num.text} ${upper}`);
      } else {
        if (!isCurrency(upper)) this.fail(cur, `unknown currency ${cur.text}, expected an ISO 4217 code like PKR`, ['currency code']);
        const minor = toMinorUnits(num.text, upper);
        if ('error' in minor) this.fail(num, `expected a money amount like 50000.00 ${upper}, got ${num.text} ${upper}`, ['money amount'], minor.error);
        this.pos++;
        const amount = minor.amount;
        return { kind: 'money', amount: negative && amount !== 0 ? -amount : amount, currency: upper, span: { offset: start, length: cur.offset + cur.length - start } };
      }
    }
    const value = Number(num.text);
    if (!Number.isFinite(value)) this.fail(num, `number ${num.text} is too large`, ['number']);
    return { kind: 'number', value: negative && value !== 0 ? -value : value, span: { offset: start, length: num.offset + num.length - start } };
  }

  private expectClose(fn: string): Token {
    const t = this.peek();
    if (t.kind !== 'rparen') this.fail(t, `expected ")" to close ${fn}(…), got ${describeToken(t)}`, [')']);
    this.pos++;
    return t;
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) this.fail(t, `the rule is nested too deeply (more than ${MAX_DEPTH} levels of "not" and parentheses)`);
  }

  private isKeyword(k: Keyword): boolean {
    const t = this.peek();
    return t.kind === 'keyword' && t.keyword === k;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private position(offset: number): { line: number; column: number } {
    const e = ruleError(this.source, offset, 0, '');
    return { line: e.line, column: e.column };
  }

  private fail(t: Token, text: string, expected?: readonly string[], hint?: string): never {
    const opts: { expected?: readonly string[]; hint?: string } = {};
    if (expected) opts.expected = expected;
    if (hint) opts.hint = hint;
    throw new RuleSyntaxError(ruleError(this.source, t.offset, t.length, text, opts));
  }
}
