import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type TaxRate = ResponseOf<'/api/admin/tax-rates', 'get'>['items'][number];
export type TaxRateInput = BodyOf<'/api/admin/tax-rates', 'post'>;

const key = ['admin', 'tax-rates'] as const;

export function useTaxRates(country: string | null) {
  return useQuery({
    queryKey: [...key, country ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/admin/tax-rates', { params: { query: { limit: 200, ...(country ? { country } : {}) } } })),
  });
}

export function useSaveTaxRate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TaxRateInput }) =>
      id ? unwrap(api.PATCH('/api/admin/tax-rates/{id}', { params: { path: { id } }, body })) : unwrap(api.POST('/api/admin/tax-rates', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteTaxRate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectOk(api.DELETE('/api/admin/tax-rates/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
