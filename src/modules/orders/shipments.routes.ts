import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireBuyer, requireScope, requireStaff } from '../../http/guards.ts';
import * as s from './shipments.schemas.ts';
import { createShipment, createShipmentByOrderNumber, orderShipments } from './shipments.service.ts';
import { addTrackingEvent, markDelivered } from './tracking.service.ts';

const P = Type.Ref('Problem');
const errors = { 400: P, 401: P, 403: P, 404: P, 409: P };

/** Staff, buyer and integration routes for shipments and their tracking events. */
export async function shipmentsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  const admin = ['admin: shipments'];
  r.get(
    '/api/admin/orders/:id/shipments',
    { preHandler: requireStaff('orders:read'), schema: { tags: admin, summary: "An order's shipments, tracking and what remains to ship per line", params: s.OrderParams, response: { 200: s.AdminOrderShipments, ...errors } } },
    async (req) => orderShipments(req.ctx(), req.params.id),
  );
  r.post(
    '/api/admin/orders/:id/shipments',
    {
      preHandler: requireStaff('orders:write'),
      schema: { tags: admin, summary: 'Ship order lines (consumes the stock held for them)', params: s.OrderParams, body: s.AdminShipmentCreate, response: { 201: s.Shipment, ...errors } },
    },
    async (req, reply) => {
      const { lines, warehouseId, ...details } = req.body;
      const { shipment } = await createShipment(req.ctx(), req.params.id, { ...details, by: 'line', lines, warehouse: warehouseId ? { id: warehouseId } : undefined });
      return reply.status(201).send(shipment);
    },
  );
  r.post(
    '/api/admin/orders/:id/shipments/:shipmentId/tracking-events',
    {
      preHandler: requireStaff('orders:write'),
      schema: { tags: admin, summary: 'Add a tracking event to a shipment', params: s.OrderShipmentParams, body: s.TrackingCreate, response: { 201: s.TrackingResult, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await addTrackingEvent(req.ctx(), req.params.shipmentId, req.body, { orderId: req.params.id })),
  );
  r.post(
    '/api/admin/orders/:id/shipments/:shipmentId/deliver',
    {
      preHandler: requireStaff('orders:write'),
      schema: { tags: admin, summary: 'Mark a shipment delivered (the order too, once everything has arrived)', params: s.OrderShipmentParams, body: s.DeliverBody, response: { 200: s.Shipment, ...errors } },
    },
    async (req) => markDelivered(req.ctx(), req.params.id, req.params.shipmentId, req.body),
  );

  r.get(
    '/api/store/orders/:id/shipments',
    {
      preHandler: requireBuyer('company.orders:read'),
      schema: { tags: ['store: orders'], summary: "The order's shipments with carrier, tracking and timeline", params: s.OrderParams, response: { 200: s.StoreOrderShipments, ...errors } },
    },
    async (req) => orderShipments(req.ctx(), req.params.id),
  );

  const integ = ['integrations: shipments'];
  r.post(
    '/api/integrations/shipments',
    {
      preHandler: requireScope('orders:write'),
      schema: {
        tags: integ,
        summary: 'Record a shipment by order number and SKUs (idempotent by externalId: a repeat answers 200 with the first)',
        body: s.IntegrationShipmentCreate,
        response: { 200: s.Shipment, 201: s.Shipment, ...errors },
      },
    },
    async (req, reply) => {
      const { orderNumber, lines, warehouseCode, ...details } = req.body;
      const { shipment, created } = await createShipmentByOrderNumber(req.ctx(), orderNumber, { ...details, by: 'sku', lines, warehouse: warehouseCode ? { code: warehouseCode } : undefined });
      return reply.status(created ? 201 : 200).send(shipment);
    },
  );
  r.post(
    '/api/integrations/shipments/:id/tracking-events',
    {
      preHandler: requireScope('orders:write'),
      schema: {
        tags: integ,
        summary: 'Push a tracking event (a repeat with the same externalId is ignored and answers 200)',
        params: s.ShipmentRefParams,
        body: s.IntegrationTrackingCreate,
        response: { 200: s.TrackingResult, 201: s.TrackingResult, ...errors },
      },
    },
    async (req, reply) => {
      const result = await addTrackingEvent(req.ctx(), req.params.id, req.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
}
