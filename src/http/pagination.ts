import { Type, type Static, type TSchema } from 'typebox';
import { AppError } from '../lib/errors.ts';

/** Query-string part every list endpoint accepts. */
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Items per page' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from a previous page' })),
});
export type PageQuery = Static<typeof PageQuery>;

/** The envelope of every list response. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque base64url JSON of the last row's sort key, so a page survives inserts. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) return parsed;
  } catch {
    /* fall through */
  }
  throw new AppError('BAD_CURSOR', 'The cursor is not one this API issued', 'cursor');
}

/**
 * Given `limit + 1` rows fetched in key order, returns the page and the cursor of its last row.
 * Fetching one extra row tells whether there is a next page without a count query.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): PageResult<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
