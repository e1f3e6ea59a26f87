import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { staffUsers } from '../modules/accounts/index.ts';
import { DEMO_STAFF } from '../seed/demo.ts';
import { demoSignIns, hasData, seedDatabase, type DemoSignIn } from '../seed/index.ts';

export type { DemoSignIn } from '../seed/index.ts';

/** Serialises first starts of several processes on one PostgreSQL database (arbitrary constant). */
const SEED_LOCK = 7_271_999;

/**
 * On first start of an empty database (no companies, products or staff), loads the small demo
 * data set and returns its sign-ins; returns null when the database already has data.
 */
export async function startupSeed(database: Database, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<DemoSignIn[] | null> {
  return database.withConnection(async (conn) => {
    await conn.query('select pg_advisory_lock($1)', [SEED_LOCK]);
    try {
      if (await hasData(database)) return null;
      log('Empty database: loading the demo data (small: 2,000 products, 150 companies)…');
      const result = await seedDatabase(database, { scale: 'small' });
      log(`Demo data loaded in ${((result.ms + result.generateMs) / 1000).toFixed(1)} s.`);
      return demoSignIns();
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [SEED_LOCK]);
    }
  });
}

/** The demo sign-ins when the demo staff admin exists (a database seeded earlier), else null. */
export async function existingDemoSignIns(database: Database): Promise<DemoSignIn[] | null> {
  const email = DEMO_STAFF.find((s) => s.role === 'admin')?.email ?? '';
  const rows = await database.db.select({ id: staffUsers.id }).from(staffUsers).where(sql`lower(${staffUsers.email}) = ${email}`).limit(1);
  return rows.length > 0 ? demoSignIns() : null;
}
