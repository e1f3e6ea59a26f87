import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { AppError } from '../../lib/errors.ts';

/** argon2id with the library's recommended costs (19 MiB, 2 passes). */
const ARGON2ID = 2 as Algorithm;
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

/** Hashes a password with argon2id; the PHC string carries its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** Constant-time check of a password against a stored PHC hash; false on a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** The minimum policy: at least 10 characters, not all one character. */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('WEAK_PASSWORD', `Use at least ${MIN_PASSWORD_LENGTH} characters`, field);
  if (password.length > MAX_PASSWORD_LENGTH) throw new AppError('WEAK_PASSWORD', `Use at most ${MAX_PASSWORD_LENGTH} characters`, field);
  if (new Set(password).size < 3) throw new AppError('WEAK_PASSWORD', 'Use more than one or two different characters', field);
}
