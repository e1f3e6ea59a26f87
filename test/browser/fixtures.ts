import type { App } from '../../src/app.ts';
import type { SignedIn } from '../helpers/auth.ts';

/** The small hardware catalogue the browser journeys shop in, created through the admin API. */
export interface StoreFixture {
  hammersSlug: string;
  clawSlug: string;
}

async function call<T>(app: App, staff: SignedIn, method: 'POST' | 'PUT', url: string, payload: unknown): Promise<T> {
  const res = await app.inject({ method, url, payload: payload as Record<string, unknown>, headers: staff.headers });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export async function createStoreCatalog(app: App, staff: SignedIn): Promise<StoreFixture> {
  const post = <T>(url: string, body: unknown) => call<T & { id: string; slug: string }>(app, staff, 'POST', url, body);
  const tools = await post('/api/admin/categories', { name: 'Hand Tools', slug: 'hand-tools' });
  const hammers = await post('/api/admin/categories', { name: 'Hammers', slug: 'hammers', parentId: tools.id });
  const drivers = await post('/api/admin/categories', { name: 'Screwdrivers', slug: 'screwdrivers', parentId: tools.id });
  const stanley = await post('/api/admin/brands', { name: 'Stanley' });
  const estwing = await post('/api/admin/brands', { name: 'Estwing' });
  await post('/api/admin/warehouses', { code: 'KHI', name: 'Karachi', country: 'PK' });

  const product = (name: string, slug: string, categoryId: string, brandId: string, material: string, variants: { sku: string; size: string; packSize?: number }[]) =>
    post('/api/admin/products', {
      name,
      slug,
      categoryId,
      brandId,
      status: 'active',
      description: `${name} for trade and workshop use.`,
      attributes: { material },
      variants: variants.map((v) => ({ sku: v.sku, name: `${name} ${v.size}`, uom: 'EA', packSize: v.packSize ?? 1, attributes: { size: v.size } })),
    });
  const claw = await product('Claw Hammer', 'claw-hammer', hammers.id, stanley.id, 'steel', [
    { sku: 'HAM-CLAW-16', size: '16oz' },
    { sku: 'HAM-CLAW-20', size: '20oz', packSize: 6 },
  ]);
  await product('Sledge Hammer', 'sledge-hammer', hammers.id, estwing.id, 'steel', [{ sku: 'HAM-SLEDGE-4', size: '4lb' }]);
  await product('Ball Pein Hammer', 'ball-pein-hammer', hammers.id, stanley.id, 'fibreglass', [{ sku: 'HAM-PEIN-12', size: '12oz' }]);
  await product('Phillips Screwdriver', 'phillips-screwdriver', drivers.id, stanley.id, 'steel', [{ sku: 'SCR-PH2', size: 'PH2' }]);
  await call(app, staff, 'PUT', '/api/admin/inventory', {
    items: [
      { sku: 'HAM-CLAW-16', warehouseCode: 'KHI', onHand: 120 },
      { sku: 'HAM-CLAW-20', warehouseCode: 'KHI', onHand: 4 },
      { sku: 'HAM-SLEDGE-4', warehouseCode: 'KHI', onHand: 30 },
    ],
  });
  return { hammersSlug: hammers.slug, clawSlug: claw.slug };
}
