import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../api/client.ts';

export type CategoryNode = ResponseOf<'/api/store/categories', 'get'>[number];
export type SearchResult = ResponseOf<'/api/store/products', 'get'>;
export type ProductCardData = SearchResult['items'][number];
export type StoreProduct = ResponseOf<'/api/store/products/{idOrSlug}', 'get'>;

export interface SearchParams {
  q?: string;
  category?: string;
  brand?: string;
  attr: string[];
  sort: 'relevance' | 'name';
}

export function useCategories() {
  return useQuery({ queryKey: ['store', 'categories'], queryFn: () => unwrap(api.GET('/api/store/categories')), staleTime: 5 * 60_000 });
}

/** Search with facets; further pages come from the cursor ("Show more"). */
export function useProductSearch(p: SearchParams) {
  return useInfiniteQuery({
    queryKey: ['store', 'products', p],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/store/products', {
          params: {
            query: {
              ...(p.q ? { q: p.q } : {}),
              ...(p.category ? { category: p.category } : {}),
              ...(p.brand ? { brand: p.brand } : {}),
              ...(p.attr.length ? { attr: p.attr } : {}),
              sort: p.sort,
              limit: 24,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep showing the current results and facets while a refined search loads (no flash).
    placeholderData: keepPreviousData,
  });
}

export function useProduct(idOrSlug: string) {
  return useQuery({ queryKey: ['store', 'product', idOrSlug], queryFn: () => unwrap(api.GET('/api/store/products/{idOrSlug}', { params: { path: { idOrSlug } } })) });
}

/** Finds a category anywhere in the tree by id or slug. */
export function findCategory(nodes: CategoryNode[] | undefined, idOrSlug: string | undefined): CategoryNode | undefined {
  if (!nodes || !idOrSlug) return undefined;
  for (const n of nodes) {
    if (n.id === idOrSlug || n.slug === idOrSlug) return n;
    const hit = findCategory(n.children, idOrSlug);
    if (hit) return hit;
  }
  return undefined;
}
