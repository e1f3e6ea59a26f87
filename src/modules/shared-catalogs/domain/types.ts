/** Pure types of shared catalogs: rules, assignments and the facts a visibility decision reads. */

/** What a set of rules of one effect selects: a product matching any listed item. */
export interface Selector {
  /** A category selects its whole subtree. */
  readonly categoryIds: readonly string[];
  readonly productIds: readonly string[];
  readonly brandIds: readonly string[];
  readonly tags: readonly string[];
}

/** A catalog's rules: no include rule = everything; an exclude rule always wins. */
export interface CatalogRules {
  readonly include: Selector;
  readonly exclude: Selector;
}

export type Assignment =
  | { readonly type: 'everyone' }
  | { readonly type: 'group'; readonly groupId: string }
  | { readonly type: 'company'; readonly companyId: string; readonly includeDescendants: boolean };

/** Where a company sits for catalog reach: its ancestors (root first) and its materialised groups. */
export interface CompanyPlace {
  readonly id: string;
  readonly ancestorIds: readonly string[];
  readonly groupIds: readonly string[];
}

/** Why a catalog reaches a company. */
export type ReachReason =
  | { readonly via: 'everyone' }
  | { readonly via: 'company' }
  | { readonly via: 'ancestor'; readonly companyId: string }
  | { readonly via: 'group'; readonly groupId: string };

/** What the visibility of one product depends on. */
export interface ProductFacts {
  readonly id: string;
  readonly status: 'draft' | 'active' | 'archived';
  readonly brandId: string | null;
  /** The product's category and all its ancestors (any order); empty without a category. */
  readonly categoryIds: readonly string[];
  readonly tags: readonly string[];
}

export const EMPTY_SELECTOR: Selector = Object.freeze({ categoryIds: [], productIds: [], brandIds: [], tags: [] });

/** True when a selector names nothing. */
export function isEmptySelector(s: Selector): boolean {
  return !s.categoryIds.length && !s.productIds.length && !s.brandIds.length && !s.tags.length;
}
