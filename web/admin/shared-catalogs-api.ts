import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type SharedCatalog = ResponseOf<'/api/admin/shared-catalogs/{id}', 'get'>;
export type SharedCatalogSummary = ResponseOf<'/api/admin/shared-catalogs', 'get'>['items'][number];
export type CatalogInput = BodyOf<'/api/admin/shared-catalogs', 'post'>;
export type RuleInput = NonNullable<CatalogInput['rules']>[number];
export type AssignmentInput = NonNullable<CatalogInput['assignments']>[number];
export type CatalogPreview = ResponseOf<'/api/admin/shared-catalogs/preview', 'post'>;
export type RuleKind = RuleInput['kind'];
export type RuleEffect = RuleInput['effect'];
export type CompanyVisibility = ResponseOf<'/api/admin/companies/{id}/visibility', 'get'>;

export const RULE_KINDS: RuleKind[] = ['category', 'product', 'brand', 'tag'];

const KEY = ['admin', 'shared-catalogs'] as const;

export function useSharedCatalogs() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/shared-catalogs', { params: { query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSharedCatalog(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/admin/shared-catalogs/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useSaveSharedCatalog(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CatalogInput) =>
      id ? unwrap(api.PATCH('/api/admin/shared-catalogs/{id}', { params: { path: { id } }, body })) : unwrap(api.POST('/api/admin/shared-catalogs', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteSharedCatalog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectOk(api.DELETE('/api/admin/shared-catalogs/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

/**
 * Live count of what rules being edited select (as if this catalog alone reached a buyer). The
 * caller passes only complete rules and debounces; the last answer stays while the next loads.
 */
export function useRulesPreview(rules: RuleInput[]) {
  return useQuery({
    queryKey: [...KEY, 'preview', rules],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.POST('/api/admin/shared-catalogs/preview', { body: { rules } })),
    staleTime: 5_000,
    retry: false,
  });
}

/** Customer groups for the assignment picker (a seller has hundreds at most). */
export function useGroupOptions() {
  return useQuery({
    queryKey: ['admin', 'customer-groups', 'options'],
    queryFn: () => unwrap(api.GET('/api/admin/customer-groups', { params: { query: { limit: 200 } } })),
    staleTime: 30_000,
  });
}

/** Products matching a search text, for the product rule picker. */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: ['admin', 'products', 'search', q],
    enabled: q.length > 0,
    queryFn: () => unwrap(api.GET('/api/admin/products', { params: { query: { q, limit: 20 } } })),
  });
}

/** Which catalogs reach a company and why, and how many products it sees. */
export function useCompanyVisibility(companyId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'company', companyId],
    enabled: Boolean(companyId),
    queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/visibility', { params: { path: { id: companyId ?? '' } } })),
  });
}
