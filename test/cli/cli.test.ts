import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SCALES } from '../../src/seed/index.ts';
import { appOn, cli, cliTarget, onTarget, type CliTarget } from './target.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/precis.mjs');

describe('precis CLI: usage', () => {
  let t: CliTarget;
  beforeAll(async () => {
    t = await cliTarget();
  });
  afterAll(async () => t.drop());

  it('lists its commands on --help and explains each one', async () => {
    const help = await cli(t, '--help');
    expect(help.code).toBe(0);
    for (const name of ['migrate', 'seed', 'create-staff']) expect(help.out).toContain(name);
    const seed = await cli(t, 'seed', '--help');
    expect(seed.code).toBe(0);
    expect(seed.out).toContain('--scale');
  });

  it('exits with 2 on an unknown command, option or value, saying what was wrong', async () => {
    expect((await cli(t, 'frobnicate')).code).toBe(2);
    const badOption = await cli(t, 'seed', '--colour', 'red');
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain("'--colour'");
    const badScale = await cli(t, 'seed', '--scale', 'huge');
    expect(badScale).toMatchObject({ code: 2 });
    expect(badScale.err).toContain('--scale must be one of small, large');
    expect((await cli(t, 'create-staff', 'ops@example.com')).err).toContain('--role is required');
  });

  it('runs as a command through bin/precis.mjs with the same exit codes', async () => {
    const ok = await run(process.execPath, [BIN, 'help', 'create-staff'], { env: { ...process.env, ...t.env } });
    expect(ok.stdout).toContain('--password');
    await expect(run(process.execPath, [BIN, 'seed', '--scale', 'huge'], { env: { ...process.env, ...t.env } })).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});

describe('precis CLI: migrate, create-staff, import and export', () => {
  let t: CliTarget;
  beforeAll(async () => {
    t = await cliTarget();
  });
  afterAll(async () => t.drop());

  it('applies the migrations once', async () => {
    // Its own empty database: a retry must find migrations to apply, as the first attempt did.
    const fresh = await cliTarget();
    try {
      const first = await cli(fresh, 'migrate');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/Applied \d+ migration\(s\): 0001_core\.sql/);
      expect(await cli(fresh, 'migrate')).toMatchObject({ code: 0, out: 'The database is up to date.\n' });
    } finally {
      await fresh.drop();
    }
  }, 120_000);

  it('creates staff who can then sign in to the admin API, with a given or a generated password', async () => {
    // A retry starts without the staff the first attempt created (emails are unique). Every
    // command migrates the database first; so does this reset.
    await onTarget(t, (database) => database.query("delete from staff_users where email in ('ops.lead@example.com', 'pricing@example.com')"));
    const given = await cli(t, 'create-staff', 'ops.lead@example.com', '--role', 'admin', '--password', 'a-long-enough-secret');
    expect(given.code).toBe(0);
    expect(given.out).toContain('Created admin ops.lead@example.com');
    const generated = await cli(t, 'create-staff', 'pricing@example.com', '--role', 'pricing_manager', '--name', 'Pat Pricing');
    expect(generated.code).toBe(0);
    const password = /Generated password \(shown once\): (\S+)/.exec(generated.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);

    const database = await t.open();
    const app = await appOn(database);
    try {
      const login = (email: string, pw: string) => app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email, password: pw } });
      const admin = await login('ops.lead@example.com', 'a-long-enough-secret');
      expect(admin.statusCode).toBe(200);
      expect(admin.json().staff).toMatchObject({ email: 'ops.lead@example.com', name: 'Ops Lead', role: 'admin' });
      const pricing = await login('pricing@example.com', password);
      expect(pricing.statusCode).toBe(200);
      expect(pricing.json().staff).toMatchObject({ name: 'Pat Pricing', role: 'pricing_manager' });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('refuses a taken email or a weak password with exit code 1', async () => {
    const taken = await cli(t, 'create-staff', 'OPS.LEAD@example.com', '--role', 'support', '--password', 'another-long-secret');
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('EMAIL_TAKEN');
    const weak = await cli(t, 'create-staff', 'new@example.com', '--role', 'support', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('WEAK_PASSWORD');
  });
  it('imports products, skipping bad rows into <file>.errors.csv with exit code 1, then exports them', async () => {
    // A retry starts without the products the first attempt imported, so it creates them again.
    await onTarget(t, (database) => database.query("delete from products where slug in ('claw-hammer-cl-1', 'hex-bolt-m8')"));
    const file = path.join(t.dir, 'products.csv');
    writeFileSync(
      file,
      [
        'product_slug,product_name,brand,sku,gtin,variant_name,uom,pack_size,status,attributes',
        'claw-hammer-cl-1,Claw Hammer CL-1,Stanway,CL-1-450,4006381333931,450 g,each,1,active,headWeight=450 g',
        'claw-hammer-cl-1,Claw Hammer CL-1,Stanway,CL-1-570,,570 g,each,1,active,headWeight=570 g',
        'Bad Slug!,Broken product,,BAD-1,,,each,1,active,',
        'hex-bolt-m8,Hex Bolt M8,Boltline,HB-M8-40,123,M8 x 40,box,100,active,size=M8 x 40 mm',
      ].join('\n'),
    );
    const first = await cli(t, 'import', 'products', file);
    expect(first.code).toBe(1);
    expect(first.out).toContain('2 created, 0 updated, 2 failed');
    const report = readFileSync(`${file}.errors.csv`, 'utf8').trim().split('\n');
    expect(report[0]).toBe('row,field,message');
    expect(report.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['4,product_slug', '5,gtin']);

    writeFileSync(file, ['product_slug,product_name,sku,variant_name', 'hex-bolt-m8,Hex Bolt M8,HB-M8-40,M8 x 40'].join('\n'));
    const second = await cli(t, 'import', 'products', file);
    expect(second).toMatchObject({ code: 0 });
    expect(second.out).toContain('1 created, 0 updated, 0 failed');
    expect(existsSync(`${file}.errors.csv`)).toBe(false);

    const out = path.join(t.dir, 'export.csv');
    expect((await cli(t, 'export', 'products', out)).code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^product_slug,product_name,/);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['claw-hammer-cl-1', 'claw-hammer-cl-1', 'hex-bolt-m8']);
  });

  it('refuses an import with a missing file, an unknown kind or a bad header', async () => {
    expect((await cli(t, 'import', 'products', path.join(t.dir, 'nope.csv'))).code).toBe(1);
    expect((await cli(t, 'import', 'prices', 'x.csv')).code).toBe(2);
    const file = path.join(t.dir, 'inventory.csv');
    writeFileSync(file, 'sku,on_hand\nCL-1-450,4\n');
    const bad = await cli(t, 'import', 'inventory', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('CSV_INVALID');
  });
});

describe('precis CLI: seed', () => {
  let t: CliTarget | undefined;
  afterAll(async () => t?.drop());

  it('loads the small data set into a new database, refuses to do it twice, and the demo sign-ins work', async () => {
    // Each attempt seeds its own new database (a retry would find the first attempt's data).
    await t?.drop();
    t = await cliTarget();
    const seeded = await cli(t, 'seed', '--scale', 'small');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/variants\s+6,000/);
    expect(seeded.out).toContain('bilal@indus-builders.demo');

    const again = await cli(t, 'seed');
    expect(again.code).toBe(1);
    expect(again.err).toContain('--force');
    // --force replaces the data (same seed, same rows) rather than adding to it.
    expect((await cli(t, 'seed', '--force')).code).toBe(0);

    const database = await t.open();
    const app = await appOn(database);
    try {
      const [row] = await database.query<{ companies: number; variants: number }>('select (select count(*)::int from companies) as companies, (select count(*)::int from variants) as variants');
      expect(row).toEqual({ companies: SCALES.small.companies, variants: SCALES.small.variants });
      const buyer = await app.inject({ method: 'POST', url: '/api/store/auth/login', payload: { email: 'bilal@indus-builders.demo', password: DEMO_PASSWORD } });
      expect(buyer.statusCode).toBe(200);
      expect(buyer.json().company.legalName).toBe('Indus Builders Karachi (Pvt) Ltd');
      const staff = await app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: 'admin@precis.demo', password: DEMO_PASSWORD } });
      expect(staff.statusCode).toBe(200);
      const search = await app.inject({ url: '/api/store/products?q=hammer&limit=12' });
      expect(search.statusCode).toBe(200);
      expect(search.json().total).toBeGreaterThan(10);
      expect(search.json().items[0].name).toMatch(/hammer/i);
    } finally {
      await app.close();
      await database.close();
    }
  }, 180_000);
});
