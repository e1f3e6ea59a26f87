import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness.ts';
import type { Database } from '../../src/db/client.ts';
import { companyAncestors, createCompany, descendantIds, getCompanyRecord, systemCtx, updateCompany, companies } from '../../src/modules/accounts/index.ts';
import type { Ctx } from '../../src/http/context.ts';
import { unique } from '../helpers/unique.ts';

describe('company hierarchy', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let ctx: Ctx;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
    ctx = systemCtx(database.db);
  });
  afterAll(async () => drop());

  const make = (legalName: string, parentId?: string) => createCompany(ctx, { legalName, parentId, country: 'PK', currency: 'PKR' });

  it('answers ancestors root first and descendants at any depth', async () => {
    const group = await make('Group');
    const sub = await make('Subsidiary', group.id);
    const div = await make('Division', sub.id);
    const site = await make('Site', div.id);
    const other = await make('Other root');
    expect((await companyAncestors(ctx, site.id)).map((c) => c.legalName)).toEqual(['Group', 'Subsidiary', 'Division']);
    expect(new Set(await descendantIds(ctx, group.id))).toEqual(new Set([sub.id, div.id, site.id]));
    expect(await descendantIds(ctx, other.id)).toEqual([]);
    expect((await getCompanyRecord(ctx, site.id))?.depth).toBe(3);
  });

  it('refuses a parent inside the company’s own subtree (or itself) with HIERARCHY_CYCLE', async () => {
    const a = await make('A');
    const b = await make('B', a.id);
    const c = await make('C', b.id);
    await expect(updateCompany(ctx, a.id, { parentId: c.id })).rejects.toMatchObject({ code: 'HIERARCHY_CYCLE', field: 'parentId' });
    await expect(updateCompany(ctx, a.id, { parentId: a.id })).rejects.toMatchObject({ code: 'HIERARCHY_CYCLE' });
  });

  it('never lets two concurrent moves make a loop', async () => {
    const a = await make('Race A');
    const b = await make('Race B');
    const results = await Promise.allSettled([updateCompany(ctx, a.id, { parentId: b.id }), updateCompany(ctx, b.id, { parentId: a.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'HIERARCHY_CYCLE' });
    const [ra, rb] = [await getCompanyRecord(ctx, a.id), await getCompanyRecord(ctx, b.id)];
    expect([ra?.parentId, rb?.parentId].filter(Boolean)).toHaveLength(1);
  });

  it('moves a whole subtree and keeps paths and depths right', async () => {
    const x = await make('X');
    const y = await make('Y', x.id);
    const b = await make('B2');
    const c = await make('C2', b.id);
    const d = await make('D2', c.id);
    await updateCompany(ctx, b.id, { parentId: y.id });
    expect((await companyAncestors(ctx, d.id)).map((co) => co.id)).toEqual([x.id, y.id, b.id, c.id]);
    expect((await getCompanyRecord(ctx, d.id))?.depth).toBe(4);
    expect(await descendantIds(ctx, x.id)).toEqual(expect.arrayContaining([y.id, b.id, c.id, d.id]));
    await updateCompany(ctx, c.id, { parentId: null });
    expect((await getCompanyRecord(ctx, d.id))?.path).toEqual([c.id, d.id]);
    expect(await descendantIds(ctx, x.id)).not.toContain(d.id);
  });

  it('publishes company events to the outbox in the same transaction, and none for a refused change', async () => {
    const p = await make('Evented parent');
    const c = await make('Evented child', p.id);
    await updateCompany(ctx, c.id, { industry: 'construction', tags: ['vip'] });
    await updateCompany(ctx, c.id, { parentId: null });
    await expect(updateCompany(ctx, p.id, { parentId: p.id })).rejects.toMatchObject({ code: 'HIERARCHY_CYCLE' });
    const rows = await database.query<{ type: string; aggregate_id: string; payload: unknown }>(
      `select type, aggregate_id, payload from outbox_events where aggregate_id = any($1) order by id`,
      [[p.id, c.id]],
    );
    // Events of one transaction may share a millisecond, so compare as a multiset.
    expect(rows.map((r) => `${r.type} ${r.aggregate_id === p.id ? 'p' : 'c'}`).sort()).toEqual(
      ['company.created p', 'company.created c', 'company.updated c', 'company.moved c', 'company.updated c'].sort(),
    );
    expect(rows.map((r) => r.payload)).toContainEqual({ fields: ['industry', 'tags'] });
    expect(rows.map((r) => r.payload)).toContainEqual({ from: p.id, to: null });
  });

  it('answers ancestor and descendant queries fast on 10,000 companies', async () => {
    // A bulk insert the way the seed loader does it: the trigger fills path and depth.
    const rows: (typeof companies.$inferInsert)[] = [];
    const root = await make('Big root');
    let parents = [root.id];
    const idPrefix = unique('cmp', '_'); // fixed ids would collide on a retry
    let n = 0;
    while (n < 10_000) {
      const next: string[] = [];
      for (const p of parents) {
        for (let i = 0; i < 10 && n < 10_000; i++, n++) {
          const id = `${idPrefix}${String(n).padStart(20, '0')}`;
          rows.push({ id, parentId: p, path: [], depth: 0, legalName: `Co ${n}`, country: 'PK', currency: 'PKR' });
          next.push(id);
        }
      }
      parents = next;
    }
    for (let i = 0; i < rows.length; i += 1000) await database.db.insert(companies).values(rows.slice(i, i + 1000));
    const deepest = rows[rows.length - 1]!.id;
    const t0 = performance.now();
    const ancestors = await companyAncestors(ctx, deepest);
    const all = await descendantIds(ctx, root.id);
    const elapsed = performance.now() - t0;
    expect(ancestors[0]?.id).toBe(root.id);
    expect(ancestors.length).toBe(4);
    expect(all.length).toBe(10_000);
    expect(elapsed).toBeLessThan(1500);
  });
});
