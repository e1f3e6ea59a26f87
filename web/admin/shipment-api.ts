import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../api/client.ts';

export type OrderShipments = ResponseOf<'/api/admin/orders/{id}/shipments', 'get'>;
export type AdminShipment = OrderShipments['shipments'][number];
export type ShipmentCreate = BodyOf<'/api/admin/orders/{id}/shipments', 'post'>;
export type TrackingCreate = BodyOf<'/api/admin/orders/{id}/shipments/{shipmentId}/tracking-events', 'post'>;

/** An order's shipments and what remains to ship per line (with where the stock is held). */
export function useOrderShipments(orderId: string) {
  return useQuery({ queryKey: ['admin', 'order-shipments', orderId], queryFn: () => unwrap(api.GET('/api/admin/orders/{id}/shipments', { params: { path: { id: orderId } } })) });
}

/** After any shipment write: every query about this order (its page, timeline, shipments) re-reads. */
function useRefreshOrder(orderId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey.includes(orderId) });
}

export function useCreateShipment(orderId: string) {
  const refresh = useRefreshOrder(orderId);
  return useMutation({
    mutationFn: (body: ShipmentCreate) => unwrap(api.POST('/api/admin/orders/{id}/shipments', { params: { path: { id: orderId } }, body })),
    onSuccess: refresh,
  });
}

export function useAddTrackingEvent(orderId: string) {
  const refresh = useRefreshOrder(orderId);
  return useMutation({
    mutationFn: (v: { shipmentId: string; body: TrackingCreate }) =>
      unwrap(api.POST('/api/admin/orders/{id}/shipments/{shipmentId}/tracking-events', { params: { path: { id: orderId, shipmentId: v.shipmentId } }, body: v.body })),
    onSuccess: refresh,
  });
}

export function useMarkDelivered(orderId: string) {
  const refresh = useRefreshOrder(orderId);
  return useMutation({
    mutationFn: (shipmentId: string) => unwrap(api.POST('/api/admin/orders/{id}/shipments/{shipmentId}/deliver', { params: { path: { id: orderId, shipmentId } }, body: {} })),
    onSuccess: refresh,
  });
}
