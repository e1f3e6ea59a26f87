import type { Database } from '../../src/db/client.ts';
import { newId } from '../../src/lib/ids.ts';
import { brands, categories, inventory, products, variants, warehouses } from '../../src/modules/catalog/index.ts';

export interface CatalogFixture {
  cat: Record<'tools' | 'hand' | 'hammers' | 'power' | 'fasteners' | 'empty', { id: string; slug: string }>;
  brand: Record<'stanley' | 'bosch' | 'acme', string>;
  product: Record<'claw' | 'sledge' | 'pein' | 'screwdriver' | 'drill' | 'screws' | 'draft' | 'archived', string>;
  warehouse: Record<'main' | 'north', string>;
  widgetCount: number;
}

/**
 * A small, hand-made catalog: a three-level tool tree, three brands, hammers with variants and
 * stock, draft/archived products that must stay hidden, and `widgetCount` filler widgets for paging.
 */
export async function seedCatalog(database: Database, widgetCount = 120): Promise<CatalogFixture> {
  const db = database.db;
  const c = (slug: string, name: string, parent: { id: string; path: string; depth: number } | null, position = 0) => {
    const id = newId('category');
    return { id, slug, name, parentId: parent?.id ?? null, path: `${parent?.path ?? ''}${id}/`, depth: parent ? parent.depth + 1 : 0, position };
  };
  const tools = c('tools', 'Tools', null, 0);
  const hand = c('hand-tools', 'Hand Tools', tools, 0);
  const hammers = c('hammers', 'Hammers', hand, 0);
  const power = c('power-tools', 'Power Tools', tools, 1);
  const fasteners = c('fasteners', 'Fasteners', null, 1);
  const empty = c('empty', 'Empty Shelf', null, 2);
  await db.insert(categories).values([tools, hand, hammers, power, fasteners, empty]);

  const b = (name: string) => ({ id: newId('brand'), name, slug: name.toLowerCase() });
  const [stanley, bosch, acme] = [b('Stanley'), b('Bosch'), b('Acme')];
  await db.insert(brands).values([stanley, bosch, acme]);

  type P = typeof products.$inferInsert;
  const p = (slug: string, name: string, cat: { id: string }, brand: { id: string }, status: P['status'] = 'active', attributes: Record<string, string> = {}, description = ''): P => ({
    id: newId('product'),
    slug,
    name,
    description,
    categoryId: cat.id,
    brandId: brand.id,
    status,
    attributes,
    images: [`https://img.example.com/${slug}.jpg`],
  });
  const claw = p('claw-hammer', 'Claw Hammer', hammers, stanley, 'active', { material: 'steel' }, 'Forged steel claw hammer for framing.');
  const sledge = p('sledge-hammer', 'Sledge Hammer', hammers, acme, 'active', { material: 'steel' });
  const pein = p('ball-pein-hammer', 'Ball Pein Hammer', hammers, stanley, 'active', { material: 'fibreglass' });
  const screwdriver = p('screwdriver-set', 'Screwdriver Set', hand, stanley, 'active', { material: 'steel' });
  const drill = p('cordless-drill', 'Cordless Drill', power, bosch, 'active', { voltage: '18V' }, 'Drills wood and metal.');
  const screws = p('wood-screws', 'Wood Screws 4x40', fasteners, acme);
  const draft = p('draft-hammer', 'Draft Hammer', hammers, stanley, 'draft');
  const archived = p('archived-hammer', 'Archived Hammer', hammers, stanley, 'archived');
  const widgets = Array.from({ length: widgetCount }, (_, i) =>
    p(`widget-${i}`, `Widget ${String(i).padStart(3, '0')}`, fasteners, i % 2 ? acme : bosch, 'active', { finish: i % 3 === 0 ? 'zinc' : 'black' }),
  );
  await db.insert(products).values([claw, sledge, pein, screwdriver, drill, screws, draft, archived, ...widgets]);

  type V = typeof variants.$inferInsert;
  const v = (product: P, sku: string, attributes: Record<string, string> = {}, extra: Partial<V> = {}): V => ({
    id: newId('variant'),
    productId: product.id!,
    sku,
    name: sku,
    attributes,
    ...extra,
  });
  const clawA = v(claw, 'HAM-001', { size: '16oz' }, { gtin: '4006381333931', weightGrams: 600 });
  const clawB = v(claw, 'HAM-002', { size: '20oz' }, { position: 1 });
  const vs: V[] = [
    clawA,
    clawB,
    v(sledge, 'HAM-100', { size: '4lb' }),
    v(pein, 'HAM-200', { size: '16oz' }),
    v(screwdriver, 'SCR-001'),
    v(drill, 'DRL-001'),
    v(drill, 'DRL-002', {}, { status: 'inactive' }),
    v(screws, 'FST-440'),
    v(draft, 'HAM-900'),
    v(archived, 'HAM-901'),
    ...widgets.map((w, i) => v(w, `WID-${String(i).padStart(4, '0')}`)),
  ];
  await db.insert(variants).values(vs);

  const main = { id: newId('warehouse'), code: 'MAIN', name: 'Main', country: 'PK' };
  const north = { id: newId('warehouse'), code: 'NORTH', name: 'North', country: 'PK' };
  await db.insert(warehouses).values([main, north]);
  await db.insert(inventory).values([
    { variantId: clawA.id!, warehouseId: main.id, onHand: 10, reserved: 3 },
    { variantId: clawA.id!, warehouseId: north.id, onHand: 5, reserved: 0 },
    { variantId: clawB.id!, warehouseId: main.id, onHand: 2, reserved: 2 },
  ]);

  return {
    cat: {
      tools: { id: tools.id, slug: tools.slug },
      hand: { id: hand.id, slug: hand.slug },
      hammers: { id: hammers.id, slug: hammers.slug },
      power: { id: power.id, slug: power.slug },
      fasteners: { id: fasteners.id, slug: fasteners.slug },
      empty: { id: empty.id, slug: empty.slug },
    },
    brand: { stanley: stanley.id, bosch: bosch.id, acme: acme.id },
    product: { claw: claw.id!, sledge: sledge.id!, pein: pein.id!, screwdriver: screwdriver.id!, drill: drill.id!, screws: screws.id!, draft: draft.id!, archived: archived.id! },
    warehouse: { main: main.id, north: north.id },
    widgetCount,
  };
}
