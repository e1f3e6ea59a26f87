import { Readable } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import { checkOrderHistoryHeader, DEFAULT_SOURCE, orderFieldMismatch, validateOrderHistoryRow, type CellError, type OrderHistoryRow } from './domain/order-history-rows.ts';
import { refreshCompanies } from './metrics.service.ts';
import { recordOrders, type OrderDraft } from './order-history.service.ts';

export interface CsvImportError {
  /** CSV record number, the header being 1. */
  row: number;
  field: string;
  message: string;
}

export interface OrderHistoryCsvResult {
  /** Orders recorded for the first time. */
  created: number;
  /** Orders already recorded under the same source and reference, replaced. */
  updated: number;
  /** Rows not imported (each reported in `errors`, up to `maxErrors`). */
  failed: number;
  errors: CsvImportError[];
  /** Companies whose metrics were recomputed and membership re-evaluated. */
  companies: number;
  joined: number;
  left: number;
}

export interface OrderHistoryCsvOptions {
  /** Called after each batch with the number of data rows processed so far. */
  onProgress?: ((rowsDone: number) => void) | undefined;
  /** Rows per transaction (default 1000; an order is never split). */
  batchSize?: number | undefined;
  /** Stop collecting error details after this many (the count stays exact; default 1000). */
  maxErrors?: number | undefined;
}

export type CsvInput = Readable | AsyncIterable<string | Buffer> | string | Buffer;
type Rec = Record<string, string | undefined>;

function toReadable(input: CsvInput): Readable {
  if (typeof input === 'string' || Buffer.isBuffer(input)) return Readable.from([input]);
  if (input instanceof Readable) return input;
  return Readable.from(input);
}

/** Drives the parser by hand so records buffered before a malformed line are still yielded (as in the catalog import). */
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

/** The rows of one order as read so far. */
interface Group {
  key: string;
  ref: string;
  rows: OrderHistoryRow[];
  /** The first row that failed, if any: the order is then not imported. */
  badRow: number | null;
}

/**
 * Imports order history from CSV (one row per order line; the rows of an order together), streamed
 * in batches of whole orders, each batch in its own transaction. Orders are recorded or replaced by
 * source + `order_ref`, so importing a file again updates instead of duplicating. A bad row — unknown
 * company or SKU, bad amount — keeps its whole order out, and every row of that order is reported.
 * When the file is done, the touched companies' metrics and group membership are refreshed.
 */
export async function importOrderHistoryCsv(ctx: Ctx, input: CsvInput, opts: OrderHistoryCsvOptions = {}): Promise<OrderHistoryCsvResult> {
  const result: OrderHistoryCsvResult = { created: 0, updated: 0, failed: 0, errors: [], companies: 0, joined: 0, left: 0 };
  const maxErrors = opts.maxErrors ?? 1000;
  const batchSize = opts.batchSize ?? 1000;
  const now = ctx.clock.now();
  const fail = (row: number, errors: readonly CellError[]) => {
    result.failed += 1;
    for (const e of errors) if (result.errors.length < maxErrors) result.errors.push({ row, ...e });
  };
  const seen = new Map<string, number>();
  const touched = new Set<string>();
  let pending: Group[] = [];
  let pendingRows = 0;
  let done = 0;
  let current: Group | null = null;
  let sawHeader = false;

  const keepOut = (g: Group, because: number) => {
    for (const r of g.rows) fail(r.row, [{ field: 'order_ref', message: `order ${g.ref} not imported: row ${because} of it has errors` }]);
  };
  const finish = (g: Group | null) => {
    if (!g) return;
    if (g.badRow !== null) keepOut(g, g.badRow);
    else if (g.rows.length) {
      pending.push(g);
      pendingRows += g.rows.length;
    }
  };
  const flush = async () => {
    if (!pending.length) return;
    const groups = pending;
    pending = [];
    pendingRows = 0;
    const drafts: OrderDraft[] = groups.map((g) => {
      const first = g.rows[0]!;
      return {
        source: first.source,
        externalRef: first.orderRef,
        companyId: first.companyId,
        orderedAt: first.orderedAt,
        currency: first.currency,
        status: first.status,
        lines: g.rows.map((r) => ({ sku: r.sku, quantity: r.quantity, amount: r.amount })),
      };
    });
    const recorded = await inTx(ctx, (tx) => recordOrders(tx, drafts, { unknownSku: 'reject' }));
    result.created += recorded.created;
    result.updated += recorded.updated;
    recorded.touched.forEach((id) => touched.add(id));
    const byOrder = new Map<number, typeof recorded.problems>();
    for (const p of recorded.problems) byOrder.set(p.order, [...(byOrder.get(p.order) ?? []), p]);
    for (const [i, problems] of byOrder) {
      const g = groups[i]!;
      const reported = new Set<number>();
      for (const p of problems) {
        const rows = p.line === null ? g.rows : [g.rows[p.line]!];
        for (const r of rows) {
          fail(r.row, [{ field: p.field === 'companyId' ? 'company_id' : 'sku', message: p.message }]);
          result.failed -= reported.has(r.row) ? 1 : 0; // one row, several problems: counted once
          reported.add(r.row);
        }
      }
      const firstBad = Math.min(...reported);
      for (const r of g.rows) if (!reported.has(r.row)) fail(r.row, [{ field: 'order_ref', message: `order ${g.ref} not imported: row ${firstBad} of it has errors` }]);
    }
  };

  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    columns: (cols: string[]) => {
      const names = cols.map((c) => c.trim().toLowerCase());
      const problem = checkOrderHistoryHeader(names);
      if (problem) throw new AppError('CSV_INVALID', problem.message, problem.field);
      sawHeader = true;
      return names;
    },
  });
  let row = 1;
  try {
    for await (const rec of parseRecords(parser, toReadable(input))) {
      row += 1;
      done += 1;
      const ref = (rec.order_ref ?? '').trim();
      const key = `${(rec.source ?? '').trim() || DEFAULT_SOURCE}\u0000${ref}`;
      if (!current || current.key !== key) {
        finish(current);
        if (pendingRows >= batchSize) {
          await flush();
          opts.onProgress?.(done - 1);
        }
        current = { key, ref, rows: [], badRow: null };
        const earlier = seen.get(key);
        if (ref && earlier !== undefined) {
          fail(row, [{ field: 'order_ref', message: `order ${ref} already appeared at row ${earlier}; keep the rows of an order together` }]);
          current.badRow = row;
          continue;
        }
        if (ref) seen.set(key, row);
      }
      const v = validateOrderHistoryRow(rec, row, now);
      if ('errors' in v) {
        fail(row, v.errors);
        current.badRow ??= row;
        continue;
      }
      const mismatch = current.rows[0] ? orderFieldMismatch(current.rows[0], v.value) : null;
      if (mismatch) {
        fail(row, [mismatch]);
        current.badRow ??= row;
        continue;
      }
      if (current.badRow !== null) fail(row, [{ field: 'order_ref', message: `order ${ref} not imported: row ${current.badRow} of it has errors` }]);
      else current.rows.push(v.value);
    }
  } catch (err) {
    const appError = err instanceof AppError ? err : (err as { cause?: unknown }).cause;
    if (appError instanceof AppError) throw appError;
    // A malformed record ends the file: the order being read is incomplete, so it is left out too.
    if (current) keepOut(current, row + 1);
    current = null;
    fail(row + 1, [{ field: 'csv', message: `The file could not be read from here on: ${(err as Error).message}` }]);
  }
  finish(current);
  await flush();
  opts.onProgress?.(done);
  if (!sawHeader) throw new AppError('CSV_INVALID', 'The file is empty; the first line must name the columns', 'body');
  Object.assign(result, await refreshCompanies(ctx, [...touched]));
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}
