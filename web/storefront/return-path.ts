/** Where a buyer lands after signing in when no page sent them there: their self-service dashboard. */
export const AFTER_SIGN_IN = '/account';

// ASCII control characters (and DEL): browsers drop tabs and newlines while parsing a URL, so
// "/\t/evil.example" would turn into the protocol-relative "//evil.example".
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The page to return to after sign-in: `next` only when it is a path on this site ("/cart?x=1"),
 * never an absolute or protocol-relative URL, a backslash trick ("/\evil.example") or the sign-in
 * page itself — anything else gives `fallback`. `origin` is the site's own (window.location.origin).
 */
export function safeReturnPath(next: string | null | undefined, origin: string, fallback: string = AFTER_SIGN_IN): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || CONTROL.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin || url.pathname === '/sign-in') return fallback;
  return url.pathname + url.search + url.hash;
}
