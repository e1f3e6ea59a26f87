import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRule, createGroup, reevaluateCompanies, reevaluateCompany } from '../../src/modules/segments/index.ts';
import { makeCompany } from '../helpers/auth.ts';
import { unique } from '../helpers/unique.ts';
import { metricsApp, type MetricsApp } from './metrics-fixture.ts';

/**
 * A company's re-evaluation uses this process's copy of the customer groups while their version
 * token is unchanged; a write by any process (here: plain SQL, as another process would commit it)
 * renews the token, so the next re-evaluation reads the groups again.
 */
describe('customer groups kept per process', () => {
  let t: MetricsApp;
  beforeAll(async () => {
    t = await metricsApp();
  });
  afterAll(async () => t.close());

  const logOf = (groupId: string) => t.database.query<{ company_id: string; change: string; reason: string }>('select company_id, change, reason from customer_group_membership_log where group_id = $1 order by id', [groupId]);
  const astOf = (rule: string) => {
    const r = compileRule(rule);
    if (!r.ok) throw new Error(rule);
    return JSON.stringify(r.ast);
  };

  it('sees a rule, a name or a group changed by another process at the next re-evaluation', async () => {
    const [a, b] = [unique('ind', '_'), unique('ind', '_')];
    const c = await makeCompany(t, { industry: a });
    const group = await createGroup(t.ctx(), { name: unique('Watched'), rule: `industry = "${a}"` });
    expect((await logOf(group.id)).map((l) => l.change)).toEqual(['joined']);
    expect(await reevaluateCompany(t.ctx(), c.id)).toEqual({ joined: 0, left: 0 }); // the groups are now this process's

    await t.database.query('update customer_groups set rule_source = $2, rule_ast = $3::jsonb, name = $4 where id = $1', [group.id, `industry = "${b}"`, astOf(`industry = "${b}"`), 'Renamed elsewhere']);
    expect(await reevaluateCompany(t.ctx(), c.id)).toEqual({ joined: 0, left: 1 });
    const left = (await logOf(group.id)).at(-1)!;
    expect(left).toMatchObject({ company_id: c.id, change: 'left' });
    expect(left.reason).toContain('Renamed elsewhere');
    expect(left.reason).toContain(b);

    // A group created elsewhere is evaluated; one deleted elsewhere is not.
    const other = `grp_${unique('elsewhere', '_')}`;
    await t.database.query('insert into customer_groups (id, name, rule_source, rule_ast) values ($1, $2, $3, $4::jsonb)', [other, unique('Made elsewhere'), `industry = "${a}"`, astOf(`industry = "${a}"`)]);
    await t.database.query('delete from customer_groups where id = $1', [group.id]);
    expect(await reevaluateCompanies(t.ctx(), [c.id])).toEqual({ joined: 1, left: 0 });
    expect((await logOf(other)).map((l) => l.change)).toEqual(['joined']);
  });
});
