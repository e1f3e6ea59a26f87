import { ID_ALPHABET, ID_PREFIX, encodeIdTime, type IdKind } from '../lib/ids.ts';
import type { Rng } from './prng.ts';

/** Demo rows are dated from here so their ids sort in generation order, like real ids sort by time. */
const EPOCH = Date.UTC(2025, 0, 1);

/**
 * Deterministic ids in the same shape as `newId` (prefix, 10 time chars, 16 random chars): the
 * time part is EPOCH + sequence, the random part comes from the seeded generator.
 */
export function idMaker(rng: Rng): (kind: IdKind) => string {
  const seq = new Map<IdKind, number>();
  return (kind) => {
    const n = (seq.get(kind) ?? 0) + 1;
    seq.set(kind, n);
    return `${ID_PREFIX[kind]}_${encodeIdTime(EPOCH + n)}${rng.chars(ID_ALPHABET, 16)}`;
  };
}

/** GS1 check digit for the data digits of a GTIN-8/12/13/14 (weights 3,1,3,… from the right). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `gtin` is all digits of a GTIN length with a correct check digit. */
export function isValidGtin(gtin: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(gtin)) return false;
  return gtinCheckDigit(gtin.slice(0, -1)) === Number(gtin.at(-1));
}

/** Lower-case, ASCII, dash-separated. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}
