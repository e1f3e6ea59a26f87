import type { FacetRow } from './domain/facets.ts';

/**
 * Facets and totals of recent searches, kept briefly in memory: paging through a listing or
 * re-running a popular search then costs one indexed page query instead of aggregating thousands
 * of rows again. Catalog writes in this process clear it at once; other processes see changes
 * within the TTL (their own writes clear theirs).
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

const entries = new Map<string, { at: number; rows: FacetRow[] }>();

export function cachedFacets(key: string, now = Date.now()): FacetRow[] | undefined {
  const hit = entries.get(key);
  if (!hit) return undefined;
  if (now - hit.at > TTL_MS) {
    entries.delete(key);
    return undefined;
  }
  // Re-insert so the Map's insertion order doubles as recency (least recent first).
  entries.delete(key);
  entries.set(key, hit);
  return hit.rows;
}

export function storeFacets(key: string, rows: FacetRow[], now = Date.now()): void {
  entries.set(key, { at: now, rows });
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** Called after every catalog write that can change what matches or how it is counted. */
export function invalidateSearchCache(): void {
  entries.clear();
}

/** Awaits a write and then drops cached facets (also when it failed: a partial bulk write may have landed). */
export async function afterWrite<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    invalidateSearchCache();
  }
}
