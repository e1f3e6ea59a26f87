import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type CustomerGroup = ResponseOf<'/api/admin/customer-groups/{id}', 'get'>;
export type GroupInput = BodyOf<'/api/admin/customer-groups', 'post'>;
export type GroupPatch = BodyOf<'/api/admin/customer-groups/{id}', 'patch'>;
export type GroupMember = ResponseOf<'/api/admin/customer-groups/{id}/members', 'get'>['items'][number];
export type LogEntry = ResponseOf<'/api/admin/customer-groups/{id}/log', 'get'>['items'][number];
export type Preview = ResponseOf<'/api/admin/customer-groups/preview', 'post'>;
export type RuleError = Preview['errors'][number];
export type Explanation = ResponseOf<'/api/admin/customer-groups/{id}/explain/{companyId}', 'get'>;
export type AttributeCatalogue = ResponseOf<'/api/admin/customer-groups/attributes', 'get'>;
export type CompanyGroup = ResponseOf<'/api/admin/companies/{id}/customer-groups', 'get'>['items'][number];

/** static, rule or both — how a group gets its members. */
export function groupKind(g: Pick<CustomerGroup, 'rule' | 'staticCount'>): 'static' | 'rule' | 'both' {
  if (g.rule === null) return 'static';
  return g.staticCount > 0 ? 'both' : 'rule';
}

const KEY = ['admin', 'customer-groups'] as const;

export function useGroups() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/customer-groups', { params: { query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useGroup(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/admin/customer-groups/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useGroupMembers(id: string) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'one', id, 'members'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/customer-groups/{id}/members', { params: { path: { id }, query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useGroupLog(id: string) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'one', id, 'log'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/customer-groups/{id}/log', { params: { path: { id }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The rule language's attributes, types and operators; they change only with a deploy. */
export function useAttributeCatalogue() {
  return useQuery({ queryKey: [...KEY, 'attributes'], queryFn: () => unwrap(api.GET('/api/admin/customer-groups/attributes')), staleTime: Infinity });
}

/**
 * Live preview of a rule while it is edited: member count, joins and leaves against the group's
 * current rule, and rule errors with positions. The caller debounces `rule`; the last answer stays
 * on screen while the next one loads.
 */
export function useRulePreview(rule: string, groupId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'preview', groupId ?? null, rule],
    enabled: enabled && rule.trim() !== '',
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.POST('/api/admin/customer-groups/preview', { body: { rule, ...(groupId ? { groupId } : {}) } })),
    staleTime: 5_000,
  });
}

export function useExplain(groupId: string, companyId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', groupId, 'explain', companyId],
    enabled: Boolean(companyId),
    queryFn: () => unwrap(api.GET('/api/admin/customer-groups/{id}/explain/{companyId}', { params: { path: { id: groupId, companyId: companyId ?? '' } } })),
  });
}

export function useCompanyGroups(companyId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'of-company', companyId],
    enabled: Boolean(companyId),
    queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/customer-groups', { params: { path: { id: companyId ?? '' }, query: { limit: 200 } } })),
  });
}

export function useSaveGroup(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupInput) =>
      id ? unwrap(api.PATCH('/api/admin/customer-groups/{id}', { params: { path: { id } }, body })) : unwrap(api.POST('/api/admin/customer-groups', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectOk(api.DELETE('/api/admin/customer-groups/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useStaticMember(groupId: string) {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: KEY });
  return {
    add: useMutation({
      mutationFn: (companyId: string) => unwrap(api.POST('/api/admin/customer-groups/{id}/static-members/{companyId}', { params: { path: { id: groupId, companyId } } })),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (companyId: string) => expectOk(api.DELETE('/api/admin/customer-groups/{id}/static-members/{companyId}', { params: { path: { id: groupId, companyId } } })),
      onSuccess: done,
    }),
  };
}
