/** URL slugs: lower-case ASCII letters and digits separated by single hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** Letters NFKD does not decompose into ASCII. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' };

/** Derives a slug from a name (accents folded, everything else becomes a hyphen); '' if nothing is left. */
export function slugify(name: string, maxLength = 120): string {
  return name
    .replace(/[ßæœøłđ]/gi, (c) => FOLD[c.toLowerCase()] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
