import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parse, type Parser } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { inTx, type Ctx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import { ENTRY_COLUMNS, INFO_COLUMNS, checkEntryHeader, entryCells, validateEntryRow, type CellError, type EntryRow } from './domain/entries-csv.ts';
import * as repo from './entries-admin.repo.ts';
import { loadList } from './pricing.service.ts';

/**
 * CSV import and export of a price list's entries, streamed both ways: the import parses the
 * input as it arrives and writes valid rows in batches (a few thousand rows per multi-row upsert,
 * one transaction each), so a 1,000,000-row file runs in bounded memory; the export reads the list
 * a page at a time and respects the writer's back-pressure. Format: domain/entries-csv.ts.
 */

export interface EntriesImportError {
  /** CSV record number, the header being 1. */
  row: number;
  field: string;
  message: string;
}

export interface EntriesImportResult {
  created: number;
  updated: number;
  failed: number;
  errors: EntriesImportError[];
  /** More rows failed than `errors` lists (the counts stay exact). */
  errorsTruncated: boolean;
}

export interface EntriesImportOptions {
  /** Called after each batch with the number of data rows processed so far. */
  onProgress?: ((rowsDone: number) => void) | undefined;
  /** Rows per upsert and transaction (default 5000). */
  batchSize?: number | undefined;
  /** Keep the details of at most this many errors (default 1000). */
  maxErrors?: number | undefined;
}

/** An import that adds this many entries refreshes the table's statistics (autovacuum may lag). */
const ANALYZE_AFTER = 50_000;

export type CsvInput = Readable | AsyncIterable<string | Buffer> | string | Buffer;

function toReadable(input: CsvInput): Readable {
  if (typeof input === 'string' || Buffer.isBuffer(input)) return Readable.from([input]);
  if (input instanceof Readable) return input;
  return Readable.from(input);
}

/**
 * Feeds the parser one source chunk at a time and yields the records it has at once, so records
 * parsed before a malformed line are never lost and the source is paused while batches are saved.
 */
async function* records(parser: Parser, source: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  let failure: unknown = null;
  parser.on('error', (err) => {
    failure = err;
  });
  function* drain(): Generator<string[]> {
    let rec: string[] | null;
    while ((rec = parser.read() as string[] | null) !== null) yield rec;
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
 * Imports entries into list `listId` (upsert by SKU; a later row for the same SKU wins). Each row is
 * checked whole before anything is written: a bad row is reported as {row, field, message} and
 * skipped, the valid rows of its batch are saved. A header that is not the entry format, or an
 * empty file, is refused (CSV_INVALID, 400) with nothing written; a line that cannot be parsed
 * later on ends the import there, reported as that row, with the rows before it kept.
 */
export async function importEntriesCsv(ctx: Ctx, listId: string, input: CsvInput, opts: EntriesImportOptions = {}): Promise<EntriesImportResult> {
  const list = await loadList(ctx, listId);
  const size = opts.batchSize ?? 5000;
  const maxErrors = opts.maxErrors ?? 1000;
  const result: EntriesImportResult = { created: 0, updated: 0, failed: 0, errors: [], errorsTruncated: false };
  const fail = (row: number, errors: readonly CellError[]) => {
    result.failed += 1;
    for (const e of errors) {
      if (result.errors.length < maxErrors) result.errors.push({ row, ...e });
      else result.errorsTruncated = true;
    }
  };

  let header: string[] | null = null;
  let rowNo = 1;
  let batch: EntryRow[] = [];
  // One batch is written while the next is parsed; batches are still written one after another,
  // in file order, so a later row for a SKU still wins and memory holds at most two batches.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const current = batch;
    batch = [];
    await writing;
    if (current.length > 0) writing = saveBatch(ctx, listId, current, result, fail);
    opts.onProgress?.(rowNo - 1);
  };

  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  try {
    for await (const cells of records(parser, toReadable(input))) {
      if (header === null) {
        header = cells.map((c) => c.trim().toLowerCase());
        const problem = checkEntryHeader(header);
        if (problem) throw new AppError('CSV_INVALID', `${problem.message} (the first line must name the columns)`, problem.field);
        continue;
      }
      rowNo += 1;
      if (cells.length !== header.length) {
        fail(rowNo, [{ field: 'row', message: `has ${cells.length} cells; the header has ${header.length}` }]);
        continue;
      }
      const rec: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) rec[header[i]!] = cells[i]!;
      const v = validateEntryRow(rec, rowNo, list.currency);
      if ('errors' in v) fail(rowNo, v.errors);
      else batch.push(v.value);
      if (batch.length >= size) await flush();
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (header === null) throw new AppError('CSV_INVALID', `The file could not be read: ${(err as Error).message}`, 'body');
    await flush();
    await writing;
    fail(rowNo + 1, [{ field: 'csv', message: `The file could not be read from here on: ${(err as Error).message}` }]);
    result.errors.sort((a, b) => a.row - b.row);
    return result;
  }
  if (header === null) throw new AppError('CSV_INVALID', `The file is empty; the first line must name the columns: ${ENTRY_COLUMNS.join(',')}`, 'body');
  await flush();
  await writing;
  if (result.created >= ANALYZE_AFTER) await repo.analyzeEntries(ctx.db);
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

/** Resolves SKUs and upserts one batch in its own transaction; unknown SKUs are row errors. */
async function saveBatch(ctx: Ctx, listId: string, rows: EntryRow[], result: EntriesImportResult, fail: (row: number, errors: readonly CellError[]) => void): Promise<void> {
  // The last row of a SKU wins; earlier ones share its fate (an update of it, or its error).
  const latest = new Map<string, EntryRow>();
  for (const r of rows) latest.set(r.sku.toLowerCase(), r);
  const superseded = rows.filter((r) => latest.get(r.sku.toLowerCase()) !== r);
  try {
    await inTx(ctx, async (tx) => {
      const ids = await repo.variantIdsBySku(tx.db, [...latest.keys()]);
      const writes: repo.EntryWrite[] = [];
      const unknown: EntryRow[] = [];
      for (const [k, r] of latest) {
        const variantId = ids.get(k);
        if (variantId === undefined) unknown.push(r);
        else writes.push({ variantId, unitPrice: r.unitPrice, tiers: r.tiers, qtyMin: r.qtyMin, qtyMax: r.qtyMax, qtyIncrement: r.qtyIncrement });
      }
      const inserted = await repo.upsertBatch(tx.db, listId, writes);
      const noVariant = (r: EntryRow) => fail(r.row, [{ field: 'sku', message: `No variant has SKU ${r.sku}` }]);
      unknown.forEach(noVariant);
      result.created += inserted;
      result.updated += writes.length - inserted;
      for (const r of superseded) {
        if (ids.has(r.sku.toLowerCase())) result.updated += 1;
        else noVariant(r);
      }
    });
  } catch (err) {
    ctx.log.error({ err }, 'price entry import batch failed');
    for (const r of rows) fail(r.row, [{ field: 'row', message: 'This row could not be saved' }]);
  }
}

/**
 * Writes the list's entries (optionally filtered) as CSV in the import's columns plus
 * `product_name`, a page at a time, waiting on the writer's back-pressure.
 */
export async function exportEntriesCsv(ctx: Ctx, listId: string, out: Writable, opts: { filter?: repo.EntryFilter; pageSize?: number; onProgress?: (rows: number) => void } = {}): Promise<void> {
  const list = await loadList(ctx, listId).catch((err: unknown) => {
    out.destroy(err as Error);
    throw err;
  });
  const pageSize = opts.pageSize ?? 5000;
  const csv = stringify({ header: true, columns: [...ENTRY_COLUMNS, ...INFO_COLUMNS] });
  csv.pipe(out);
  try {
    let after: string | undefined;
    let written = 0;
    for (;;) {
      const page = await repo.filteredPage(ctx.db, listId, opts.filter ?? {}, after, pageSize);
      for (const e of page) {
        if (!csv.write(entryCells({ ...e, unitPrice: Number(e.unitPrice) }, list.currency))) await once(csv, 'drain');
      }
      written += page.length;
      opts.onProgress?.(written);
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.variantId;
    }
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
