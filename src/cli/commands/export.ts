import { createWriteStream, statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { systemCtx } from '../../modules/accounts/index.ts';
import { exportInventoryCsv, exportProductsCsv } from '../../modules/catalog/index.ts';
import { UsageError, withDatabase } from '../io.ts';
import type { Command } from './command.ts';
import { exportPriceEntries, PRICE_ENTRIES_USAGE } from './price-entries.ts';

const KINDS = { products: exportProductsCsv, inventory: exportInventoryCsv } as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export products, stock levels or price-list entries to a CSV file',
  usage: [
    'precis export products <file.csv>',
    'precis export inventory <file.csv>',
    PRICE_ENTRIES_USAGE[1]!,
    '',
    'Writes the whole catalog (one row per variant) or every stock level, streamed from the database,',
    'in the same columns `precis import` reads. Use - as the file to write to standard output.',
  ].join('\n'),
  options: { list: { type: 'string' } },
  async run({ positionals, values }, io) {
    const [kind, file, extra] = positionals;
    if (kind === 'price-entries') {
      if (extra !== undefined) throw new UsageError(`Unexpected argument: ${extra}`);
      return exportPriceEntries(io, values, file);
    }
    if (kind !== 'products' && kind !== 'inventory') throw new UsageError(kind ? `Cannot export "${kind}": use products, inventory or price-entries` : 'Say what to export: products, inventory or price-entries');
    if (values.list !== undefined) throw new UsageError('--list is only for price-entries');
    if (!file || extra !== undefined) throw new UsageError(file ? `Unexpected argument: ${extra}` : 'Give the CSV file to write (or -)');
    return withDatabase(io, async (database) => {
      let out: Writable;
      if (file === '-') {
        const pass = new PassThrough();
        pass.on('data', (chunk: Buffer) => io.out(chunk.toString('utf8')));
        out = pass;
      } else out = createWriteStream(path.resolve(file));
      await KINDS[kind](systemCtx(database.db), out);
      if (file !== '-') io.out(`Exported ${kind} to ${file} (${statSync(path.resolve(file)).size.toLocaleString('en')} bytes).\n`);
      return 0;
    });
  },
};
