/**
 * The CSV formats of the catalog, as pure functions: cell encodings (attributes as
 * `key=value;key=value`, image URLs `|`-separated) and the validation of one import row.
 */
import { SLUG_PATTERN } from './slug.ts';

export const PRODUCT_COLUMNS = [
  'product_slug',
  'product_name',
  'description',
  'category_slug',
  'brand',
  'sku',
  'gtin',
  'variant_name',
  'uom',
  'pack_size',
  'weight_grams',
  'tax_class',
  'status',
  'attributes',
  'image_urls',
  'product_attributes',
] as const;
export const REQUIRED_PRODUCT_COLUMNS = ['product_slug', 'product_name'] as const;
export const INVENTORY_COLUMNS = ['sku', 'warehouse_code', 'on_hand'] as const;

export interface CellError {
  field: string;
  message: string;
}

/** `a=1;b=x\;y` — `;` and `\` inside values are escaped with a backslash. */
export function formatAttributes(attrs: Readonly<Record<string, string>>): string {
  return Object.keys(attrs)
    .sort()
    .map((k) => `${k}=${(attrs[k] ?? '').replace(/[\\;]/g, (c) => `\\${c}`)}`)
    .join(';');
}

/** Parses `key=value;key=value` (backslash escapes `;` and `\`); an error names what is wrong. */
export function parseAttributes(cell: string): { value: Record<string, string> } | { error: string } {
  const out: Record<string, string> = {};
  if (!cell.trim()) return { value: out };
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) cur += cell[++i];
    else if (c === ';') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  for (const part of parts) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return { error: `"${part}" is not key=value` };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!/^[^=:;]{1,64}$/.test(key)) return { error: `attribute name "${key}" must be 1–64 characters without = : ;` };
    if (value.length > 200) return { error: `the value of ${key} is longer than 200 characters` };
    out[key] = value;
  }
  if (Object.keys(out).length > 50) return { error: 'at most 50 attributes' };
  return { value: out };
}

export const formatImageUrls = (urls: readonly string[]): string => urls.join('|');

/** A validated product CSV row (empty `sku`: the row only creates or updates the product). */
export interface ProductCsvRow {
  row: number;
  productSlug: string;
  productName: string;
  description: string | undefined;
  categorySlug: string | undefined;
  brand: string | undefined;
  status: 'draft' | 'active' | 'archived' | undefined;
  images: string[] | undefined;
  productAttributes: Record<string, string> | undefined;
  variant: {
    sku: string;
    gtin: string | null;
    name: string;
    uom: string;
    packSize: number;
    weightGrams: number | null;
    taxClass: string;
    attributes: Record<string, string>;
  } | null;
}

const SLUG = new RegExp(SLUG_PATTERN);
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const URL_RE = /^https?:\/\/[^\s|]+$/;

function intCell(raw: string, field: string, min: number, max: number, errors: CellError[]): number | null {
  if (!raw) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    errors.push({ field, message: `must be a whole number from ${min} to ${max}` });
    return null;
  }
  return Number(raw);
}

/** Validates one parsed record (`row` = its CSV record number, header = 1); every bad cell is reported. */
export function validateProductRow(rec: Readonly<Record<string, string | undefined>>, row: number): { value: ProductCsvRow } | { errors: CellError[] } {
  const cell = (k: string) => (rec[k] ?? '').trim();
  const errors: CellError[] = [];
  const productSlug = cell('product_slug');
  if (!SLUG.test(productSlug) || productSlug.length > 120) errors.push({ field: 'product_slug', message: 'required: lower-case letters, digits and single hyphens, at most 120' });
  const productName = cell('product_name');
  if (!productName || productName.length > 300) errors.push({ field: 'product_name', message: 'required, at most 300 characters' });
  const description = rec.description;
  if (description !== undefined && description.length > 20_000) errors.push({ field: 'description', message: 'at most 20000 characters' });
  const categorySlug = cell('category_slug') || undefined;
  if (categorySlug && !SLUG.test(categorySlug)) errors.push({ field: 'category_slug', message: 'not a slug' });
  const brand = cell('brand') || undefined;
  if (brand && brand.length > 200) errors.push({ field: 'brand', message: 'at most 200 characters' });
  const statusRaw = cell('status');
  if (statusRaw && !['draft', 'active', 'archived'].includes(statusRaw)) errors.push({ field: 'status', message: 'must be draft, active or archived' });
  let images: string[] | undefined;
  if (rec.image_urls !== undefined) {
    images = cell('image_urls').split('|').map((u) => u.trim()).filter(Boolean);
    const bad = images.find((u) => !URL_RE.test(u) || u.length > 2000);
    if (bad) errors.push({ field: 'image_urls', message: `"${bad.slice(0, 80)}" is not an http(s) URL` });
    if (images.length > 20) errors.push({ field: 'image_urls', message: 'at most 20 images' });
  }
  let productAttributes: Record<string, string> | undefined;
  if (rec.product_attributes !== undefined) {
    const parsed = parseAttributes(rec.product_attributes);
    if ('error' in parsed) errors.push({ field: 'product_attributes', message: parsed.error });
    else productAttributes = parsed.value;
  }

  let variant: ProductCsvRow['variant'] = null;
  const sku = cell('sku');
  if (sku) {
    if (!SKU.test(sku)) errors.push({ field: 'sku', message: 'letters, digits and . _ / - only, at most 64' });
    const gtin = cell('gtin');
    if (gtin && !/^[0-9]{8,14}$/.test(gtin)) errors.push({ field: 'gtin', message: 'must be 8 to 14 digits' });
    const name = cell('variant_name');
    if (name.length > 300) errors.push({ field: 'variant_name', message: 'at most 300 characters' });
    const uom = cell('uom') || 'each';
    if (uom.length > 20) errors.push({ field: 'uom', message: 'at most 20 characters' });
    const packSize = intCell(cell('pack_size'), 'pack_size', 1, 1_000_000, errors) ?? 1;
    const weightGrams = intCell(cell('weight_grams'), 'weight_grams', 0, 100_000_000, errors);
    const taxClass = cell('tax_class') || 'standard';
    if (taxClass.length > 40) errors.push({ field: 'tax_class', message: 'at most 40 characters' });
    const attrs = parseAttributes(rec.attributes ?? '');
    if ('error' in attrs) errors.push({ field: 'attributes', message: attrs.error });
    variant = { sku, gtin: gtin || null, name, uom, packSize, weightGrams, taxClass, attributes: 'value' in attrs ? attrs.value : {} };
  } else if (cell('gtin') || cell('variant_name')) {
    errors.push({ field: 'sku', message: 'required when the row describes a variant' });
  }
  if (errors.length) return { errors };
  return {
    value: {
      row,
      productSlug,
      productName,
      description,
      categorySlug,
      brand,
      status: (statusRaw || undefined) as ProductCsvRow['status'],
      images,
      productAttributes,
      variant,
    },
  };
}

export interface InventoryCsvRow {
  row: number;
  sku: string;
  warehouseCode: string;
  onHand: number;
}

export function validateInventoryRow(rec: Readonly<Record<string, string | undefined>>, row: number): { value: InventoryCsvRow } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const sku = (rec.sku ?? '').trim();
  const warehouseCode = (rec.warehouse_code ?? '').trim();
  const onHandRaw = (rec.on_hand ?? '').trim();
  if (!SKU.test(sku)) errors.push({ field: 'sku', message: 'required: letters, digits and . _ / - only' });
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(warehouseCode)) errors.push({ field: 'warehouse_code', message: 'required: up to 32 letters, digits, _ or -' });
  if (!/^\d{1,10}$/.test(onHandRaw) || Number(onHandRaw) > 1_000_000_000) errors.push({ field: 'on_hand', message: 'must be a whole number from 0 to 1000000000' });
  if (errors.length) return { errors };
  return { value: { row, sku, warehouseCode, onHand: Number(onHandRaw) } };
}

/** Checks a header against the known columns; returns the problem or null. */
export function checkHeader(header: readonly string[], known: readonly string[], required: readonly string[]): CellError | null {
  const unknown = header.find((h) => !known.includes(h));
  if (unknown !== undefined) return { field: unknown || '(blank)', message: `unknown column "${unknown}"; expected ${known.join(', ')}` };
  const missing = required.find((r) => !header.includes(r));
  if (missing) return { field: missing, message: `missing column ${missing}` };
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) return { field: dup, message: `column ${dup} appears twice` };
  return null;
}
