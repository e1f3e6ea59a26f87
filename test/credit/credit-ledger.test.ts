import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import {
  checkoutPolicy,
  creditSummary,
  forceReserveCredit,
  listLedger,
  releaseCredit,
  reserveCredit,
  setGroupTerms,
  updateCreditAccount,
} from '../../src/modules/credit/index.ts';
import { addStaticMember, createGroup } from '../../src/modules/segments/index.ts';
import { createTestDatabase } from '../harness.ts';
import { makeCompany } from '../helpers/auth.ts';
import type { Database } from '../../src/db/client.ts';

describe('credit accounts, terms and the exposure ledger', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const ctx = () => systemCtx(database.db);
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
  });
  afterAll(async () => drop());

  const ledgerSum = async (companyId: string) => {
    const [r] = await database.query<{ s: string | number; e: string | number }>(
      'select coalesce((select sum(amount) from credit_ledger where company_id = $1), 0)::bigint as s, (select exposure from credit_accounts where company_id = $1) as e',
      [companyId],
    );
    return { sum: Number(r?.s), exposure: Number(r?.e) };
  };

  it('offers no account to a company without one, and inherits terms from the highest-priority group', async () => {
    const c = await makeCompany({ database });
    expect(await checkoutPolicy(ctx(), c.id)).toEqual({ paymentTerms: null, onAccount: false, creditLimit: null, currency: 'PKR', overLimitAction: 'block', poRequired: false, allowNewShipTo: true });
    await expect(reserveCredit(ctx(), { companyId: c.id, amount: 100, currency: 'PKR', ref: { kind: 'order', id: 'ord_x' } })).rejects.toMatchObject({ code: 'CREDIT_ACCOUNT_MISSING' });

    const low = await createGroup(ctx(), { name: `Low ${c.id}` });
    const high = await createGroup(ctx(), { name: `High ${c.id}` });
    await addStaticMember(ctx(), low.id, c.id);
    await addStaticMember(ctx(), high.id, c.id);
    await setGroupTerms(ctx(), low.id, { paymentTerms: 'net15', priority: 1 });
    await setGroupTerms(ctx(), high.id, { paymentTerms: 'net60', priority: 5 });
    expect((await checkoutPolicy(ctx(), c.id)).paymentTerms).toEqual({ code: 'net60', label: 'Net 60' });

    await updateCreditAccount(ctx(), c.id, { creditLimit: 50_000 });
    expect(await checkoutPolicy(ctx(), c.id)).toMatchObject({ paymentTerms: { code: 'net60' }, onAccount: true, creditLimit: 50_000 });
    // The company's own terms win over any group.
    await updateCreditAccount(ctx(), c.id, { paymentTerms: 'eom', overLimitAction: 'hold', poRequired: true, allowNewShipTo: false });
    expect(await checkoutPolicy(ctx(), c.id)).toEqual({ paymentTerms: { code: 'eom', label: 'End of month following' }, onAccount: true, creditLimit: 50_000, currency: 'PKR', overLimitAction: 'hold', poRequired: true, allowNewShipTo: false });
  });

  it('reserves within the limit, refuses past it, forces past it, and releases never below zero', async () => {
    const c = await makeCompany({ database }, { currency: 'AED', country: 'AE' });
    await updateCreditAccount(ctx(), c.id, { paymentTerms: 'net30', creditLimit: 1_000 });
    expect(await reserveCredit(ctx(), { companyId: c.id, amount: 600, currency: 'AED', ref: { kind: 'order', id: 'ord_1' } })).toEqual({ ok: true, available: 400 });
    expect(await reserveCredit(ctx(), { companyId: c.id, amount: 401, currency: 'AED', ref: { kind: 'order', id: 'ord_2' } })).toEqual({ ok: false, available: 400 });
    await expect(reserveCredit(ctx(), { companyId: c.id, amount: 1, currency: 'PKR', ref: { kind: 'order', id: 'ord_3' } })).rejects.toMatchObject({ code: 'CREDIT_CURRENCY_MISMATCH', field: 'currency' });
    expect(await forceReserveCredit(ctx(), { companyId: c.id, amount: 700, currency: 'AED', ref: { kind: 'order', id: 'ord_2' } })).toEqual({ ok: true, available: -300 });
    expect(await releaseCredit(ctx(), { companyId: c.id, amount: 5_000, currency: 'AED', ref: { kind: 'payment', id: 'pay_1' }, reason: 'Invoice paid' })).toEqual({ released: 1_300, exposure: 0, available: 1_000 });
    expect(await releaseCredit(ctx(), { companyId: c.id, amount: 10, currency: 'AED', ref: { kind: 'payment', id: 'pay_2' }, reason: 'Nothing left' })).toEqual({ released: 0, exposure: 0, available: 1_000 });
    expect(await creditSummary(ctx(), c.id)).toEqual({ limit: 1_000, exposure: 0, available: 1_000, currency: 'AED', paymentTerms: { code: 'net30', label: 'Net 30' } });

    const page = await listLedger(ctx(), c.id, { limit: 2 });
    expect(page.items.map((e) => [e.refKind, e.amount, e.exposureAfter])).toEqual([
      ['payment', -1_300, 0],
      ['order', 700, 1_300],
    ]);
    const next = await listLedger(ctx(), c.id, { limit: 2, cursor: page.nextCursor ?? '' });
    expect(next.items.map((e) => e.amount)).toEqual([600]);
    expect(next.nextCursor).toBeNull();
    expect(await ledgerSum(c.id)).toEqual({ sum: 0, exposure: 0 });
  });

  it('never lets 50 concurrent reservations spend past the limit', async () => {
    const c = await makeCompany({ database });
    await updateCreditAccount(ctx(), c.id, { paymentTerms: 'net30', creditLimit: 10_000 });
    // 50 orders of 700 against 10,000: exactly 14 fit (9,800).
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => reserveCredit(ctx(), { companyId: c.id, amount: 700, currency: 'PKR', ref: { kind: 'order', id: `ord_${i}` } })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(14);
    expect(await ledgerSum(c.id)).toEqual({ sum: 9_800, exposure: 9_800 });
    expect((await creditSummary(ctx(), c.id)).available).toBe(200);
  });

  it('keeps exposure equal to the ledger sum and within the limit for any sequence of reserves and releases', async () => {
    const c = await makeCompany({ database });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5_000 }),
        fc.array(fc.record({ op: fc.constantFrom('reserve', 'release'), amount: fc.integer({ min: 0, max: 3_000 }) }), { maxLength: 25 }),
        async (limit, ops) => {
          await database.query('delete from credit_ledger where company_id = $1', [c.id]);
          await database.query('update credit_accounts set exposure = 0 where company_id = $1', [c.id]);
          await updateCreditAccount(ctx(), c.id, { creditLimit: limit });
          let model = 0;
          for (const [i, o] of ops.entries()) {
            if (o.op === 'reserve') {
              const r = await reserveCredit(ctx(), { companyId: c.id, amount: o.amount, currency: 'PKR', ref: { kind: 'order', id: `ord_${i}` } });
              expect(r.ok).toBe(model + o.amount <= limit);
              if (r.ok) model += o.amount;
              expect(r.available).toBe(limit - model);
            } else {
              const r = await releaseCredit(ctx(), { companyId: c.id, amount: o.amount, currency: 'PKR', ref: { kind: 'invoice', id: `ivc_${i}` }, reason: 'paid' });
              expect(r.released).toBe(Math.min(o.amount, model));
              model -= r.released;
            }
            const s = await ledgerSum(c.id);
            expect(s).toEqual({ sum: model, exposure: model });
            expect(s.exposure).toBeGreaterThanOrEqual(0);
            expect(s.exposure).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
