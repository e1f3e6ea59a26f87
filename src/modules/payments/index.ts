/**
 * Payments: card payments through a payment provider (the built-in test provider by default,
 * `PAYMENT_PROVIDER`), payments recorded by staff or an ERP, and refunds. What a payment settles
 * (an order at checkout, invoices) is the caller's; invoicing keeps its own allocations.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { PaymentProvider } from './domain/provider.ts';
import { adminPaymentRoutes } from './payments.routes.ts';
import { usePaymentProvider } from './payments.service.ts';
import { createTestPaymentProvider } from './test-provider.ts';

export type { AuthorizeRequest, Authorization, CardDetails, FailureCode, PaymentFailure, PaymentProvider, ProviderResult } from './domain/provider.ts';
export { cardBrand, luhnValid, normaliseCardNumber } from './domain/card.ts';
export { createTestPaymentProvider } from './test-provider.ts';
export {
  chargeCard,
  getPayment,
  MANUAL_PROVIDER,
  paymentProvider,
  recordPayment,
  refundPayment,
  usePaymentProvider,
  type ChargeCardInput,
  type Payment,
  type RecordPaymentInput,
} from './payments.service.ts';
export { CardSchema, MoneySchema, PaymentSchema } from './payments.schemas.ts';
export { payments, paymentRefunds, type PaymentMethod, type PaymentStatus, type PaysKind } from './payments.tables.ts';

/** The provider named by PAYMENT_PROVIDER. */
export function providerFromConfig(name: Config['PAYMENT_PROVIDER']): PaymentProvider {
  switch (name) {
    case 'test':
      return createTestPaymentProvider();
  }
}

/** Installs the configured provider and registers the admin payment routes. */
export async function paymentsRoutes(app: FastifyInstance, deps: { config: Pick<Config, 'PAYMENT_PROVIDER'> }): Promise<void> {
  usePaymentProvider(providerFromConfig(deps.config.PAYMENT_PROVIDER));
  await app.register(adminPaymentRoutes);
}
