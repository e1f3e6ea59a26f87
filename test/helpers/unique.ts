import { randomBytes } from 'node:crypto';

/**
 * `C-10-3fa9c1`: a name or reference that no earlier run of the same test has used. CI retries a
 * failed test once on the state its first attempt left behind (beforeAll runs only once), so a
 * test that creates rows under a fixed unique name would answer 409 on its retry.
 */
export function unique(prefix: string, sep = '-'): string {
  return `${prefix}${sep}${randomBytes(3).toString('hex')}`;
}
