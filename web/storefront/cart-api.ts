import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, isApiError, unwrap, type ResponseOf } from '../api/client.ts';

/** A cart with every line re-validated (GET /api/store/carts/:id). */
export type CartData = ResponseOf<'/api/store/carts/{id}', 'get'>;
export type CartLineData = CartData['lines'][number];
export type CartSummaryData = ResponseOf<'/api/store/carts', 'get'>['items'][number];
export type CartProblem = CartLineData['problems'][number];

export const CARTS = ['store', 'carts'] as const;
const cartKey = (id: string) => [...CARTS, 'cart', id] as const;
const CURRENT = [...CARTS, 'current'] as const;

/** The buyer's current cart; null until they have one (adding to `current` makes it). */
export function useCurrentCart(enabled = true) {
  return useQuery({
    queryKey: CURRENT,
    enabled,
    queryFn: async (): Promise<CartData | null> => {
      try {
        return await unwrap(api.GET('/api/store/carts/current'));
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
  });
}

export function useCart(id: string | undefined) {
  return useQuery({ queryKey: cartKey(id ?? ''), enabled: id !== undefined, queryFn: () => unwrap(api.GET('/api/store/carts/{id}', { params: { path: { id: id! } } })) });
}

/** The buyer's open carts (own and shared with them), first page of 100. */
export function useCarts(enabled = true) {
  return useQuery({ queryKey: [...CARTS, 'list'], enabled, queryFn: () => unwrap(api.GET('/api/store/carts', { params: { query: { limit: 100 } } })) });
}

/** Every cart mutation answers the whole cart: store it, and refresh lists and the current cart. */
export function useCartUpdate() {
  const qc = useQueryClient();
  return (cart: CartData) => {
    qc.setQueryData(cartKey(cart.id), cart);
    if (cart.isCurrent) qc.setQueryData(CURRENT, cart);
    void qc.invalidateQueries({ queryKey: CARTS, predicate: (q) => q.queryKey[2] !== 'cart' || q.queryKey[3] !== cart.id });
  };
}

/** Adds one item; the answer carries only that line (and the cart's totals), so cached carts are refetched. */
export function useAddToCart() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { cartId?: string; variantId?: string; sku?: string; quantity: number; note?: string }) =>
      unwrap(api.POST('/api/store/carts/{id}/lines', {
        params: { path: { id: v.cartId ?? 'current' }, query: { answer: 'line' } },
        body: { ...(v.variantId ? { variantId: v.variantId } : { sku: v.sku! }), quantity: v.quantity, ...(v.note ? { note: v.note } : {}) },
      })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: CARTS }),
  });
}

export function useUpdateLine(cartId: string) {
  const done = useCartUpdate();
  return useMutation({
    mutationFn: (v: { lineId: string; quantity?: number; note?: string }) =>
      unwrap(api.PATCH('/api/store/carts/{id}/lines/{lineId}', { params: { path: { id: cartId, lineId: v.lineId } }, body: { ...(v.quantity !== undefined ? { quantity: v.quantity } : {}), ...(v.note !== undefined ? { note: v.note } : {}) } })),
    onSuccess: done,
  });
}

export function useRemoveLine(cartId: string) {
  const done = useCartUpdate();
  return useMutation({ mutationFn: (lineId: string) => unwrap(api.DELETE('/api/store/carts/{id}/lines/{lineId}', { params: { path: { id: cartId, lineId } } })), onSuccess: done });
}

export function useCreateCart() {
  const done = useCartUpdate();
  return useMutation({ mutationFn: (name: string) => unwrap(api.POST('/api/store/carts', { body: { name } })), onSuccess: done });
}

export function useMakeCurrent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/store/carts/{id}/current', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: CARTS }),
  });
}

export function useDeleteCart() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => expectOk(api.DELETE('/api/store/carts/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: CARTS }),
  });
}

export function useShares(cartId: string, enabled: boolean) {
  return useQuery({ queryKey: [...CARTS, 'shares', cartId], enabled, queryFn: () => unwrap(api.GET('/api/store/carts/{id}/shares', { params: { path: { id: cartId } } })) });
}

export function useShare(cartId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { userId: string; access: 'view' | 'edit' | null }): Promise<void> => {
      const path = { id: cartId, userId: v.userId };
      if (v.access === null) await expectOk(api.DELETE('/api/store/carts/{id}/shares/{userId}', { params: { path } }));
      else await unwrap(api.PUT('/api/store/carts/{id}/shares/{userId}', { params: { path }, body: { access: v.access } }));
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...CARTS, 'shares', cartId] }),
  });
}
