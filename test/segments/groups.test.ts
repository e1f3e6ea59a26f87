import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, updateCompany } from '../../src/modules/accounts/index.ts';
import { customerGroupMembershipLog, customerGroups, reevaluateAll, reevaluateCompany } from '../../src/modules/segments/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';

const BASE = '/api/admin/customer-groups';

describe('admin: customer groups', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who: SignedIn = admin) =>
    t.app.inject({ method, url, payload, headers: method === 'GET' ? { cookie: who.cookie } : who.headers });
  // Each test uses its own industry so groups in one test never see companies of another.
  const industry = () => `ind_${randomBytes(4).toString('hex')}`;
  const logOf = (groupId: string) =>
    t.database.db.select().from(customerGroupMembershipLog).where(eq(customerGroupMembershipLog.groupId, groupId)).orderBy(asc(customerGroupMembershipLog.id));

  it('materialises the members of a rule group with the reason each joined', async () => {
    const ind = industry();
    const a = await makeCompany(t, { legalName: 'Karachi Builders', industry: ind, country: 'PK' });
    const b = await makeCompany(t, { legalName: 'Dubai Builders', industry: ind, country: 'AE', currency: 'AED' });
    await makeCompany(t, { legalName: 'Other Trade', industry: industry(), country: 'PK' });
    const res = await req('POST', BASE, { name: `Builders ${ind}`, description: 'PK builders', rule: `industry = "${ind}" and country = "PK"` });
    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group).toMatchObject({ id: expect.stringMatching(/^grp_/), rule: `industry = "${ind}" and country = "PK"`, memberCount: 1 });
    const members = (await req('GET', `${BASE}/${group.id}/members`)).json();
    expect(members.items).toEqual([
      expect.objectContaining({ companyId: a.id, legalName: 'Karachi Builders', static: false, reason: `in Builders ${ind} because industry = "${ind}" and country = "PK"` }),
    ]);
    expect(members.items.map((m: { companyId: string }) => m.companyId)).not.toContain(b.id);
    expect((await logOf(group.id)).map((l) => [l.companyId, l.change])).toEqual([[a.id, 'joined']]);
    expect((await req('GET', `${BASE}/${group.id}`)).json()).toMatchObject({ name: `Builders ${ind}`, memberCount: 1 });
    const list = (await req('GET', `${BASE}?limit=200`)).json();
    expect(list.items.map((g: { id: string }) => g.id)).toContain(group.id);
  });

  it('logs a leave with its reason when a company changes and is re-evaluated', async () => {
    const ind = industry();
    const c = await makeCompany(t, { legalName: 'Lahore Cement', industry: ind, region: 'Punjab' });
    const group = (await req('POST', BASE, { name: `Punjab ${ind}`, rule: `industry = "${ind}" and region = "Punjab"` })).json();
    expect(group.memberCount).toBe(1);
    const ctx = systemCtx(t.database.db);
    await updateCompany(ctx, c.id, { region: 'Sindh' });
    expect(await reevaluateCompany(ctx, c.id)).toEqual({ joined: 0, left: 1 });
    expect((await req('GET', `${BASE}/${group.id}/members`)).json().items).toEqual([]);
    const log = await logOf(group.id);
    expect(log.map((l) => l.change)).toEqual(['joined', 'left']);
    expect(log[1]!.reason).toContain('region = "Sindh"');
    // Nothing changes a second time: re-evaluation is idempotent.
    expect(await reevaluateCompany(ctx, c.id)).toEqual({ joined: 0, left: 0 });
    await updateCompany(ctx, c.id, { region: 'Punjab' });
    const all = await reevaluateAll(ctx);
    expect(all.joined).toBeGreaterThanOrEqual(1);
    expect((await req('GET', `${BASE}/${group.id}/members`)).json().items.map((m: { companyId: string }) => m.companyId)).toEqual([c.id]);
  });

  it('keeps static members whatever the rule says, and drops them only when removed', async () => {
    const ind = industry();
    const inRule = await makeCompany(t, { industry: ind });
    const byHand = await makeCompany(t, { industry: industry() });
    const group = (await req('POST', BASE, { name: `Static ${ind}`, rule: `industry = "${ind}"` })).json();
    const added = await req('POST', `${BASE}/${group.id}/static-members/${byHand.id}`);
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ member: true, static: true, sentence: expect.stringContaining('static member') });
    let members = (await req('GET', `${BASE}/${group.id}/members`)).json().items;
    expect(members).toHaveLength(2);
    expect(members.find((m: { companyId: string }) => m.companyId === byHand.id)).toMatchObject({ static: true, reason: 'static member (added by hand)' });
    // A full re-evaluation keeps the static member even though the rule does not match it.
    await req('POST', `${BASE}/reevaluate`);
    expect((await req('GET', `${BASE}/${group.id}`)).json().memberCount).toBe(2);
    expect((await req('DELETE', `${BASE}/${group.id}/static-members/${byHand.id}`)).statusCode).toBe(204);
    members = (await req('GET', `${BASE}/${group.id}/members`)).json().items;
    expect(members.map((m: { companyId: string }) => m.companyId)).toEqual([inRule.id]);
    expect((await req('DELETE', `${BASE}/${group.id}/static-members/${byHand.id}`)).statusCode).toBe(404);
    expect((await req('POST', `${BASE}/${group.id}/static-members/cmp_missing`)).statusCode).toBe(404);
  });

  it('explains why a company is or is not in a group', async () => {
    const ind = industry();
    const yes = await makeCompany(t, { industry: ind, tags: ['vip'] });
    const no = await makeCompany(t, { industry: ind });
    const group = (await req('POST', BASE, { name: `VIP ${ind}`, rule: `industry = "${ind}" and tags contains "vip"` })).json();
    const inside = (await req('GET', `${BASE}/${group.id}/explain/${yes.id}`)).json();
    expect(inside).toMatchObject({ member: true, static: false, sentence: expect.stringMatching(new RegExp(`^in VIP ${ind} because`)) });
    const outside = (await req('GET', `${BASE}/${group.id}/explain/${no.id}`)).json();
    expect(outside).toMatchObject({ member: false, since: null, sentence: expect.stringMatching(new RegExp(`^not in VIP ${ind} because .*tags`)) });
    expect((await req('GET', `${BASE}/${group.id}/explain/cmp_nope`)).statusCode).toBe(404);
    expect((await req('GET', `${BASE}/grp_nope/explain/${yes.id}`)).statusCode).toBe(404);
  });

  it('previews who would join and leave without writing, and saving the rule applies it', async () => {
    const ind = industry();
    const pk = await makeCompany(t, { legalName: 'PK Mining', industry: ind, country: 'PK' });
    const ae = await makeCompany(t, { legalName: 'AE Mining', industry: ind, country: 'AE', currency: 'AED' });
    const group = (await req('POST', BASE, { name: `Mining ${ind}`, rule: `industry = "${ind}" and country = "PK"` })).json();
    const preview = await req('POST', `${BASE}/preview`, { rule: `industry = "${ind}" and country = "AE"`, groupId: group.id });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ count: 1, joins: [{ id: ae.id, legalName: 'AE Mining' }], leaves: [{ id: pk.id, legalName: 'PK Mining' }], joinCount: 1, leaveCount: 1, errors: [] });
    expect((await req('GET', `${BASE}/${group.id}/members`)).json().items.map((m: { companyId: string }) => m.companyId)).toEqual([pk.id]);
    const fresh = (await req('POST', `${BASE}/preview`, { rule: `industry = "${ind}"` })).json();
    expect(fresh).toMatchObject({ count: 2, joinCount: 2, leaves: [] });
    const bad = (await req('POST', `${BASE}/preview`, { rule: 'spend_90d >= "abc"' })).json();
    expect(bad.count).toBe(0);
    expect(bad.errors[0]).toMatchObject({ line: 1, column: 14 });
    const saved = await req('PATCH', `${BASE}/${group.id}`, { rule: `industry = "${ind}" and country = "AE"` });
    expect(saved.statusCode).toBe(200);
    expect((await req('GET', `${BASE}/${group.id}/members`)).json().items.map((m: { companyId: string }) => m.companyId)).toEqual([ae.id]);
    expect((await logOf(group.id)).map((l) => `${l.change}:${l.companyId}`)).toEqual([`joined:${pk.id}`, `joined:${ae.id}`, `left:${pk.id}`]);
  });

  it('refuses a bad rule with 400 VALIDATION_FAILED on rule, with line and column', async () => {
    const res = await req('POST', BASE, { name: `Bad ${industry()}`, rule: 'industry = "x" and\n  spend_90d >= "abc"' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'rule' });
    expect(body.errors[0]).toMatchObject({ field: 'rule', line: 2, column: 16, message: expect.stringContaining('at 2:16') });
    const group = (await req('POST', BASE, { name: `Good ${industry()}` })).json();
    const patch = await req('PATCH', `${BASE}/${group.id}`, { rule: 'indusrty = "x"' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json()).toMatchObject({ field: 'rule', errors: [expect.objectContaining({ line: 1, column: 1 })] });
  });

  it('answers 409 for a duplicate name, 404 after delete, and 400 for unknown properties', async () => {
    const name = `Dup ${industry()}`;
    const group = (await req('POST', BASE, { name })).json();
    expect((await req('POST', BASE, { name: name.toUpperCase() })).statusCode).toBe(409);
    expect((await req('POST', BASE, { name: 'x', colour: 'red' })).statusCode).toBe(400);
    expect((await req('DELETE', `${BASE}/${group.id}`)).statusCode).toBe(204);
    expect((await req('GET', `${BASE}/${group.id}`)).statusCode).toBe(404);
    expect((await req('DELETE', `${BASE}/${group.id}`)).statusCode).toBe(404);
  });

  it('matches descendants through the company tree and pages through members', async () => {
    const ind = industry();
    const root = await makeCompany(t, { legalName: 'Holding', industry: ind });
    const child = await makeCompany(t, { legalName: 'Child', industry: ind, parentId: root.id });
    const grandchild = await makeCompany(t, { legalName: 'Grandchild', industry: ind, parentId: child.id });
    const group = (await req('POST', BASE, { name: `Tree ${ind}`, rule: `descendant_of("${root.id}")` })).json();
    expect(group.memberCount).toBe(2);
    const page1 = (await req('GET', `${BASE}/${group.id}/members?limit=1`)).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (await req('GET', `${BASE}/${group.id}/members?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((m: { companyId: string }) => m.companyId).sort()).toEqual([child.id, grandchild.id].sort());
    expect((await req('GET', `${BASE}/${group.id}/members?cursor=nonsense`)).statusCode).toBe(400);
    const explained = (await req('GET', `${BASE}/${group.id}/explain/${grandchild.id}`)).json();
    expect(explained.sentence).toContain('Holding');
    const outsider = await makeCompany(t, { industry: ind });
    const notIn = (await req('GET', `${BASE}/${group.id}/explain/${outsider.id}`)).json();
    expect(notIn).toMatchObject({ member: false, sentence: expect.stringContaining('Holding') });
  });

  it('leaves a group untouched when its stored rule no longer checks, instead of emptying it', async () => {
    const ind = industry();
    const c = await makeCompany(t, { industry: ind });
    const group = (await req('POST', BASE, { name: `Stale ${ind}`, rule: `industry = "${ind}"` })).json();
    await t.database.db.update(customerGroups).set({ ruleAst: { kind: 'compare', op: '=', subject: { kind: 'attribute', name: 'no_such_attribute' }, value: { kind: 'string', value: 'x' } } }).where(eq(customerGroups.id, group.id));
    await reevaluateAll(systemCtx(t.database.db));
    expect((await req('GET', `${BASE}/${group.id}/members`)).json().items.map((m: { companyId: string }) => m.companyId)).toEqual([c.id]);
  });

  it('forbids buyers and staff without segments permissions', async () => {
    const buyer = await buyerSession(t);
    expect((await req('GET', BASE, undefined, buyer)).statusCode).toBe(403);
    expect((await req('POST', BASE, { name: 'Nope' }, buyer)).statusCode).toBe(403);
    const support = await staffSession(t, 'support');
    expect((await req('GET', BASE, undefined, support)).statusCode).toBe(403);
    const catalog = await staffSession(t, 'catalog_manager');
    expect((await req('GET', BASE, undefined, catalog)).statusCode).toBe(200);
    expect((await req('POST', BASE, { name: 'Nope' }, catalog)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: BASE })).statusCode).toBe(401);
  });
});
