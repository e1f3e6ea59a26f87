import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

export type LiveState = 'connecting' | 'live' | 'offline';

const KINDS = ['ready', 'shipment', 'tracking', 'status'] as const;

/**
 * Follows an order live: opens the server-sent event stream of `/api/store/orders/:id/live` and,
 * whenever the server says the order changed (a shipment, a tracking event, a new status), marks
 * every query about this order stale so the page re-reads it — no reload. The browser's
 * EventSource reconnects by itself; `ready` after a reconnect also refreshes, so nothing said
 * while the connection was down is missed.
 */
export function useOrderLive(orderId: string | undefined): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!orderId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/store/orders/${encodeURIComponent(orderId)}/live`);
    const refresh = () => {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(orderId) });
    };
    const onNotice = (e: MessageEvent) => {
      if (e.type === 'ready') setState('live');
      refresh();
    };
    for (const kind of KINDS) source.addEventListener(kind, onNotice);
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    return () => {
      for (const kind of KINDS) source.removeEventListener(kind, onNotice);
      source.close();
    };
  }, [orderId, queryClient]);
  return state;
}
