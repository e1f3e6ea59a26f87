import { createReadStream, createWriteStream, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { systemCtx } from '../../modules/accounts/index.ts';
import { exportEntriesCsv, importEntriesCsv } from '../../modules/pricing/index.ts';
import { progressBar, UsageError, withDatabase, type CliIo } from '../io.ts';

/** `precis import price-entries` / `precis export price-entries`: the pricing halves of import/export. */

export const PRICE_ENTRIES_USAGE = [
  'precis import price-entries --list <price-list-id> <file.csv>',
  'precis export price-entries --list <price-list-id> [file.csv]',
  '',
  '  price-entries: columns sku, unit_price (required), tiers, qty_min, qty_max, qty_increment — prices in major',
  '             units of the list’s currency with at most its decimals (1250.50 PKR, 1250 JPY); tiers as',
  '             minQty:price joined by | (10:9.50|100:9.00); upserts the list’s entries by SKU. The export',
  '             writes the same columns plus product_name (ignored on import); without a file, to standard output.',
];

function listId(values: Record<string, string | boolean | undefined>): string {
  const id = values.list;
  if (typeof id !== 'string' || id === '') throw new UsageError('--list <price-list-id> is required for price-entries');
  return id;
}

/** Imports a CSV file into a price list, streamed, with a progress bar and `<file>.errors.csv`. */
export async function importPriceEntries(io: CliIo, values: Record<string, string | boolean | undefined>, file: string, errorsFileFor: (f: string) => string): Promise<number> {
  const id = listId(values);
  const input = path.resolve(file);
  if (!existsSync(input) || !statSync(input).isFile()) {
    io.err(`No such file: ${file}\n`);
    return 1;
  }
  const size = Math.max(1, statSync(input).size);
  return withDatabase(io, async (database) => {
    const bar = progressBar(io, 'KB');
    const stream = createReadStream(input);
    let result;
    try {
      result = await importEntriesCsv(systemCtx(database.db), id, stream, {
        maxErrors: Number.MAX_SAFE_INTEGER,
        onProgress: (rows) => bar.update(Math.ceil(stream.bytesRead / 1024), Math.ceil(size / 1024), `${rows.toLocaleString('en')} rows`),
      });
    } finally {
      bar.stop();
      stream.destroy();
    }
    const report = errorsFileFor(input);
    if (result.failed > 0) writeFileSync(report, stringify(result.errors, { header: true, columns: ['row', 'field', 'message'] }));
    else if (existsSync(report)) rmSync(report); // a stale report from an earlier run would mislead
    io.out(`Imported price entries into ${id} from ${file}: ${result.created} created, ${result.updated} updated, ${result.failed} failed.\n`);
    if (result.failed > 0) {
      const shown = path.relative(process.cwd(), report);
      io.out(`Errors (row, field, message) written to ${shown.startsWith('..') ? report : shown}:\n`);
      for (const e of result.errors.slice(0, 5)) io.out(`  row ${e.row} ${e.field}: ${e.message}\n`);
      if (result.errors.length > 5) io.out(`  … and ${result.errors.length - 5} more\n`);
    }
    return result.failed > 0 ? 1 : 0;
  });
}

/** Exports a price list's entries to a file (with a progress bar) or standard output. */
export async function exportPriceEntries(io: CliIo, values: Record<string, string | boolean | undefined>, file: string | undefined): Promise<number> {
  const id = listId(values);
  return withDatabase(io, async (database) => {
    // Checked first so that an unknown list leaves no empty file behind.
    const [row] = await database.query<{ n: number | null }>('select (select count(*)::int from price_list_entries e where e.list_id = l.id) as n from price_lists l where l.id = $1', [id]);
    if (!row) {
      io.err(`No price list has id ${id}\n`);
      return 1;
    }
    const toStdout = file === undefined || file === '-';
    let out: Writable;
    if (toStdout) {
      const pass = new PassThrough();
      pass.on('data', (chunk: Buffer) => io.out(chunk.toString('utf8')));
      out = pass;
    } else out = createWriteStream(path.resolve(file));
    const bar = toStdout ? { update: () => undefined, stop: () => undefined } : progressBar(io, 'entries');
    try {
      await exportEntriesCsv(systemCtx(database.db), id, out, { onProgress: (n) => bar.update(n, Math.max(n, row.n ?? 0), 'exporting') });
    } finally {
      bar.stop();
    }
    if (!toStdout) io.out(`Exported ${(row.n ?? 0).toLocaleString('en')} price entries of ${id} to ${file} (${statSync(path.resolve(file)).size.toLocaleString('en')} bytes).\n`);
    return 0;
  });
}
