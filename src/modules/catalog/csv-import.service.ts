import { Readable } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { inTx, type Ctx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import {
  INVENTORY_COLUMNS,
  PRODUCT_COLUMNS,
  REQUIRED_PRODUCT_COLUMNS,
  checkHeader,
  validateInventoryRow,
  validateProductRow,
  type InventoryCsvRow,
  type ProductCsvRow,
} from './domain/csv-rows.ts';
import * as repo from './csv-import.repo.ts';
import { setInventoryLevels } from './inventory.service.ts';
import { afterWrite } from './search-cache.ts';

export interface ImportError {
  /** CSV record number, the header being 1. */
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  failed: number;
  errors: ImportError[];
}

export interface ImportOptions {
  /** Called after each batch with the number of data rows processed so far. */
  onProgress?: ((rowsDone: number) => void) | undefined;
  /** Rows per transaction (default 500). */
  batchSize?: number | undefined;
  /** Stop collecting error details after this many (counts stay exact; default 1000). */
  maxErrors?: number | undefined;
}

export type CsvInput = Readable | AsyncIterable<string | Buffer> | string | Buffer;

type Rec = Record<string, string | undefined>;

function toReadable(input: CsvInput): Readable {
  if (typeof input === 'string' || Buffer.isBuffer(input)) return Readable.from([input]);
  if (input instanceof Readable) return input;
  return Readable.from(input);
}

/**
 * Drives the parser by hand: each chunk read from the source is written and the records it yields
 * are read at once, synchronously. (Iterating the parser stream with `for await` would drop the
 * records still buffered when a later line turns out malformed.)
 */
async function* parseRecords(parser: Parser, source: AsyncIterable<Buffer | string>): AsyncGenerator<Rec> {
  let failure: unknown = null;
  parser.on('error', (err) => {
    failure = err;
  });
  function* drain(): Generator<Rec> {
    let rec: Rec | null;
    while ((rec = parser.read() as Rec | null) !== null) yield rec;
  }
  for await (const chunk of source) {
    parser.write(chunk);
    yield* drain();
    if (failure) throw failure;
  }
  parser.end();
  for (;;) {
    yield* drain();
    if (failure) throw failure;
    if (parser.readableEnded) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        parser.off('readable', wake);
        parser.off('end', wake);
        parser.off('error', wake);
        resolve();
      };
      parser.on('readable', wake);
      parser.on('end', wake);
      parser.on('error', wake);
    });
  }
}

/**
 * Parses the CSV as a stream and hands records to `onBatch` in batches, so memory stays flat for
 * any file size. A bad header is a CSV_INVALID refusal (nothing is written); a malformed record
 * later on ends the import with that row reported and the rows before it kept.
 */
async function streamBatches(
  input: CsvInput,
  header: { known: readonly string[]; required: readonly string[] },
  opts: ImportOptions,
  result: ImportResult,
  onHeader: (columns: string[]) => void,
  onBatch: (batch: { row: number; rec: Rec }[]) => Promise<void>,
): Promise<void> {
  const size = opts.batchSize ?? 500;
  let sawHeader = false;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    columns: (cols: string[]) => {
      const names = cols.map((c) => c.trim().toLowerCase());
      const problem = checkHeader(names, header.known, header.required);
      if (problem) throw new AppError('CSV_INVALID', problem.message, problem.field);
      sawHeader = true;
      onHeader(names);
      return names;
    },
  });
  let batch: { row: number; rec: Rec }[] = [];
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const current = batch;
    batch = [];
    await onBatch(current);
    done += current.length;
    opts.onProgress?.(done);
  };
  try {
    for await (const rec of parseRecords(parser, toReadable(input))) {
      batch.push({ row: done + batch.length + 2, rec });
      if (batch.length >= size) await flush();
    }
  } catch (err) {
    const appError = err instanceof AppError ? err : (err as { cause?: unknown }).cause;
    if (appError instanceof AppError) throw appError;
    await flush();
    failRow(result, opts, done + 2, [{ field: 'csv', message: `The file could not be read from here on: ${(err as Error).message}` }]);
    return;
  }
  await flush();
  if (!sawHeader) throw new AppError('CSV_INVALID', 'The file is empty; the first line must name the columns', 'body');
}

/** Records one failed row with all of its errors (the count stays exact past the detail cap). */
function failRow(result: ImportResult, opts: ImportOptions, row: number, errors: readonly { field: string; message: string }[]): void {
  result.failed += 1;
  for (const e of errors) if (result.errors.length < (opts.maxErrors ?? 1000)) result.errors.push({ row, ...e });
}

/**
 * Imports products from CSV, one row per variant (a row without SKU describes only the product),
 * upserting products by slug and variants by SKU in batches of 500 rows per transaction. Bad rows
 * are reported as {row, field, message} and skipped; good rows are saved.
 */
export async function importProductsCsv(ctx: Ctx, input: CsvInput, opts: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, failed: 0, errors: [] };
  let present: repo.PresentColumns = { description: false, category: false, brand: false, status: false, images: false, productAttributes: false };
  await streamBatches(
    input,
    { known: PRODUCT_COLUMNS, required: REQUIRED_PRODUCT_COLUMNS },
    opts,
    result,
    (cols) => {
      present = {
        description: cols.includes('description'),
        category: cols.includes('category_slug'),
        brand: cols.includes('brand'),
        status: cols.includes('status'),
        images: cols.includes('image_urls'),
        productAttributes: cols.includes('product_attributes'),
      };
    },
    async (batch) => {
      const valid: ProductCsvRow[] = [];
      for (const { row, rec } of batch) {
        const v = validateProductRow(rec, row);
        if ('errors' in v) failRow(result, opts, row, v.errors);
        else valid.push(v.value);
      }
      try {
        await afterWrite(ctx, inTx(ctx, (tx) => saveProductBatch(tx, valid, present, result, opts)));
      } catch (err) {
        ctx.log.error({ err }, 'product import batch failed');
        for (const r of valid) failRow(result, opts, r.row, [{ field: 'row', message: 'This row could not be saved' }]);
      }
    },
  );
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

async function saveProductBatch(tx: Ctx, rowsIn: ProductCsvRow[], present: repo.PresentColumns, result: ImportResult, opts: ImportOptions): Promise<void> {
  let rowsOk = rowsIn;
  const reject = (row: ProductCsvRow, field: string, message: string) => {
    failRow(result, opts, row.row, [{ field, message }]);
    rowsOk = rowsOk.filter((r) => r !== row);
  };
  // A SKU given twice in a batch: the later row wins, the earlier is reported.
  const lastRowOfSku = new Map<string, number>();
  for (const r of rowsOk) if (r.variant) lastRowOfSku.set(r.variant.sku.toLowerCase(), r.row);
  for (const r of [...rowsOk]) {
    const last = r.variant ? lastRowOfSku.get(r.variant.sku.toLowerCase()) : undefined;
    if (last !== undefined && last !== r.row) reject(r, 'sku', `SKU repeated in row ${last}, which wins`);
  }

  const categories = await repo.categoryIdsBySlug(tx.db, [...new Set(rowsOk.flatMap((r) => (r.categorySlug ? [r.categorySlug] : [])))]);
  for (const r of [...rowsOk]) if (r.categorySlug && !categories.has(r.categorySlug)) reject(r, 'category_slug', `No category has slug ${r.categorySlug}`);

  const existing = await repo.variantsBySku(tx.db, rowsOk.flatMap((r) => (r.variant ? [r.variant.sku] : [])));
  for (const r of [...rowsOk]) {
    const e = r.variant ? existing.get(r.variant.sku.toLowerCase()) : undefined;
    if (e && e.productSlug !== r.productSlug) reject(r, 'sku', `SKU ${r.variant!.sku} belongs to product ${e.productSlug}`);
  }
  if (!rowsOk.length) return;

  const brands = await repo.ensureBrands(tx.db, [...new Set(rowsOk.flatMap((r) => (r.brand ? [r.brand] : [])))]);
  const bySlug = new Map<string, ProductCsvRow>();
  for (const r of rowsOk) bySlug.set(r.productSlug, r); // the last row of a product sets its fields
  const products = await repo.upsertProducts(
    tx.db,
    [...bySlug.values()].map((r) => ({
      slug: r.productSlug,
      name: r.productName,
      description: r.description ?? null,
      categoryId: r.categorySlug ? (categories.get(r.categorySlug) ?? null) : null,
      brandId: r.brand ? (brands.get(r.brand.toLowerCase()) ?? null) : null,
      status: r.status ?? null,
      images: r.images ?? null,
      attributes: r.productAttributes ?? null,
    })),
    present,
  );
  const variants = await repo.upsertVariants(
    tx.db,
    rowsOk.flatMap((r) => (r.variant ? [{ ...r.variant, productId: products.get(r.productSlug)!.id, position: r.row }] : [])),
  );
  for (const r of rowsOk) {
    const isNew = r.variant ? variants.get(r.variant.sku.toLowerCase()) : products.get(r.productSlug)?.inserted;
    if (isNew) result.created += 1;
    else result.updated += 1;
  }
}

/** Imports stock levels from CSV (sku, warehouse_code, on_hand) in batches; bad rows are reported. */
export async function importInventoryCsv(ctx: Ctx, input: CsvInput, opts: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, failed: 0, errors: [] };
  await streamBatches(
    input,
    { known: [...INVENTORY_COLUMNS, 'backorder'], required: INVENTORY_COLUMNS },
    opts,
    result,
    () => undefined,
    async (batch) => {
      const valid: InventoryCsvRow[] = [];
      for (const { row, rec } of batch) {
        const v = validateInventoryRow(rec, row);
        if ('errors' in v) failRow(result, opts, row, v.errors);
        else valid.push(v.value);
      }
      const res = await setInventoryLevels(ctx, valid, (i) => valid[i]!.row);
      result.created += res.created;
      result.updated += res.updated;
      const fieldName: Record<string, string> = { sku: 'sku', warehouseCode: 'warehouse_code', onHand: 'on_hand' };
      for (const e of res.errors) failRow(result, opts, e.index, [{ field: fieldName[e.field] ?? e.field, message: e.message }]);
    },
  );
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}
