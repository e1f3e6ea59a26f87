import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { checkoutPolicy, getGroupTerms, updateCreditAccount } from '../../src/modules/credit/index.ts';
import { addStaticMember, createGroup } from '../../src/modules/segments/index.ts';
import { seedDemoGroupTerms } from '../../src/seed/demo-group-terms.ts';
import { createTestDatabase } from '../harness.ts';
import { makeCompany } from '../helpers/auth.ts';

describe('demo payment terms on customer groups', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const ctx = () => systemCtx(database.db);
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
  });
  afterAll(async () => drop());

  it('gives key accounts Net 60 and construction in Pakistan Net 30; members without own terms inherit, the higher priority wins', async () => {
    const keyAccounts = await createGroup(ctx(), { name: 'Key accounts' });
    const construction = await createGroup(ctx(), { name: 'Construction, Pakistan' });
    const both = await makeCompany({ database }, { legalName: 'Both Groups Ltd', currency: 'PKR' });
    const onlyConstruction = await makeCompany({ database }, { legalName: 'Sukkur Builders', currency: 'PKR' });
    const ownTerms = await makeCompany({ database }, { legalName: 'Own Terms Ltd', currency: 'PKR' });
    for (const c of [both, ownTerms]) await addStaticMember(ctx(), keyAccounts.id, c.id);
    for (const c of [both, onlyConstruction]) await addStaticMember(ctx(), construction.id, c.id);
    await updateCreditAccount(ctx(), ownTerms.id, { paymentTerms: 'eom', creditLimit: 1_000_000 });

    expect(await seedDemoGroupTerms(database)).toBe(2);
    expect(await getGroupTerms(ctx(), keyAccounts.id)).toEqual({ groupId: keyAccounts.id, paymentTerms: 'net60', priority: 20 });
    expect(await getGroupTerms(ctx(), construction.id)).toEqual({ groupId: construction.id, paymentTerms: 'net30', priority: 10 });
    expect((await checkoutPolicy(ctx(), both.id)).paymentTerms?.code).toBe('net60');
    expect((await checkoutPolicy(ctx(), onlyConstruction.id)).paymentTerms?.code).toBe('net30');
    expect((await checkoutPolicy(ctx(), ownTerms.id)).paymentTerms?.code).toBe('eom');
    // Running it again changes nothing.
    expect(await seedDemoGroupTerms(database)).toBe(2);
  });
});
