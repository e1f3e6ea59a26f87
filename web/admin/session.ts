import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, isApiError, setCsrfToken, unwrap, type ResponseOf } from '../api/client.ts';

/** The signed-in staff member and their permissions (GET /api/admin/auth/me). */
export type StaffSession = ResponseOf<'/api/admin/auth/me', 'get'>;

const ME = ['admin', 'session'] as const;

export function useStaffSession() {
  return useQuery({
    queryKey: ME,
    queryFn: async (): Promise<StaffSession | null> => {
      try {
        const s = await unwrap(api.GET('/api/admin/auth/me'));
        setCsrfToken('admin', s.csrfToken);
        return s;
      } catch (e) {
        if (isApiError(e) && (e.status === 401 || e.status === 403)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Whether the signed-in staff member holds a permission (hides actions the API would refuse). */
export function useCan(permission: string): boolean {
  const { data } = useStaffSession();
  return Boolean(data?.permissions.includes(permission));
}

export function useStaffLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/api/admin/auth/login', { body })),
    onSuccess: (s) => {
      setCsrfToken('admin', s.csrfToken);
      qc.setQueryData(ME, s);
    },
  });
}

export function useStaffLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => expectOk(api.POST('/api/admin/auth/logout')),
    onSettled: () => {
      setCsrfToken('admin', null);
      qc.clear();
      qc.setQueryData(ME, null);
    },
  });
}

export function useStaffRequestReset() {
  return useMutation({ mutationFn: (body: { email: string }) => expectOk(api.POST('/api/admin/auth/password-reset', { body })) });
}

export function useStaffConfirmReset() {
  return useMutation({ mutationFn: (body: { token: string; password: string }) => expectOk(api.POST('/api/admin/auth/password-reset/confirm', { body })) });
}
