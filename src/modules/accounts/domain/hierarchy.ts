/**
 * Pure rules of the company tree. A company's `path` lists its ancestors' ids from the root down
 * to itself, so depth = path.length − 1 and "is X an ancestor of Y" = Y.path includes X.
 */

/** The path of a new company under a parent with `parentPath` (or a root when null). */
export function childPath(parentPath: readonly string[] | null, id: string): string[] {
  return [...(parentPath ?? []), id];
}

/** True when making `newParentPath`'s company the parent of `id` would put `id` under itself. */
export function wouldCycle(id: string, newParentPath: readonly string[] | null): boolean {
  return newParentPath !== null && newParentPath.includes(id);
}

/**
 * The new path of a node in a moved subtree: the moved root's old path prefix (length
 * `movedDepth + 1`) is replaced by its new path.
 */
export function rebasePath(path: readonly string[], movedDepth: number, newRootPath: readonly string[]): string[] {
  return [...newRootPath, ...path.slice(movedDepth + 1)];
}

/** True when `viewerPath`'s company is `target` itself or an ancestor of it (read access downwards). */
export function isSelfOrAncestor(viewerId: string, targetPath: readonly string[]): boolean {
  return targetPath.includes(viewerId);
}
