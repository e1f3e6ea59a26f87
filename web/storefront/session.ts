import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, isApiError, setCsrfToken, unwrap } from '../api/client.ts';
import type { ResponseOf } from '../api/client.ts';

/** The signed-in buyer, their company and permissions (GET /api/store/auth/me). */
export type StoreSession = ResponseOf<'/api/store/auth/me', 'get'>;

const ME = ['store', 'session'] as const;

/** The buyer session, or null when nobody is signed in (401 is an answer, not an error). */
export function useStoreSession() {
  return useQuery({
    queryKey: ME,
    queryFn: async (): Promise<StoreSession | null> => {
      try {
        const s = await unwrap(api.GET('/api/store/auth/me'));
        setCsrfToken('store', s.csrfToken);
        return s;
      } catch (e) {
        if (isApiError(e) && (e.status === 401 || e.status === 403)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useStoreLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/api/store/auth/login', { body })),
    onSuccess: (s) => {
      setCsrfToken('store', s.csrfToken);
      qc.setQueryData(ME, s);
    },
  });
}

export function useStoreLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => expectOk(api.POST('/api/store/auth/logout')),
    onSettled: () => {
      setCsrfToken('store', null);
      qc.setQueryData(ME, null);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: { email: string }) => expectOk(api.POST('/api/store/auth/password-reset', { body })) });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: (body: { token: string; password: string }) => expectOk(api.POST('/api/store/auth/password-reset/confirm', { body })) });
}

/** Buyers who belong to several companies choose which one they are buying for. */
export function useSwitchCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (companyId: string) => unwrap(api.POST('/api/store/auth/switch-company', { body: { companyId } })),
    onSuccess: (s) => {
      setCsrfToken('store', s.csrfToken);
      qc.setQueryData(ME, s);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'store' && q.queryKey[1] !== 'session' });
    },
  });
}
