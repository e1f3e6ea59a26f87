import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type ShippingMethod = ResponseOf<'/api/admin/shipping-methods', 'get'>['items'][number];
export type ShippingMethodInput = BodyOf<'/api/admin/shipping-methods', 'post'>;

const key = ['admin', 'shipping-methods'] as const;

export function useShippingMethods() {
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/admin/shipping-methods', { params: { query: { limit: 200 } } })) });
}

export function useSaveShippingMethod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ShippingMethodInput }) =>
      id ? unwrap(api.PATCH('/api/admin/shipping-methods/{id}', { params: { path: { id } }, body })) : unwrap(api.POST('/api/admin/shipping-methods', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteShippingMethod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectOk(api.DELETE('/api/admin/shipping-methods/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
