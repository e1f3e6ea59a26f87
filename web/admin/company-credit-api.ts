import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type CreditAccount = ResponseOf<'/api/admin/companies/{id}/credit', 'get'>;
export type CreditAccountInput = BodyOf<'/api/admin/companies/{id}/credit', 'put'>;
export type LedgerEntry = ResponseOf<'/api/admin/companies/{id}/credit/ledger', 'get'>['items'][number];
export type TaxExemption = ResponseOf<'/api/admin/companies/{id}/tax', 'get'>;
export type TermsCode = NonNullable<CreditAccount['paymentTerms']>;

export const TERMS_CODES: readonly TermsCode[] = ['due_on_receipt', 'net7', 'net15', 'net30', 'net60', 'net90', 'eom'];

const key = (companyId: string) => ['admin', 'company', companyId, 'credit'] as const;
const taxKey = (companyId: string) => ['admin', 'company', companyId, 'tax'] as const;

export function useCreditAccount(companyId: string) {
  return useQuery({ queryKey: key(companyId), queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/credit', { params: { path: { id: companyId } } })) });
}

export function useCreditLedger(companyId: string) {
  return useQuery({
    queryKey: [...key(companyId), 'ledger'],
    queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/credit/ledger', { params: { path: { id: companyId }, query: { limit: 100 } } })),
  });
}

export function useUpdateCreditAccount(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreditAccountInput) => unwrap(api.PUT('/api/admin/companies/{id}/credit', { params: { path: { id: companyId } }, body })),
    onSuccess: (data) => qc.setQueryData(key(companyId), data),
  });
}

export function useTaxExemption(companyId: string) {
  return useQuery({ queryKey: taxKey(companyId), queryFn: () => unwrap(api.GET('/api/admin/companies/{id}/tax', { params: { path: { id: companyId } } })) });
}

export function useSetTaxExemption(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { certificateNumber: string; expiresOn: string }) => unwrap(api.PUT('/api/admin/companies/{id}/tax-exemption', { params: { path: { id: companyId } }, body })),
    onSuccess: (data) => qc.setQueryData(taxKey(companyId), data),
  });
}

export function useDeleteTaxExemption(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => expectOk(api.DELETE('/api/admin/companies/{id}/tax-exemption', { params: { path: { id: companyId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: taxKey(companyId) }),
  });
}
