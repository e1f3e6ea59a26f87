import { randomFillSync } from 'node:crypto';

/** Crockford base32: URL-safe, case-insensitive, no ambiguous letters. */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ALPHABET = ID_ALPHABET;

/** Entity prefixes, one per table, so an id says what it is (`cmp_…`, `ord_…`). */
export const ID_PREFIX = {
  company: 'cmp',
  location: 'loc',
  companyUser: 'usr',
  staff: 'stf',
  session: 'ses',
  apiKey: 'key',
  resetToken: 'rst',
  product: 'prd',
  variant: 'var',
  category: 'cat',
  brand: 'brd',
  warehouse: 'wh',
  inventory: 'inv',
  event: 'evt',
  group: 'grp',
  priceList: 'pl',
  contractPrice: 'cpr',
  sharedCatalog: 'ctl',
  purchaseOrder: 'pho',
  returnRequest: 'rma',
  returnEvent: 'rme',
  cart: 'crt',
  cartLine: 'crl',
  shoppingList: 'lst',
  cartEvent: 'cev',
  taxRate: 'txr',
  shippingMethod: 'shm',
  creditEntry: 'cre',
  invoice: 'ivc',
  payment: 'pay',
  paymentRefund: 'prf',
  creditMemo: 'cm',
  order: 'ord',
  orderEvent: 'oev',
  shipment: 'shp',
  trackingEvent: 'trk',
} as const;
export type IdKind = keyof typeof ID_PREFIX;

/** The 10-character time part of an id (milliseconds, base32, sortable). */
export function encodeIdTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

// randomBytes costs ≈ 5 µs a call (a trip into OpenSSL and a new Buffer) and a checkout makes
// dozens of ids: they take their bytes from a pooled buffer refilled by one call instead — the same
// CSPRNG, each byte used once.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function encodeRandom(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  let out = '';
  for (let i = poolOffset; i < poolOffset + bytes; i++) out += ALPHABET[pool[i]! & 31];
  poolOffset += bytes;
  return out;
}

/**
 * A ULID-like prefixed id: 10 chars of millisecond time then 16 random chars. Ids sort by creation
 * time, which keeps B-tree inserts local and makes id a stable cursor for pagination.
 */
export function newId(kind: IdKind, now = Date.now()): string {
  return `${ID_PREFIX[kind]}_${encodeIdTime(now)}${encodeRandom(16)}`;
}

const lastMonotonic = new Map<IdKind, { ms: number; random: string }>();

/** `random` + 1 in base32 (the last character first, carrying left). */
function incrementBase32(random: string): string {
  const digits = [...random];
  for (let i = digits.length - 1; i >= 0; i--) {
    const v = ALPHABET.indexOf(digits[i]!) + 1;
    digits[i] = ALPHABET[v % 32]!;
    if (v < 32) break;
  }
  return digits.join('');
}

/**
 * Like `newId`, but ids of one kind made by this process in the same millisecond sort in the order
 * they were made (monotonic ULIDs: the random part of the previous id plus one). For rows whose
 * order matters and several of which share a millisecond, such as outbox events.
 */
export function newMonotonicId(kind: IdKind, now = Date.now()): string {
  const last = lastMonotonic.get(kind);
  const random = last && last.ms === now ? incrementBase32(last.random) : encodeRandom(16);
  lastMonotonic.set(kind, { ms: now, random });
  return `${ID_PREFIX[kind]}_${encodeIdTime(now)}${random}`;
}

/** True when `value` looks like an id of the given kind (used to turn bad ids into 404s early). */
export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIX[kind]}_[0-9a-z]{26}$`).test(value);
}
