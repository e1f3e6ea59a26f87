/** Rule errors: where (line, column, offset, length) and what was expected, in one readable message. */

export interface RuleError {
  /** Full sentence including the position, e.g. `expected … after >= for spend_90d, got string "abc" at 1:14`. */
  readonly message: string;
  /** 1-based line and column (UTF-16 code units, as editors in the browser count them). */
  readonly line: number;
  readonly column: number;
  /** 0-based offset into the source and the length of the offending text (0 at the end of the rule). */
  readonly offset: number;
  readonly length: number;
  /** What would have been accepted here, for autocomplete in the rule builder. */
  readonly expected?: readonly string[];
}

/** 1-based line and column of `offset` in `source`. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Builds an error whose message ends with its position and then an optional hint. */
export function ruleError(
  source: string,
  offset: number,
  length: number,
  text: string,
  opts: { expected?: readonly string[]; hint?: string } = {},
): RuleError {
  const { line, column } = lineColumn(source, offset);
  const message = `${text} at ${line}:${column}${opts.hint ? `; ${opts.hint}` : ''}`;
  return opts.expected ? { message, line, column, offset, length, expected: opts.expected } : { message, line, column, offset, length };
}

/** Thrown inside the lexer and parser only; `parse` turns it into a returned error. */
export class RuleSyntaxError extends Error {
  constructor(readonly error: RuleError) {
    super(error.message);
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate to `name` (case-insensitively), if it is close enough to be a likely typo. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c === lower ? 0 : editDistance(lower, c);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
