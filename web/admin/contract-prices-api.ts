import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type ContractPrice = ResponseOf<'/api/admin/companies/{id}/contract-prices', 'get'>['items'][number];
export type ContractInput = BodyOf<'/api/admin/companies/{id}/contract-prices', 'post'>;

const key = (companyId: string) => ['admin', 'company', companyId, 'contract-prices'] as const;

export function useContractPrices(companyId: string) {
  return useQuery({
    queryKey: key(companyId),
    queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/contract-prices', { params: { path: { id: companyId }, query: { limit: 200 } } })),
  });
}

export function useCreateContractPrice(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput) => unwrap(api.POST('/api/admin/companies/{id}/contract-prices', { params: { path: { id: companyId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(companyId) });
      void qc.invalidateQueries({ queryKey: ['admin', 'price-trace'] });
    },
  });
}

export function useDeleteContractPrice(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (contractId: string) => expectOk(api.DELETE('/api/admin/companies/{id}/contract-prices/{contractId}', { params: { path: { id: companyId, contractId } } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(companyId) });
      void qc.invalidateQueries({ queryKey: ['admin', 'price-trace'] });
    },
  });
}

/** "1,234.50" in a currency → minor units, exactly (no float arithmetic); null if not a valid amount. */
export function parseAmount(text: string, digits: number): number | null {
  const m = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(text.replace(/[\s\u00a0\u202f]/g, '').replace(/,(?=\d{3}(\D|$))/g, ''));
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  const n = Number(`${m[1]}${frac.padEnd(digits, '0')}`);
  return Number.isSafeInteger(n) ? n : null;
}
