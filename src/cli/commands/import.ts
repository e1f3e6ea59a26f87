import { createReadStream, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { systemCtx } from '../../modules/accounts/index.ts';
import { importInventoryCsv, importProductsCsv, type ImportResult } from '../../modules/catalog/index.ts';
import { progressBar, UsageError, withDatabase } from '../io.ts';
import type { Command } from './command.ts';
import { importPriceEntries, PRICE_ENTRIES_USAGE } from './price-entries.ts';
import { importOrderHistoryFile, ORDER_HISTORY_USAGE } from './order-history.ts';

const KINDS = { products: importProductsCsv, inventory: importInventoryCsv } as const;
type Kind = keyof typeof KINDS;

/** Where the per-row error report of `file` goes: next to it, `<file>.errors.csv`. */
export const errorsFileFor = (file: string) => `${file}.errors.csv`;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import products, stock levels, price-list entries or order history from a CSV file',
  usage: [
    'precis import products <file.csv>',
    'precis import inventory <file.csv>',
    PRICE_ENTRIES_USAGE[0]!,
    ORDER_HISTORY_USAGE[0]!,
    '',
    'Streams the file in batches (any size), showing progress. Good rows are saved; each bad row is',
    'skipped and reported in <file.csv>.errors.csv (row, field, message), next to the input.',
    '  products:  columns product_slug, product_name (required), description, category_slug, brand, sku, gtin,',
    '             variant_name, uom, pack_size, weight_grams, tax_class, status, attributes (k=v;k=v), image_urls (a|b),',
    '             product_attributes — one row per variant; products upsert by slug, variants by SKU',
    '  inventory: columns sku, warehouse_code, on_hand (required), backorder',
    ...PRICE_ENTRIES_USAGE.filter((l) => l.startsWith('  ')),
    ...ORDER_HISTORY_USAGE.filter((l) => l.startsWith('  ')),
    '',
    'Exit code 0 when every row was imported, 1 when any row failed or the file could not be read.',
  ].join('\n'),
  options: { list: { type: 'string' } },
  async run({ positionals, values }, io) {
    const [kind, file, extra] = positionals;
    if (kind !== 'products' && kind !== 'inventory' && kind !== 'price-entries' && kind !== 'order-history') {
      throw new UsageError(kind ? `Cannot import "${kind}": use products, inventory, price-entries or order-history` : 'Say what to import: products, inventory, price-entries or order-history');
    }
    if (!file || extra !== undefined) throw new UsageError(file ? `Unexpected argument: ${extra}` : 'Give the CSV file to import');
    if (kind === 'price-entries') return importPriceEntries(io, values, file, errorsFileFor);
    if (kind === 'order-history') {
      if (values.list !== undefined) throw new UsageError('--list is only for price-entries');
      return importOrderHistoryFile(io, file, errorsFileFor);
    }
    if (values.list !== undefined) throw new UsageError('--list is only for price-entries');
    const input = path.resolve(file);
    if (!existsSync(input) || !statSync(input).isFile()) {
      io.err(`No such file: ${file}\n`);
      return 1;
    }
    const size = Math.max(1, statSync(input).size);
    return withDatabase(io, async (database) => {
      const bar = progressBar(io, 'KB');
      const stream = createReadStream(input);
      let result: ImportResult;
      try {
        result = await KINDS[kind as Kind](systemCtx(database.db), stream, {
          maxErrors: Number.MAX_SAFE_INTEGER,
          onProgress: (rows) => bar.update(Math.ceil(stream.bytesRead / 1024), Math.ceil(size / 1024), `${rows.toLocaleString('en')} rows`),
        });
      } finally {
        bar.stop();
      }
      const report = errorsFileFor(input);
      if (result.failed > 0) {
        writeFileSync(report, stringify(result.errors, { header: true, columns: ['row', 'field', 'message'] }));
      } else if (existsSync(report)) rmSync(report); // a stale report from an earlier run would mislead
      io.out(`Imported ${kind} from ${file}: ${result.created} created, ${result.updated} updated, ${result.failed} failed.\n`);
      if (result.failed > 0) {
        const shown = path.relative(process.cwd(), report);
        io.out(`Errors (row, field, message) written to ${shown.startsWith('..') ? report : shown}:\n`);
        for (const e of result.errors.slice(0, 5)) io.out(`  row ${e.row} ${e.field}: ${e.message}\n`);
        if (result.errors.length > 5) io.out(`  … and ${result.errors.length - 5} more\n`);
      }
      return result.failed > 0 ? 1 : 0;
    });
  },
};
