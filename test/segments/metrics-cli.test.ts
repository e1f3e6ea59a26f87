import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompany, systemCtx } from '../../src/modules/accounts/index.ts';
import { seedCatalog } from '../catalog/fixtures.ts';
import { cli, cliTarget, onTarget, type CliTarget } from '../cli/target.ts';
import { unique } from '../helpers/unique.ts';

describe('precis import order-history', () => {
  let t: CliTarget;
  beforeAll(async () => {
    t = await cliTarget();
    await onTarget(t, (database) => seedCatalog(database, 0));
  });
  afterAll(async () => t.drop());

  it('imports a file, writes the bad rows to <file>.errors.csv, and a second run updates instead of duplicating', async () => {
    // A buyer and order refs of this attempt's own: a retry creates its order again, and the
    // metrics below count only it.
    const companyId = await onTarget(t, async (database) => (await createCompany(systemCtx(database.db), { legalName: 'CLI Buyer', country: 'PK', currency: 'PKR', timezone: 'Asia/Karachi' })).id);
    const run = unique('H');
    const file = path.join(t.dir, 'orders.csv');
    writeFileSync(
      file,
      [
        'order_ref,company_id,ordered_at,currency,sku,quantity,amount',
        `${run}-1,${companyId},2025-01-15,PKR,HAM-001,10,5000.00`,
        `${run}-1,${companyId},2025-01-15,PKR,FST-440,100,1200.00`,
        `${run}-2,cmp_nobody,2025-02-01,PKR,HAM-001,1,10.00`,
        `${run}-3,${companyId},2025-03-01,PKR,HAM-001,1,ten`,
      ].join('\n'),
    );
    const first = await cli(t, 'import', 'order-history', file);
    expect(first.code).toBe(1);
    expect(first.out).toContain('1 orders created, 0 updated, 2 rows failed');
    expect(first.out).toContain('Purchase metrics refreshed for 1 companies');
    const report = `${file}.errors.csv`;
    expect(readFileSync(report, 'utf8').trim().split('\n')).toEqual([
      'row,field,message',
      '4,company_id,No company has id cmp_nobody',
      '5,amount,"expected an amount like 1250.00 (no sign, no thousands separators), got ""ten"""',
    ]);

    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 3).join('\n'));
    const second = await cli(t, 'import', 'order-history', file);
    expect(second).toMatchObject({ code: 0 });
    expect(second.out).toContain('0 orders created, 1 updated, 0 rows failed');
    expect(existsSync(report)).toBe(false); // the stale report is gone

    const database = await t.open();
    try {
      const [m] = await database.query<{ spend_lifetime: Record<string, number>; order_count_lifetime: number; categories_bought: string[] }>(
        'select spend_lifetime, order_count_lifetime, categories_bought from company_metrics where company_id = $1',
        [companyId],
      );
      expect(m).toEqual({ spend_lifetime: { PKR: 6200_00 }, order_count_lifetime: 1, categories_bought: ['fasteners', 'hammers', 'hand-tools', 'tools'] });
    } finally {
      await database.close();
    }
  });

  it('says what it takes when the kind is wrong', async () => {
    const res = await cli(t, 'import', 'orders', 'x.csv');
    expect(res.code).toBe(2);
    expect(res.err).toContain('use products, inventory, price-entries or order-history');
  });
});
