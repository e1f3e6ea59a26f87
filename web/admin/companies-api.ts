import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type CompanyRow = ResponseOf<'/api/admin/companies', 'get'>['items'][number];
export type Company = ResponseOf<'/api/admin/companies/{id}', 'get'>;
export type CompanyInput = BodyOf<'/api/admin/companies', 'post'>;
export type CompanyUser = ResponseOf<'/api/admin/companies/{id}/users', 'get'>['items'][number];
export type BuyerInput = BodyOf<'/api/admin/companies/{id}/users', 'post'>;
export type Location = ResponseOf<'/api/admin/companies/{id}/locations', 'get'>['items'][number];
export type LocationInput = BodyOf<'/api/admin/companies/{id}/locations', 'post'>;

export const COMPANY_ROLES = ['admin', 'buyer', 'approver', 'viewer'] as const;

/** One level of the company tree (`root` for top-level companies), paged by cursor. */
export function useCompanyChildren(parentId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['admin', 'companies', 'children', parentId],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/companies', { params: { query: { parentId, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCompanySearch(q: string) {
  return useQuery({
    queryKey: ['admin', 'companies', 'search', q],
    enabled: q.length > 0,
    queryFn: () => unwrap(api.GET('/api/admin/companies', { params: { query: { q, limit: 50 } } })),
  });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: ['admin', 'company', id], queryFn: () => unwrap(api.GET('/api/admin/companies/{id}', { params: { path: { id } } })) });
}

export function useCompanyAncestors(id: string) {
  return useQuery({ queryKey: ['admin', 'company', id, 'ancestors'], queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/ancestors', { params: { path: { id } } })) });
}

export function useCompanyUsers(id: string) {
  return useQuery({ queryKey: ['admin', 'company', id, 'users'], queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/users', { params: { path: { id }, query: { limit: 200 } } })) });
}

export function useCompanyLocations(id: string) {
  return useQuery({ queryKey: ['admin', 'company', id, 'locations'], queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/locations', { params: { path: { id }, query: { limit: 200 } } })) });
}

export function useCreateCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyInput) => unwrap(api.POST('/api/admin/companies', { body })),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['admin', 'companies'] });
      if (c.parentId) void qc.invalidateQueries({ queryKey: ['admin', 'company', c.parentId] });
    },
  });
}

export function useCreateBuyer(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BuyerInput) => unwrap(api.POST('/api/admin/companies/{id}/users', { params: { path: { id: companyId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'company', companyId, 'users'] }),
  });
}

export function useCreateLocation(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationInput) => unwrap(api.POST('/api/admin/companies/{id}/locations', { params: { path: { id: companyId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'company', companyId, 'locations'] }),
  });
}

export function useUpdateCompany(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/admin/companies/{id}', 'patch'>) => unwrap(api.PATCH('/api/admin/companies/{id}', { params: { path: { id } }, body })),
    onSuccess: (c) => {
      qc.setQueryData(['admin', 'company', id], c);
      void qc.invalidateQueries({ queryKey: ['admin', 'companies'] });
    },
  });
}
