import { BRANDS, CATALOG, WAREHOUSES, isLeaf, type CategorySpec, type LeafSpec } from './catalog-spec.ts';
import { gtinCheckDigit, idMaker, slugify } from './ids.ts';
import type { Rng } from './prng.ts';
import type { SeedBrand, SeedCatalog, SeedCategory, SeedInventory, SeedProduct, SeedVariant, SeedWarehouse } from './types.ts';

/** Share of products per top-level category: a distributor's range is mostly fasteners. */
const ROOT_WEIGHT: Readonly<Record<string, number>> = { Fasteners: 35, Tools: 20, Safety: 15, Electrical: 18, Plumbing: 12 };

/** How many variants a product has before the total is trimmed to the exact target. */
const VARIANT_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [[1, 15], [2, 25], [3, 25], [4, 20], [5, 10], [6, 5]];

/** GS1 prefixes of the markets served; GTINs are GTIN-13 with a correct check digit. */
const GS1_PREFIXES = ['896', '629', '628', '890', '500', '400', '030'];

const CLOSING_LINES = [
  'Stocked in regional distribution centres for next-day dispatch.',
  'Material certificates and batch traceability available on request.',
  'Suitable for contractor, maintenance and OEM use.',
  'Supplied in trade packaging with a printed barcode label.',
  'Backed by the manufacturer’s standard warranty.',
  'Compatible with the rest of the range for easy re-ordering.',
];

interface Leaf {
  readonly spec: LeafSpec;
  readonly categoryId: string;
  readonly root: string;
}

/**
 * The catalog of an industrial distributor: a category tree, brands, products with attributes,
 * exactly `variantTarget` variants (unique SKUs, valid GTINs), seven warehouses and stock levels.
 */
export function generateCatalog(rng: Rng, productTarget: number, variantTarget: number): SeedCatalog {
  if (variantTarget < productTarget) throw new RangeError('need at least one variant per product');
  const id = idMaker(rng.fork('ids'));
  const categories: SeedCategory[] = [];
  const leaves: Leaf[] = [];
  const walk = (nodes: readonly (CategorySpec | LeafSpec)[], parent: SeedCategory | null, root: string | null) => {
    nodes.forEach((node, position) => {
      const slug = parent ? `${parent.slug}-${slugify(node.name)}` : slugify(node.name);
      const cat: SeedCategory = { id: id('category'), parentId: parent?.id ?? null, name: node.name, slug, position, depth: parent ? parent.depth + 1 : 0 };
      categories.push(cat);
      const rootName = root ?? node.name;
      if (isLeaf(node)) leaves.push({ spec: node, categoryId: cat.id, root: rootName });
      else walk(node.children, cat, rootName);
    });
  };
  walk(CATALOG, null, null);

  const brands: SeedBrand[] = BRANDS.map((b) => ({ id: id('brand'), name: b.name, slug: slugify(b.name) }));
  const brandsByRoot = new Map<string, { brand: SeedBrand; code: string }[]>();
  BRANDS.forEach((b, i) => {
    const code = b.name.split(/\s+/).map((w) => w[0]).join('').toUpperCase().padEnd(2, b.name[1]?.toUpperCase() ?? 'X');
    for (const root of b.roots) {
      const list = brandsByRoot.get(root) ?? [];
      list.push({ brand: brands[i] as SeedBrand, code });
      brandsByRoot.set(root, list);
    }
  });

  const leafChoices = leaves.map((l) => [l, (ROOT_WEIGHT[l.root] ?? 10) / leaves.filter((x) => x.root === l.root).length] as const);
  const productRng = rng.fork('products');
  const plan = Array.from({ length: productTarget }, () => {
    const leaf = productRng.weighted(leafChoices);
    const max = Math.min(6, leaf.spec.axis.values.length);
    return { leaf, variants: Math.min(max, productRng.weighted(VARIANT_COUNT_WEIGHTS)) };
  });
  fitTotal(productRng, plan, variantTarget);

  const products: SeedProduct[] = [];
  const variants: SeedVariant[] = [];
  const modelSeq = new Map<string, number>();
  plan.forEach(({ leaf, variants: count }, p) => {
    const { spec } = leaf;
    const brandChoice = productRng.pick(brandsByRoot.get(leaf.root) ?? []);
    const seq = (modelSeq.get(brandChoice.code) ?? 1000 + productRng.int(0, 800)) + productRng.int(1, 7);
    modelSeq.set(brandChoice.code, seq);
    const model = `${brandChoice.code}-${seq}`;
    const attributes: Record<string, string> = {};
    for (const [name, values] of Object.entries(spec.attrs)) attributes[name] = productRng.pick(values);
    const noun = productRng.pick(spec.nouns);
    const [a1, a2] = Object.values(attributes);
    const name = `${brandChoice.brand.name} ${noun} ${model}${a1 ? `, ${a1}` : ''}${a2 ? `, ${a2}` : ''}`;
    const productId = id('product');
    const start = productRng.int(0, spec.axis.values.length - count);
    const axisValues = spec.axis.values.slice(start, start + count);
    const uom = productRng.pick(spec.uom);
    const packSize = uom === 'each' || uom === 'pair' || uom === 'length' ? 1 : productRng.pick(spec.packSizes);
    const attrText = Object.entries(attributes).map(([k, v]) => `${capitalise(splitCamel(k))}: ${v}.`).join(' ');
    const description =
      `The ${brandChoice.brand.name} ${noun} ${model} is made for ${spec.use}. ${attrText} ` +
      `Available in ${count === 1 ? `${splitCamel(spec.axis.name)} ${axisValues[0]}` : `${count} ${splitCamel(spec.axis.name)} options from ${axisValues[0]} to ${axisValues[count - 1]}`}, ` +
      `${packSize > 1 ? `sold by the ${uom} of ${packSize}` : uom === 'each' ? 'sold individually' : `sold by the ${uom}`}. ${productRng.pick(CLOSING_LINES)}`;
    products.push({
      id: productId,
      slug: `${slugify(`${noun} ${model}`)}`,
      name,
      description,
      categoryId: leaf.categoryId,
      brandId: brandChoice.brand.id,
      attributes,
      tags: productRng.sample(['bestseller', 'new', 'clearance', 'trade-only', 'eco', 'imported'], productRng.weighted([[0, 60], [1, 30], [2, 10]])),
    });
    const span = Math.max(1, spec.axis.values.length - 1);
    axisValues.forEach((value, v) => {
      const at = (start + v) / span;
      const noise = 0.9 + productRng.next() * 0.2;
      const grams = Math.round(lerp(spec.grams, at) * noise);
      const cents = Math.round((lerp(spec.cents, at) * noise * (packSize > 1 ? 1 + packSize / 400 : 1)) / 5) * 5;
      const index = variants.length;
      const body = `${GS1_PREFIXES[p % GS1_PREFIXES.length]}${String((index * 7919 + 104729) % 1_000_000_000).padStart(9, '0')}`;
      variants.push({
        id: id('variant'),
        productId,
        sku: `${spec.code}-${String(p + 1).padStart(6, '0')}-${String(v + 1).padStart(2, '0')}`,
        gtin: `${body}${gtinCheckDigit(body)}`,
        name: packSize > 1 ? `${value}, ${uom} of ${packSize}` : value,
        uom,
        packSize,
        weightGrams: grams,
        attributes: { [spec.axis.name]: value },
        priceCents: Math.max(5, cents),
        position: v,
      });
    });
  });

  const warehouses: SeedWarehouse[] = WAREHOUSES.map((w) => ({ id: id('warehouse'), ...w }));
  const inventory: SeedInventory[] = [];
  const stockRng = rng.fork('stock');
  for (const variant of variants) {
    const count = stockRng.weighted([[1, 20], [2, 40], [3, 30], [4, 10]]);
    for (const wh of stockRng.sample(warehouses, count)) {
      const onHand = stockRng.chance(0.12) ? 0 : Math.floor(stockRng.next() ** 2 * 2000) + 1;
      const reserved = onHand > 0 && stockRng.chance(0.15) ? stockRng.int(0, Math.floor(onHand / 4)) : 0;
      inventory.push({ variantId: variant.id, warehouseId: wh.id, onHand, reserved });
    }
  }
  return { categories, brands, products, variants, warehouses, inventory };
}

/** Nudges per-product variant counts (within 1..axis length) until they add up to `target`. */
function fitTotal(rng: Rng, plan: { leaf: Leaf; variants: number }[], target: number): void {
  let diff = target - plan.reduce((s, p) => s + p.variants, 0);
  const capacity = plan.reduce((s, p) => s + p.leaf.spec.axis.values.length, 0);
  if (target > capacity) throw new RangeError(`cannot make ${target} variants from ${plan.length} products`);
  while (diff !== 0) {
    const item = plan[rng.int(0, plan.length - 1)] as (typeof plan)[number];
    if (diff > 0 && item.variants < item.leaf.spec.axis.values.length) {
      item.variants++;
      diff--;
    } else if (diff < 0 && item.variants > 1) {
      item.variants--;
      diff++;
    }
  }
}

const lerp = ([min, max]: readonly [number, number], t: number) => min + (max - min) * t;
const splitCamel = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
