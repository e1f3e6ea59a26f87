import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

/** A group's payment terms: null terms = the group sets none (member companies keep their own). */
export type GroupTerms = ResponseOf<'/api/admin/customer-groups/{id}/payment-terms', 'get'>;
export type GroupTermsInput = BodyOf<'/api/admin/customer-groups/{id}/payment-terms', 'put'>;

/** Under the group's own key, so saving the group or its members refreshes the terms too. */
const key = (groupId: string) => ['admin', 'customer-groups', 'one', groupId, 'payment-terms'] as const;

export function useGroupTerms(groupId: string) {
  return useQuery({ queryKey: key(groupId), queryFn: () => unwrap(api.GET('/api/admin/customer-groups/{id}/payment-terms', { params: { path: { id: groupId } } })) });
}

/** Sets the group's terms and priority, or with `paymentTerms: null` clears them. */
export function useSetGroupTerms(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupTermsInput) => unwrap(api.PUT('/api/admin/customer-groups/{id}/payment-terms', { params: { path: { id: groupId } }, body })),
    onSuccess: (data) => {
      qc.setQueryData(key(groupId), data);
      // Member companies' "Terms & credit" tabs may now show other inherited terms.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'admin' && q.queryKey[1] === 'company' && q.queryKey[3] === 'credit' });
    },
  });
}
