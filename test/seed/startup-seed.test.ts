import { afterAll, describe, expect, it } from 'vitest';
import { existingDemoSignIns, startupSeed } from '../../src/cli/startup-seed.ts';
import type { Database } from '../../src/db/client.ts';
import { verifyPassword } from '../../src/modules/accounts/index.ts';
import { DEMO_PASSWORD, SCALES } from '../../src/seed/index.ts';
import { createTestDatabase } from '../harness.ts';

const counts = async (db: Database) => {
  const [row] = await db.query<Record<string, number>>(
    `select (select count(*)::int from companies) as companies, (select count(*)::int from products) as products,
            (select count(*)::int from variants) as variants, (select count(*)::int from company_users) as buyers,
            (select count(*)::int from staff_users) as staff, (select count(*)::int from inventory) as inventory`,
  );
  return row ?? {};
};

describe('startup seed', () => {
  // Created by the first test, which the others read: each attempt of it gets a new empty
  // database (a retry would find the first attempt's data), and the last one stays.
  let database!: Database;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => drop?.());

  it('loads the small demo data into an empty database, once', async () => {
    await drop?.();
    ({ database, drop } = await createTestDatabase());
    expect(await existingDemoSignIns(database)).toBeNull();
    const first = await startupSeed(database, () => undefined);
    const after = await counts(database);
    expect(after).toMatchObject({ companies: SCALES.small.companies, products: SCALES.small.products, variants: SCALES.small.variants });
    expect(after.inventory).toBeGreaterThan(SCALES.small.variants);

    expect(first?.map((s) => s.email)).toEqual(expect.arrayContaining(['admin@precis.demo', 'bilal@indus-builders.demo', 'sana@indus-builders.demo', 'layla@gulf-facilities.demo']));
    expect(first?.every((s) => s.password === DEMO_PASSWORD)).toBe(true);

    // A second start finds data and loads nothing, but the sign-ins are still known.
    expect(await startupSeed(database, () => undefined)).toBeNull();
    expect(await counts(database)).toEqual(after);
    expect(await existingDemoSignIns(database)).toEqual(first);
  }, 120_000);

  it('stores a password hash the demo password verifies against, for staff and buyers', async () => {
    const [staff] = await database.query<{ password_hash: string }>(`select password_hash from staff_users where email = 'admin@precis.demo'`);
    const [buyer] = await database.query<{ password_hash: string }>(`select password_hash from company_users where email = 'bilal@indus-builders.demo'`);
    expect(await verifyPassword(staff?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(buyer?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(buyer?.password_hash ?? '', 'wrong-password')).toBe(false);
  });

  it('makes demo products findable by the catalog’s search columns', async () => {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from products where status = 'active' and search_doc @@ to_tsquery('precis_simple', 'hammer')`);
    expect(row?.n).toBeGreaterThan(10);
  });
});
