import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOn, cli, cliTarget, onTarget, type CliTarget } from '../cli/target.ts';

describe('precis import / export price-entries', () => {
  let t: CliTarget;
  let listId: string;
  beforeAll(async () => {
    t = await cliTarget();
    const products = path.join(t.dir, 'products.csv');
    writeFileSync(products, ['product_slug,product_name,sku,status', 'cli-hammer,CLI Hammer,CLI-H-1,active', 'cli-hammer,CLI Hammer,CLI-H-2,active', 'cli-bolt,CLI Bolt,CLI-B-1,active'].join('\n'));
    expect((await cli(t, 'import', 'products', products)).code).toBe(0);
    expect((await cli(t, 'create-staff', 'prices@example.com', '--role', 'pricing_manager', '--password', 'a-long-enough-secret')).code).toBe(0);
    const database = await t.open();
    const app = await appOn(database);
    try {
      const login = await app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: 'prices@example.com', password: 'a-long-enough-secret' } });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const csrf = (login.json() as { csrfToken: string }).csrfToken;
      const list = await app.inject({ method: 'POST', url: '/api/admin/price-lists', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'CLI list', currency: 'PKR', targets: [{ type: 'everyone' }] } });
      expect(list.statusCode, list.body).toBe(201);
      listId = (list.json() as { id: string }).id;
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
  afterAll(async () => t.drop());

  it('imports entries, reporting bad rows in <file>.errors.csv with exit code 1, then exports them', async () => {
    // A retry starts from the empty list, as the first attempt did, so it creates the entries again.
    await onTarget(t, (database) => database.query('delete from price_list_entries where list_id = $1', [listId]));
    const file = path.join(t.dir, 'entries.csv');
    writeFileSync(file, ['sku,unit_price,tiers,qty_min,qty_max,qty_increment', 'CLI-H-1,100.00,10:95.00,,,', 'CLI-H-2,1.5.0,,,,', 'CLI-B-1,0.25,,100,1000,100', 'NOPE,1,,,,'].join('\n'));
    const first = await cli(t, 'import', 'price-entries', '--list', listId, file);
    expect(first.code, first.err).toBe(1);
    expect(first.out).toContain('2 created, 0 updated, 2 failed');
    const report = readFileSync(`${file}.errors.csv`, 'utf8').trim().split('\n');
    expect(report.map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['row,field', '3,unit_price', '5,sku']);

    const out = path.join(t.dir, 'export.csv');
    const exported = await cli(t, 'export', 'price-entries', '--list', listId, out);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain('Exported 2 price entries');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.slice(1).sort()).toEqual(['CLI-B-1,0.25,,100,1000,100,CLI Bolt', 'CLI-H-1,100.00,10:95.00,,,,CLI Hammer']);
    const stdout = await cli(t, 'export', 'price-entries', '--list', listId);
    expect(stdout.out.trim().split('\n')).toHaveLength(3);

    // The export imports back cleanly (and removes the stale error report).
    const again = await cli(t, 'import', 'price-entries', '--list', listId, out);
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain('0 created, 2 updated, 0 failed');
  }, 120_000);

  it('needs --list, a known list and a file', async () => {
    expect((await cli(t, 'import', 'price-entries', path.join(t.dir, 'entries.csv'))).err).toContain('--list');
    expect((await cli(t, 'import', 'price-entries', '--list', listId)).code).toBe(2);
    const unknown = await cli(t, 'export', 'price-entries', '--list', 'prl_00000000000000000000000000', path.join(t.dir, 'x.csv'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No price list has id');
    expect((await cli(t, 'import', 'products', '--list', listId, path.join(t.dir, 'entries.csv'))).code).toBe(2);
  }, 120_000);
});
