/** Tokens of the rule language. Keywords are case-insensitive; everything else is case-sensitive. */
import { RuleSyntaxError, ruleError } from './diagnostics.ts';

export const KEYWORDS = ['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false', 'contains'] as const;
export type Keyword = (typeof KEYWORDS)[number];
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

export type Token =
  | { readonly kind: 'keyword'; readonly keyword: Keyword; readonly offset: number; readonly length: number; readonly text: string }
  | { readonly kind: 'ident'; readonly offset: number; readonly length: number; readonly text: string }
  | { readonly kind: 'string'; readonly value: string; readonly offset: number; readonly length: number; readonly text: string }
  | { readonly kind: 'number'; readonly offset: number; readonly length: number; readonly text: string }
  | {
      readonly kind: 'op' | 'lparen' | 'rparen' | 'comma' | 'minus' | 'eof';
      readonly offset: number;
      readonly length: number;
      readonly text: string;
    };

/** Characters people type from other languages, and what to write instead. */
const MISTAKES: Record<string, string> = {
  '==': 'use = to compare',
  '<>': 'use != for "not equal"',
  '≥': 'use >=',
  '≤': 'use <=',
  '≠': 'use !=',
  '&&': 'use and',
  '||': 'use or',
  '!': 'use not, or != for "not equal"',
  "'": 'strings use double quotes: "text"',
};

const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Splits a rule into tokens, ending with one `eof` token. Throws RuleSyntaxError on a bad character or string. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (offset: number, length: number, text: string, hint?: string): never => {
    throw new RuleSyntaxError(ruleError(source, offset, length, text, hint ? { hint } : {}));
  };
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=') {
      tokens.push({ kind: 'op', offset: i, length: 2, text: two });
      i += 2;
      continue;
    }
    if (two.length === 2 && MISTAKES[two]) fail(i, 2, `unexpected "${two}"`, MISTAKES[two]);
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', offset: i, length: 1, text: c });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '-') {
      const kind = c === '(' ? 'lparen' : c === ')' ? 'rparen' : c === ',' ? 'comma' : 'minus';
      tokens.push({ kind, offset: i, length: 1, text: c });
      i++;
      continue;
    }
    if (c === '"') {
      tokens.push(readString(source, i));
      i = tokens[tokens.length - 1]!.offset + tokens[tokens.length - 1]!.length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(source);
    if (num) {
      tokens.push({ kind: 'number', offset: i, length: num[0].length, text: num[0] });
      i += num[0].length;
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(source);
    if (id) {
      const text = id[0];
      const lower = text.toLowerCase();
      if (KEYWORD_SET.has(lower)) tokens.push({ kind: 'keyword', keyword: lower as Keyword, offset: i, length: text.length, text });
      else tokens.push({ kind: 'ident', offset: i, length: text.length, text });
      i += text.length;
      continue;
    }
    const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
    fail(i, ch.length, `unexpected character "${ch}"`, MISTAKES[ch]);
  }
  tokens.push({ kind: 'eof', offset: source.length, length: 0, text: '' });
  return tokens;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', '/': '/' };

function readString(source: string, start: number): Token {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"') return { kind: 'string', value, offset: start, length: i + 1 - start, text: source.slice(start, i + 1) };
    if (c === '\n' || c === '\r') break;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (e === 'u') {
        const hex = source.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw new RuleSyntaxError(ruleError(source, i, 2, 'expected four hex digits after \\u in a string', { expected: ['\\uXXXX'] }));
        }
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      const decoded = ESCAPES[e];
      if (decoded === undefined) {
        throw new RuleSyntaxError(
          ruleError(source, i, e ? 2 : 1, `unknown escape "\\${e}" in a string`, { hint: 'use \\" \\\\ \\n \\t or \\uXXXX' }),
        );
      }
      value += decoded;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new RuleSyntaxError(ruleError(source, start, i - start, 'unterminated string: expected a closing " on the same line', { expected: ['"'] }));
}

/** How a token is named in "got …" messages. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the rule';
    case 'string':
      return `string ${t.text}`;
    case 'number':
      return `number ${t.text}`;
    case 'keyword':
      return `"${t.keyword}"`;
    case 'ident':
      return t.text;
    default:
      return `"${t.text}"`;
  }
}
