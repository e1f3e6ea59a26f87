import { AppError } from '../../lib/errors.ts';

/** The unique constraint a database error violated (searching its causes: Drizzle wraps driver errors), or null. */
export function violatedUnique(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (x.code === '23505') return typeof x.constraint === 'string' ? x.constraint : '';
    e = x.cause;
  }
  return null;
}

/**
 * Turns a race lost on a unique index (two admins saving the same SKU at once) into the same
 * coded refusal the pre-check gives, instead of a generic conflict.
 */
export function mapUniqueViolation(err: unknown): never {
  const constraint = violatedUnique(err);
  if (constraint === 'products_slug_key') throw new AppError('SLUG_TAKEN', undefined, 'slug');
  if (constraint === 'categories_slug_key') throw new AppError('SLUG_TAKEN', undefined, 'slug');
  if (constraint === 'brands_slug_key') throw new AppError('SLUG_TAKEN', undefined, 'slug');
  if (constraint === 'brands_name_lower') throw new AppError('CONFLICT', 'A brand with that name exists', 'name');
  if (constraint === 'variants_sku_lower') throw new AppError('SKU_TAKEN', undefined, 'sku');
  if (constraint === 'warehouses_code_lower') throw new AppError('CONFLICT', 'A warehouse with that code exists', 'code');
  throw err;
}

/** Runs `fn`, mapping unique-index violations to coded errors. */
export async function guardUnique<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (violatedUnique(err) !== null) mapUniqueViolation(err);
    throw err;
  }
}
