import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Ctx } from '../../http/context.ts';
import { formatAttributes, formatImageUrls, INVENTORY_COLUMNS, PRODUCT_COLUMNS } from './domain/csv-rows.ts';
import { exportChunk } from './csv-import.repo.ts';
import { allLevels } from './inventory.repo.ts';

/**
 * Streams rows into `out` through a CSV stringifier, a chunk of the database at a time and
 * respecting back-pressure, so an export of 100,000 variants never sits in memory whole.
 */
async function streamCsv(out: Writable, columns: readonly string[], produce: (write: (rec: Record<string, unknown>) => Promise<void>) => Promise<void>): Promise<void> {
  const csv = stringify({ header: true, columns: [...columns], cast: { number: (n) => String(n) } });
  csv.pipe(out);
  const write = async (rec: Record<string, unknown>) => {
    if (!csv.write(rec)) await once(csv, 'drain');
  };
  try {
    await produce(write);
    csv.end();
    await finished(csv);
    // pipe() ends the destination, except stdout/stderr, which a CLI writes to and never closes.
    if (out !== process.stdout && out !== process.stderr && !out.writableFinished) await finished(out);
  } catch (err) {
    csv.destroy(err as Error);
    out.destroy(err as Error);
    throw err;
  }
}

/** Writes every product as CSV, one row per variant (a product without variants gets one row). */
export async function exportProductsCsv(ctx: Ctx, out: Writable, opts: { chunkSize?: number } = {}): Promise<void> {
  const chunk = opts.chunkSize ?? 500;
  await streamCsv(out, PRODUCT_COLUMNS, async (write) => {
    let after: string | null = null;
    for (;;) {
      const rows = await exportChunk(ctx.db, after, chunk);
      if (!rows.length) return;
      for (const r of rows) {
        await write({
          product_slug: r.slug,
          product_name: r.name,
          description: r.description,
          category_slug: r.category_slug ?? '',
          brand: r.brand ?? '',
          sku: r.sku ?? '',
          gtin: r.gtin ?? '',
          variant_name: r.variant_name ?? '',
          uom: r.uom ?? '',
          pack_size: r.pack_size ?? '',
          weight_grams: r.weight_grams ?? '',
          tax_class: r.tax_class ?? '',
          status: r.status,
          attributes: r.variant_attributes ? formatAttributes(r.variant_attributes) : '',
          image_urls: formatImageUrls(r.images),
          product_attributes: formatAttributes(r.attributes),
        });
      }
      after = rows[rows.length - 1]!.id;
    }
  });
}

/** Writes every stock level as CSV (sku, warehouse_code, on_hand). */
export async function exportInventoryCsv(ctx: Ctx, out: Writable, opts: { chunkSize?: number } = {}): Promise<void> {
  const chunk = opts.chunkSize ?? 2000;
  await streamCsv(out, INVENTORY_COLUMNS, async (write) => {
    let after: [string, string] | undefined;
    for (;;) {
      const rows = await allLevels(ctx.db, after, chunk);
      for (const r of rows) await write({ sku: r.sku, warehouse_code: r.warehouseCode, on_hand: r.onHand });
      if (rows.length < chunk) return;
      const last = rows[rows.length - 1]!;
      after = [last.k1, last.k2];
    }
  });
}
