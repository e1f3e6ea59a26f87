import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, updateCompany } from '../../src/modules/accounts/index.ts';
import { reevaluateCompany } from '../../src/modules/segments/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';

const BASE = '/api/admin/customer-groups';

describe('admin console reads for customer groups', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
    support = await staffSession(t, 'support');
  });
  afterAll(async () => t.close());

  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, who: SignedIn = admin) =>
    t.app.inject({ method, url, payload, headers: method === 'GET' ? { cookie: who.cookie } : who.headers });
  const industry = () => `ind_${randomBytes(4).toString('hex')}`;

  it('serves the rule builder every attribute with its type and the operators it accepts', async () => {
    const res = await req('GET', `${BASE}/attributes`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const byName = new Map(body.attributes.map((a: { name: string }) => [a.name, a]));
    expect(byName.get('industry')).toMatchObject({ type: 'string', metric: false, operators: expect.arrayContaining(['=', 'in', 'not in']) });
    expect(byName.get('spend_90d')).toMatchObject({ type: 'money', metric: true, example: '5000.00 PKR', operators: expect.arrayContaining(['>=']) });
    expect(byName.get('tags')).toMatchObject({ type: 'string_list', operators: ['contains', 'is null', 'is not null'] });
    expect(body.relations.map((r: { name: string }) => r.name)).toEqual(['descendant_of', 'child_of']);
  });

  it('lists joins and leaves newest first with their reasons, page by page', async () => {
    const ind = industry();
    const a = await makeCompany(t, { legalName: 'Quetta Quarry', industry: ind, region: 'Balochistan' });
    const b = await makeCompany(t, { legalName: 'Gwadar Gravel', industry: ind, region: 'Balochistan' });
    const group = (await req('POST', BASE, { name: `Quarries ${ind}`, rule: `industry = "${ind}" and region = "Balochistan"` })).json();
    await updateCompany(systemCtx(t.database.db), a.id, { region: 'Sindh' });
    await reevaluateCompany(systemCtx(t.database.db), a.id);

    const first = await req('GET', `${BASE}/${group.id}/log?limit=2`);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items[0]).toMatchObject({ companyId: a.id, legalName: 'Quetta Quarry', change: 'left', reason: expect.stringContaining('region = "Sindh"') });
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await req('GET', `${BASE}/${group.id}/log?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.items, ...page2.items];
    expect(all.map((e: { change: string }) => e.change)).toEqual(['left', 'joined', 'joined']);
    expect(new Set(all.map((e: { companyId: string }) => e.companyId))).toEqual(new Set([a.id, b.id]));
    expect(all.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect((await req('GET', `${BASE}/${group.id}/log?cursor=${page1.nextCursor.slice(0, -2)}x`)).statusCode).toBe(400);
  });

  it('says which groups a company is in and why, and counts static members', async () => {
    const ind = industry();
    const c = await makeCompany(t, { legalName: 'Multan Mills', industry: ind });
    const ruled = (await req('POST', BASE, { name: `Mills ${ind}`, rule: `industry = "${ind}"` })).json();
    const manual = (await req('POST', BASE, { name: `Hand-picked ${ind}` })).json();
    expect(manual.staticCount).toBe(0);
    expect((await req('POST', `${BASE}/${manual.id}/static-members/${c.id}`)).statusCode).toBe(200);
    expect((await req('GET', `${BASE}/${manual.id}`)).json()).toMatchObject({ staticCount: 1, memberCount: 1, rule: null });
    expect((await req('GET', `${BASE}/${ruled.id}`)).json()).toMatchObject({ staticCount: 0, memberCount: 1 });

    const res = await req('GET', `/api/admin/companies/${c.id}/customer-groups`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { groupId: string; static: boolean; reason: string; rule: string | null }[];
    expect(items).toHaveLength(2);
    expect(items.find((g) => g.groupId === ruled.id)).toMatchObject({ static: false, rule: `industry = "${ind}"`, reason: `in Mills ${ind} because industry = "${ind}"` });
    expect(items.find((g) => g.groupId === manual.id)).toMatchObject({ static: true, rule: null, reason: 'static member (added by hand)' });
  });

  it('answers 404 for unknown groups and companies, and refuses staff without segments access', async () => {
    expect((await req('GET', `${BASE}/grp_nope/log`)).statusCode).toBe(404);
    expect((await req('GET', '/api/admin/companies/cmp_nope/customer-groups')).statusCode).toBe(404);
    expect((await req('GET', `${BASE}/attributes`, undefined, support)).statusCode).toBe(403);
    const buyer = await buyerSession(t);
    expect((await req('GET', `${BASE}/attributes`, undefined, buyer)).statusCode).toBe(403);
  });
});
