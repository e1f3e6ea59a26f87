import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type PriceList = ResponseOf<'/api/admin/price-lists/{id}', 'get'>;
export type PriceListRow = ResponseOf<'/api/admin/price-lists', 'get'>['items'][number];
export type PriceListInput = BodyOf<'/api/admin/price-lists', 'post'>;
export type PriceListPatch = BodyOf<'/api/admin/price-lists/{id}', 'patch'>;
export type Target = PriceList['targets'][number];
export type Derived = NonNullable<PriceList['derived']>;
export type Entry = ResponseOf<'/api/admin/price-lists/{id}/entries', 'get'>['items'][number];
export type EntryItem = BodyOf<'/api/admin/price-lists/{id}/entries', 'put'>['items'][number];
export type AdjustBody = BodyOf<'/api/admin/price-lists/{id}/entries/adjust', 'post'>;
export type AdjustResult = ResponseOf<'/api/admin/price-lists/{id}/entries/adjust', 'post'>;
export type ImportResult = ResponseOf<'/api/admin/price-lists/{id}/entries/import', 'post'>;
export interface EntryFilter {
  q: string;
  category: string | null;
  brand: string | null;
}

const KEY = ['admin', 'price-lists'] as const;

/** The query string of an entry filter (shared by the grid, the CSV export link and "change by %"). */
export function filterQuery(f: EntryFilter): { q?: string; category?: string; brand?: string } {
  return { ...(f.q ? { q: f.q } : {}), ...(f.category ? { category: f.category } : {}), ...(f.brand ? { brand: f.brand } : {}) };
}

export function usePriceLists() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/price-lists', { params: { query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePriceList(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/admin/price-lists/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useSavePriceList(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceListInput) => {
      if (!id) return unwrap(api.POST('/api/admin/price-lists', { body }));
      const { currency: _c, kind: _k, ...patch } = body;
      return unwrap(api.PATCH('/api/admin/price-lists/{id}', { params: { path: { id } }, body: patch }));
    },
    onSuccess: (l) => {
      qc.setQueryData([...KEY, 'one', l.id], l);
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function useDeletePriceList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectOk(api.DELETE('/api/admin/price-lists/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useEntries(id: string, filter: EntryFilter) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'entries', id, filter],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/admin/price-lists/{id}/entries', { params: { path: { id }, query: { limit: 100, ...filterQuery(filter), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Sets one entry (by SKU or variant id); a per-item refusal comes back as an ApiError naming the field. */
export function usePutEntry(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (item: EntryItem) => {
      const r = await unwrap(api.PUT('/api/admin/price-lists/{id}/entries', { params: { path: { id } }, body: { items: [item] } }));
      const e = r.errors[0];
      if (e) throw new ApiError(400, { code: 'VALIDATION_FAILED', detail: e.message, field: e.field });
      return r;
    },
    // A new entry changes the list's entry count too.
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [...KEY, 'entries', id] });
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function useDeleteEntry(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (variantId: string) => unwrap(api.DELETE('/api/admin/price-lists/{id}/entries', { params: { path: { id } }, body: { items: [{ variantId }] } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [...KEY, 'entries', id] });
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function useAdjust(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AdjustBody) => unwrap(api.POST('/api/admin/price-lists/{id}/entries/adjust', { params: { path: { id } }, body })),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: [...KEY, 'entries', id] });
    },
  });
}

/** Customer groups for target pickers (first 200 by name order of the API). */
export function useGroupOptions() {
  return useQuery({
    queryKey: ['admin', 'customer-groups', 'options'],
    queryFn: () => unwrap(api.GET('/api/admin/customer-groups', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
}

/**
 * Uploads a CSV file with XMLHttpRequest (fetch cannot report upload progress); `onProgress`
 * gets the fraction sent. Resolves to the import summary; rejects with the API's problem.
 */
export function uploadEntriesCsv(id: string, file: File, csrfToken: string, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/admin/price-lists/${encodeURIComponent(id)}/entries/import`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    const lang = document.documentElement.lang;
    if (lang) xhr.setRequestHeader('accept-language', lang);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'Network error' }));
    xhr.send(file);
  });
}
