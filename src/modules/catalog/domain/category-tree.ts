/** A category row as stored, with the number of active products directly in it. */
export interface CategoryRow {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly slug: string;
  readonly position: number;
  readonly directCount: number;
}

export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  /** Active products in this category and all its subcategories. */
  productCount: number;
  children: CategoryNode[];
}

/**
 * Builds the nested tree from flat rows, ordered by position then name, with each node's count
 * rolled up from its subtree. Rows whose parent is missing become roots rather than vanishing.
 */
export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode & { position: number }>();
  for (const r of rows) nodes.set(r.id, { id: r.id, name: r.name, slug: r.slug, parentId: r.parentId, productCount: r.directCount, children: [], position: r.position });
  const roots: (CategoryNode & { position: number })[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const order = (a: CategoryNode & { position: number }, b: CategoryNode & { position: number }) => a.position - b.position || a.name.localeCompare(b.name);
  const finish = (n: CategoryNode & { position: number }): CategoryNode => {
    const kids = (n.children as (CategoryNode & { position: number })[]).sort(order).map(finish);
    return { id: n.id, name: n.name, slug: n.slug, parentId: n.parentId, productCount: n.productCount + kids.reduce((s, k) => s + k.productCount, 0), children: kids };
  };
  return roots.sort(order).map(finish);
}

/** The materialised path of a category under a parent (`parentPath` already ends with '/'). */
export const categoryPath = (id: string, parentPath: string | null): string => `${parentPath ?? ''}${id}/`;

/** True when moving `categoryId` under a parent with `parentPath` would put it inside itself. */
export function wouldCreateCycle(categoryId: string, parentPath: string): boolean {
  return parentPath.split('/').includes(categoryId);
}
