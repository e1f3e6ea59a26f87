import type { Config } from '../../config.ts';
import type { Ctx } from '../../http/context.ts';
import { buyerReadableCompanyIds } from '../accounts/index.ts';
import type { PartySnapshot } from './invoicing.tables.ts';

/**
 * Settings invoicing reads outside a request (the outbox handler and the overdue job run without
 * one): the seller printed on invoices. Set once from config at start-up (`invoicingRoutes`).
 */
let seller: PartySnapshot = { legalName: 'Precis Demo Trading LLC', vatId: null, address: [], country: null, email: null };

export function configureInvoicing(config: Pick<Config, 'SELLER_NAME' | 'SELLER_ADDRESS' | 'SELLER_VAT_ID' | 'SELLER_EMAIL'>): void {
  seller = {
    legalName: config.SELLER_NAME,
    vatId: config.SELLER_VAT_ID || null,
    address: config.SELLER_ADDRESS.split(',').map((s) => s.trim()).filter(Boolean),
    country: null,
    email: config.SELLER_EMAIL || null,
  };
}

export function sellerSnapshot(): PartySnapshot {
  return seller;
}

/**
 * The orders module scopes reads to the actor; invoicing's handler and job act for the system,
 * which reads every company's orders, like an integration would.
 */
export function systemReader(ctx: Ctx): Ctx {
  return { ...ctx, actor: { kind: 'apiKey', keyId: 'system:invoicing', scopes: new Set<string>() } };
}

/** Companies whose invoices ctx may see; undefined = all (staff, API keys, the system). */
export async function readableCompanies(ctx: Ctx): Promise<string[] | undefined> {
  const a = ctx.actor;
  if (a.kind === 'buyer') return buyerReadableCompanyIds(ctx, a);
  // The system (outbox handlers, jobs: systemCtx) reads everything; an anonymous request nothing.
  if (a.kind === 'anonymous') return ctx.requestId === 'system' ? undefined : [];
  return undefined;
}
