import type { Database } from '../../src/db/client.ts';
import { newId } from '../../src/lib/ids.ts';
import { brands, categories, products, variants } from '../../src/modules/catalog/index.ts';

export interface VisibilityFixture {
  cat: Record<'plumbing' | 'pipes' | 'tools' | 'hand', string>;
  brand: Record<'acme' | 'stanley' | 'bosch', string>;
  /** Product ids; `draftValve` is a draft and never shows. */
  product: Record<'pipe' | 'faucet' | 'hammer' | 'drill' | 'tape' | 'draftValve', string>;
  slug: Record<'pipe' | 'faucet' | 'hammer' | 'drill' | 'tape', string>;
  /** One active variant per product. */
  variant: Record<'pipe' | 'faucet' | 'hammer' | 'drill' | 'tape' | 'draftValve', string>;
}

/**
 * A small catalog for visibility tests: Plumbing > Pipes and Tools > Hand Tools, three brands, a
 * tag or two. Plumbing products: pipe (in Pipes, a subcategory), faucet; other: hammer, drill
 * (tagged "sale"), tape (no category, tagged "sale"); a draft valve in Plumbing.
 */
export async function seedVisibilityCatalog(database: Database): Promise<VisibilityFixture> {
  const db = database.db;
  const cat = (name: string, slug: string, parent: { id: string; path: string } | null) => {
    const id = newId('category');
    return { id, name, slug, parentId: parent?.id ?? null, path: `${parent?.path ?? ''}${id}/`, depth: parent ? 1 : 0 };
  };
  const plumbing = cat('Plumbing', 'plumbing', null);
  const pipes = cat('Pipes', 'pipes', plumbing);
  const tools = cat('Tools', 'tools', null);
  const hand = cat('Hand Tools', 'hand-tools', tools);
  await db.insert(categories).values([plumbing, pipes, tools, hand]);
  const brand = (name: string) => ({ id: newId('brand'), name, slug: name.toLowerCase() });
  const [acme, stanley, bosch] = [brand('Acme'), brand('Stanley'), brand('Bosch')];
  await db.insert(brands).values([acme, stanley, bosch]);
  type P = typeof products.$inferInsert;
  const p = (slug: string, name: string, categoryId: string | null, brandId: string | null, tags: string[] = [], status: P['status'] = 'active'): P & { id: string } => ({
    id: newId('product'),
    slug,
    name,
    categoryId,
    brandId,
    tags,
    status,
    attributes: { finish: 'plain' },
  });
  const pipe = p('copper-pipe', 'Copper Pipe', pipes.id, acme.id, ['metal']);
  const faucet = p('kitchen-faucet', 'Kitchen Faucet', plumbing.id, acme.id);
  const hammer = p('claw-hammer', 'Claw Hammer', hand.id, stanley.id, ['metal']);
  const drill = p('cordless-drill', 'Cordless Drill', tools.id, bosch.id, ['sale']);
  const tape = p('duct-tape', 'Duct Tape', null, null, ['sale']);
  const draftValve = p('draft-valve', 'Draft Valve', plumbing.id, acme.id, [], 'draft');
  const all = { pipe, faucet, hammer, drill, tape, draftValve };
  await db.insert(products).values(Object.values(all));
  const variant = Object.fromEntries(Object.keys(all).map((k) => [k, newId('variant')])) as VisibilityFixture['variant'];
  await db.insert(variants).values(Object.entries(all).map(([k, prod]) => ({ id: variant[k as keyof typeof all], productId: prod.id, sku: `SKU-${prod.slug}`.toUpperCase(), name: prod.name })));
  return {
    cat: { plumbing: plumbing.id, pipes: pipes.id, tools: tools.id, hand: hand.id },
    brand: { acme: acme.id, stanley: stanley.id, bosch: bosch.id },
    product: { pipe: pipe.id, faucet: faucet.id, hammer: hammer.id, drill: drill.id, tape: tape.id, draftValve: draftValve.id },
    slug: { pipe: 'copper-pipe', faucet: 'kitchen-faucet', hammer: 'claw-hammer', drill: 'cordless-drill', tape: 'duct-tape' },
    variant,
  };
}
