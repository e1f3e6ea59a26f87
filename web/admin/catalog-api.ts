import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type ProductRow = ResponseOf<'/api/admin/products', 'get'>['items'][number];
export type Product = ResponseOf<'/api/admin/products/{id}', 'get'>;
export type ProductInput = BodyOf<'/api/admin/products', 'post'>;
export type ProductPatch = BodyOf<'/api/admin/products/{id}', 'patch'>;
export type Variant = Product['variants'][number];
export type VariantInput = BodyOf<'/api/admin/products/{id}/variants', 'post'>;
export type CategoryRow = ResponseOf<'/api/admin/categories', 'get'>['items'][number];
export type InventoryRow = ResponseOf<'/api/admin/inventory', 'get'>['items'][number];
export type Warehouse = ResponseOf<'/api/admin/warehouses', 'get'>['items'][number];
export type ProductStatus = ProductRow['status'];

export const PRODUCT_STATUSES: ProductStatus[] = ['draft', 'active', 'archived'];

export function useAdminProducts(filter: { q: string; status: ProductStatus | null }) {
  return useInfiniteQuery({
    queryKey: ['admin', 'products', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/admin/products', {
          params: { query: { limit: 50, ...(filter.q ? { q: filter.q } : {}), ...(filter.status ? { status: filter.status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAdminProduct(id: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'product', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/admin/products/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** Brands and every category, for pickers and for showing names in tables. */
export function useBrands() {
  return useQuery({ queryKey: ['admin', 'brands'], queryFn: () => unwrap(api.GET('/api/admin/brands', { params: { query: { limit: 200 } } })), staleTime: 60_000 });
}

export function useAllCategories() {
  return useQuery({ queryKey: ['admin', 'categories', 'all'], queryFn: () => unwrap(api.GET('/api/admin/categories', { params: { query: { limit: 1000 } } })), staleTime: 60_000 });
}

export function useCategoryChildren(parentId: string, enabled = true) {
  return useQuery({
    queryKey: ['admin', 'categories', 'children', parentId],
    enabled,
    queryFn: () => unwrap(api.GET('/api/admin/categories', { params: { query: { parentId, limit: 1000 } } })),
  });
}

export function useWarehouses() {
  return useQuery({ queryKey: ['admin', 'warehouses'], queryFn: () => unwrap(api.GET('/api/admin/warehouses', { params: { query: { limit: 200 } } })), staleTime: 60_000 });
}

export function useInventory(filter: { sku: string; warehouseId: string | null }) {
  return useInfiniteQuery({
    queryKey: ['admin', 'inventory', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/admin/inventory', {
          params: { query: { limit: 100, ...(filter.sku ? { sku: filter.sku } : {}), ...(filter.warehouseId ? { warehouseId: filter.warehouseId } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSetOnHand() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (item: { sku: string; warehouseCode: string; onHand: number }) => unwrap(api.PUT('/api/admin/inventory', { body: { items: [item] } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'inventory'] }),
  });
}

export function useSaveProduct(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductInput) =>
      id ? unwrap(api.PATCH('/api/admin/products/{id}', { params: { path: { id } }, body: body as ProductPatch })) : unwrap(api.POST('/api/admin/products', { body })),
    onSuccess: (p) => {
      qc.setQueryData(['admin', 'product', p.id], p);
      void qc.invalidateQueries({ queryKey: ['admin', 'products'] });
    },
  });
}

export function useSaveVariant(productId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ variantId, body }: { variantId?: string; body: VariantInput }) =>
      variantId
        ? unwrap(api.PATCH('/api/admin/products/{id}/variants/{variantId}', { params: { path: { id: productId, variantId } }, body }))
        : unwrap(api.POST('/api/admin/products/{id}/variants', { params: { path: { id: productId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'product', productId] }),
  });
}

export function useDeleteVariant(productId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (variantId: string) => expectOk(api.DELETE('/api/admin/products/{id}/variants/{variantId}', { params: { path: { id: productId, variantId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'product', productId] }),
  });
}

export function useCreateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/admin/categories', 'post'>) => unwrap(api.POST('/api/admin/categories', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'categories'] }),
  });
}
