import { expect } from 'vitest';
import type { TestApp } from '../harness.ts';
import { staffSession, type SignedIn } from '../helpers/auth.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A small catalog (two categories, one a child; two brands) and a pricing manager's session. */
export interface EntriesFixture {
  pricer: SignedIn;
  call: (method: Method, url: string, payload?: unknown, headers?: Record<string, string>) => Promise<Awaited<ReturnType<TestApp['app']['inject']>>>;
  ok: <T = Record<string, unknown>>(method: Method, url: string, payload?: unknown, status?: number) => Promise<T>;
  cat: { tools: string; drills: string; plumbing: string };
  brand: { acme: string; bolt: string };
  newList: (name: string, currency?: string) => Promise<string>;
}

export async function entriesFixture(t: TestApp): Promise<EntriesFixture> {
  const pricer = await staffSession(t, 'pricing_manager');
  const admin = await staffSession(t, 'admin');
  const call = async (method: Method, url: string, payload?: unknown, headers?: Record<string, string>) =>
    t.app.inject({ method, url, headers: { ...pricer.headers, ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  const as = async <T>(who: SignedIn, method: Method, url: string, payload?: unknown, status = method === 'POST' ? 201 : 200): Promise<T> => {
    const res = await t.app.inject({ method, url, headers: who.headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json() as T;
  };
  const tools = (await as<{ id: string }>(admin, 'POST', '/api/admin/categories', { name: 'Tools' })).id;
  const drills = (await as<{ id: string }>(admin, 'POST', '/api/admin/categories', { name: 'Drills', parentId: tools })).id;
  const plumbing = (await as<{ id: string }>(admin, 'POST', '/api/admin/categories', { name: 'Plumbing' })).id;
  const acme = (await as<{ id: string }>(admin, 'POST', '/api/admin/brands', { name: 'Acme Entries' })).id;
  const bolt = (await as<{ id: string }>(admin, 'POST', '/api/admin/brands', { name: 'Bolt Entries' })).id;
  const product = (name: string, categoryId: string, brandId: string, skus: string[]) =>
    as(admin, 'POST', '/api/admin/products', { name, categoryId, brandId, status: 'active', variants: skus.map((sku) => ({ sku })) });
  await product('Claw Hammer Steel', tools, acme, ['ENT-HAM-1', 'ENT-HAM-2']);
  await product('Cordless Drill Pro', drills, bolt, ['ENT-DRL-1']);
  await product('Copper Pipe Elbow', plumbing, acme, ['ENT-PIP-1', 'ENT-PIP-2']);
  await product('Stillson Wrench Heavy', plumbing, bolt, ['ENT-WRN-1']);
  let n = 0;
  return {
    pricer,
    call,
    ok: (method, url, payload, status) => as(pricer, method, url, payload, status),
    cat: { tools, drills, plumbing },
    brand: { acme, bolt },
    newList: async (name, currency = 'PKR') => (await as<{ id: string }>(pricer, 'POST', '/api/admin/price-lists', { name: `${name} ${++n}`, currency, status: 'active', targets: [{ type: 'everyone' }] })).id,
  };
}

export interface EntryOut {
  variantId: string;
  sku: string;
  productName: string;
  unitPrice: number;
  tiers: { minQty: number; unitPrice: number }[];
  qtyMin: number | null;
  qtyMax: number | null;
  qtyIncrement: number | null;
}
