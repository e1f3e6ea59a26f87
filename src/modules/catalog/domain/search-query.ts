/**
 * Turning what a shopper typed into the pieces the search SQL needs. Pure: no database.
 */

/** The parts of a search text: full-text words, a prefix word, the raw text for trigrams and SKUs. */
export interface ParsedSearch {
  /** Given to `websearch_to_tsquery` (quotes, `or`, `-word` keep their meaning); null when empty. */
  readonly websearch: string | null;
  /** The last word, matched as a prefix (`hamm` finds `hammer`); letters and digits only. */
  readonly prefix: string | null;
  /** Trimmed, whitespace-collapsed text for trigram similarity on the name. */
  readonly text: string;
  /** A `LIKE` pattern (escaped, lower-cased) for SKUs starting with the text; null if it cannot be a SKU. */
  readonly skuPattern: string | null;
}

const WORD = /^[\p{L}\p{N}]+$/u;
const SKU_LIKE = /^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u;

/** Escapes `%`, `_` and `\` so user text is matched literally by `LIKE`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Splits a search text into full-text, prefix, trigram and SKU-prefix parts; null for blank text. */
export function parseSearch(q: string | undefined): ParsedSearch | null {
  const text = (q ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const words = text.split(' ');
  const last = words[words.length - 1] ?? '';
  // A closing quote or a negation means the user wrote websearch syntax: leave the last word as is.
  const prefixable = WORD.test(last) && !/^or$/i.test(last) && !(text.split('"').length % 2 === 0);
  const rest = prefixable ? words.slice(0, -1).join(' ') : text;
  return {
    websearch: rest.trim() ? rest : null,
    prefix: prefixable ? last.toLowerCase() : null,
    text,
    skuPattern: SKU_LIKE.test(text) ? `${escapeLike(text.toLowerCase())}%` : null,
  };
}

/** Words worth checking for typos: letters only, 3–40 long, lower-cased, in order, once each. */
export function correctableWords(s: ParsedSearch): string[] {
  const words = s.text
    .toLowerCase()
    .replace(/"/g, ' ')
    .split(' ')
    .filter((w) => /^[\p{L}]{3,40}$/u.test(w) && w !== 'or');
  return [...new Set(words)];
}

/**
 * A `to_tsquery` text that accepts corrected spellings: every plain word of the search becomes
 * `(word | alt1 | alt2)`, all of them required; the last word also matches as a prefix. Null when
 * nothing was corrected (the normal query already says it all) or the text uses operators.
 */
export function fuzzyTsQuery(s: ParsedSearch, corrections: ReadonlyMap<string, readonly string[]>): string | null {
  if (!corrections.size) return null;
  const words = s.text.toLowerCase().split(' ');
  if (words.some((w) => !/^[\p{L}\p{N}]+$/u.test(w))) return null;
  const safe = (w: string) => /^[\p{L}\p{N}]+$/u.test(w);
  const groups = words.map((w, i) => {
    const head = i === words.length - 1 ? `${w}:*` : w;
    const alts = (corrections.get(w) ?? []).filter(safe);
    return alts.length ? `(${[head, ...alts].join(' | ')})` : head;
  });
  return groups.join(' & ');
}

/**
 * The relaxed query for when requiring every word found nothing: any of the words (with their
 * corrections; the last as a prefix). Null for a single word or text with operators.
 */
export function anyWordTsQuery(s: ParsedSearch, corrections: ReadonlyMap<string, readonly string[]>): string | null {
  const words = s.text.toLowerCase().split(' ');
  if (words.length < 2 || words.some((w) => !/^[\p{L}\p{N}]+$/u.test(w))) return null;
  const terms = words.flatMap((w, i) => [i === words.length - 1 ? `${w}:*` : w, ...(corrections.get(w) ?? []).filter((a) => /^[\p{L}\p{N}]+$/u.test(a))]);
  return [...new Set(terms)].join(' | ');
}

/** One `attr=name:value` filter. */
export interface AttrFilter {
  readonly name: string;
  readonly value: string;
}

/** Parses `name:value` (the value may itself contain `:`); null when malformed. */
export function parseAttrFilter(raw: string): AttrFilter | null {
  const i = raw.indexOf(':');
  if (i <= 0) return null;
  const name = raw.slice(0, i).trim();
  const value = raw.slice(i + 1).trim();
  if (!name || !value || name.includes('=')) return null;
  return { name, value };
}

/** The stored form of an attribute pair in `products.attr_terms`. */
export const attrTerm = (name: string, value: string): string => `${name}=${value}`;

/** Splits a stored term back into name and value (the name never contains `=`). */
export function splitAttrTerm(term: string): AttrFilter | null {
  const i = term.indexOf('=');
  return i > 0 ? { name: term.slice(0, i), value: term.slice(i + 1) } : null;
}

/**
 * Filters on the same attribute are alternatives (colour red OR blue); different attributes must
 * all hold. Returns one group of stored terms per attribute name, in a stable order.
 */
export function groupAttrFilters(filters: readonly AttrFilter[]): string[][] {
  const byName = new Map<string, Set<string>>();
  for (const f of filters) {
    const set = byName.get(f.name) ?? new Set<string>();
    set.add(attrTerm(f.name, f.value));
    byName.set(f.name, set);
  }
  return [...byName.keys()].sort().map((k) => [...(byName.get(k) ?? [])].sort());
}
