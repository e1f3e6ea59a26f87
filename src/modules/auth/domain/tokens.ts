import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe secret of `bytes` bytes of entropy (session tokens, reset tokens, CSRF tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex of a secret: what is stored instead of the secret itself. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two secrets in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_KEY_PREFIX = 'pk_live_';
const API_KEY_RE = /^pk_live_[A-Za-z0-9_-]{43}$/;
/** How many characters of a key are kept in clear to tell keys apart in lists. */
const VISIBLE = API_KEY_PREFIX.length + 6;

/** A new API key: the plaintext (shown once), its stored hash and its visible prefix. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  return { key, hash: sha256(key), prefix: key.slice(0, VISIBLE) };
}

/** True when a bearer token has the shape of one of our keys (cheap rejection before a lookup). */
export function looksLikeApiKey(token: string): boolean {
  return API_KEY_RE.test(token);
}

/** Scopes read `<area>:<read|write>`, e.g. `catalog:read`, `inventory:write`. */
export const SCOPE_PATTERN = '^[a-z][a-z_.]{1,40}:(read|write)$';
