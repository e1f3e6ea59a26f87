/**
 * Returns (RMA): buyers request returns of shipped order lines; staff approve or reject, receive
 * (optionally restocking) and resolve them as a card refund or a credit memo. Other modules import
 * only this file.
 */
import type { FastifyInstance } from 'fastify';
import { adminReturnRoutes, storeReturnRoutes } from './returns.routes.ts';
import type { ReturnsDeps } from './returns.service.ts';
export { returnRequests, returnLines, returnEvents } from './returns.tables.ts';
export { OPEN_RETURN_STATUSES, RETURN_REASONS, RETURN_STATUSES, RETURN_TRANSITIONS, nextActions, type ReturnAction, type ReturnReason, type ReturnStatus } from './domain/lifecycle.ts';
export type { ReturnableLine, ReturnLine, ReturnRequest, ReturnSummaryItem } from './domain/types.ts';
export {
  approveReturn,
  getReturn,
  listReturns,
  receiveReturn,
  rejectReturn,
  requestReturn,
  resolveReturn,
  returnableLines,
  returnSummary,
  type CardRefunder,
  type CreditMemoIssuer,
  type ReturnsDeps,
} from './returns.service.ts';

/** The store and admin returns routes; register after auth. */
export async function returnsRoutes(app: FastifyInstance, deps: ReturnsDeps): Promise<void> {
  await app.register(storeReturnRoutes(deps));
  await app.register(adminReturnRoutes(deps));
}
