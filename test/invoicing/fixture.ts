import { newId } from '../../src/lib/ids.ts';
import { systemCtx, createLocation } from '../../src/modules/accounts/index.ts';
import { reserveCredit, updateCreditAccount, type PaymentTermsCode } from '../../src/modules/credit/index.ts';
import type { TestApp } from '../harness.ts';
import { buyerSession, makeCompany, type SignedIn } from '../helpers/auth.ts';

/**
 * Orders for invoicing tests, written straight into the orders tables as checkout leaves them (the
 * invoicing module reads them through the orders module's getOrder): two lines with their tax, a
 * shipping charge with its tax, on account with payment terms, credit reserved for the total.
 */
export interface FixtureOrder {
  id: string;
  number: string;
  companyId: string;
  total: number;
}

let seq = 0;

export async function placeTestOrder(
  t: Pick<TestApp, 'database'>,
  opts: { companyId: string; currency?: string; terms?: PaymentTermsCode | null; paymentMethod?: 'account' | 'card'; paymentId?: string | null; placedAt?: Date },
): Promise<FixtureOrder> {
  const id = newId('order');
  seq += 1;
  const number = `SO-T${Date.now() % 1_000_000}${seq}`;
  const currency = opts.currency ?? 'AED';
  // Drill 3 × 10.00 at VAT 5% (150), gloves 4 × 2.50 at 5% (50); shipping 15.00 with 0.75 VAT.
  const lines = [
    { lineNo: 1, sku: 'DRL-001', name: 'Cordless drill 18V', quantity: 3, unitPrice: 1000, taxRateBp: 500, taxAmount: 150 },
    { lineNo: 2, sku: 'GLV-002', name: 'Work gloves', quantity: 4, unitPrice: 250, taxRateBp: 500, taxAmount: 50 },
  ];
  const subtotal = 4000;
  const shipping = 1500;
  const tax = 200 + 75;
  const total = subtotal + shipping + tax;
  await t.database.query(
    `insert into orders (id, number, company_id, status, currency, subtotal, shipping_total, tax_total, total, payment_method, payment_terms, payment_id, po_number, ship_to, shipping_method_name, locale, placed_at)
     values ($1, $2, $3, 'confirmed', $4, $5, $6, $7, $8, $9, $10, $11, 'PO-7781', $12::jsonb, 'Courier', 'en', $13)`,
    [id, number, opts.companyId, currency, subtotal, shipping, tax, total, opts.paymentMethod ?? 'account', opts.terms === undefined ? 'net30' : opts.terms, opts.paymentId ?? null, JSON.stringify({ locationId: null, name: 'Main warehouse', line1: 'Plot 12, Al Quoz 3', line2: null, city: 'Dubai', region: null, postalCode: null, country: 'AE', phone: null }), (opts.placedAt ?? new Date()).toISOString()],
  );
  for (const l of lines)
    await t.database.query(
      `insert into order_lines (order_id, line_no, sku, name, quantity, unit_price, line_total, tax_rate_bp, tax_amount) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, l.lineNo, l.sku, l.name, l.quantity, l.unitPrice, l.unitPrice * l.quantity, l.taxRateBp, l.taxAmount],
    );
  if ((opts.paymentMethod ?? 'account') === 'account') {
    const r = await reserveCredit(systemCtx(t.database.db), { companyId: opts.companyId, amount: total, currency, ref: { kind: 'order', id } });
    if (!r.ok) throw new Error('fixture order is over the credit limit');
  }
  return { id, number, companyId: opts.companyId, total };
}

/** A company in AED on Net 30 with a 10,000.00 credit limit, a bill-to address and a signed-in buyer. */
export async function invoicingCompany(t: TestApp, opts: { legalName?: string; taxId?: string; locale?: string } = {}): Promise<SignedIn & { companyId: string; email: string }> {
  const session = await buyerSession(t, { role: 'buyer', company: { legalName: opts.legalName ?? 'Gulf Build Supplies LLC', taxId: opts.taxId ?? '100234567800003', country: 'AE', currency: 'AED', timezone: 'Asia/Dubai', locale: opts.locale ?? 'en' } });
  const ctx = systemCtx(t.database.db);
  await updateCreditAccount(ctx, session.company.id, { paymentTerms: 'net30', creditLimit: 1_000_000 });
  await createLocation(ctx, session.company.id, { name: 'Head office', line1: 'Office 402, Al Serkal Avenue', city: 'Dubai', country: 'AE', isBillTo: true, isShipTo: false, isDefault: true });
  return { ...session, companyId: session.company.id };
}

export { makeCompany };
