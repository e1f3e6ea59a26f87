import { createReadStream, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { systemCtx } from '../../modules/accounts/index.ts';
import { importOrderHistoryCsv } from '../../modules/segments/index.ts';
import { progressBar, withDatabase, type CliIo } from '../io.ts';

/** `precis import order-history`: past orders for purchase metrics (spend_90d, categories_bought…). */

export const ORDER_HISTORY_USAGE = [
  'precis import order-history <file.csv>',
  '',
  '  order-history: columns order_ref, company_id, ordered_at, currency, sku, quantity, amount (required), status,',
  '             source — one row per order line, the rows of an order together; amount is the net line amount in',
  '             major units (1250.50 PKR); ordered_at a day (2026-01-31) or a timestamp with zone; status defaults',
  '             to placed. Orders upsert by source (default "import") + order_ref; a bad row keeps its whole order',
  '             out. Afterwards the companies it touched get fresh purchase metrics and group membership.',
];

/** Imports an order-history CSV file, streamed, with a progress bar and `<file>.errors.csv`. */
export async function importOrderHistoryFile(io: CliIo, file: string, errorsFileFor: (f: string) => string): Promise<number> {
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
      result = await importOrderHistoryCsv(systemCtx(database.db), stream, {
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
    io.out(`Imported order history from ${file}: ${result.created} orders created, ${result.updated} updated, ${result.failed} rows failed.\n`);
    io.out(`Purchase metrics refreshed for ${result.companies} companies: ${result.joined} group joins, ${result.left} leaves.\n`);
    if (result.failed > 0) {
      const shown = path.relative(process.cwd(), report);
      io.out(`Errors (row, field, message) written to ${shown.startsWith('..') ? report : shown}:\n`);
      for (const e of result.errors.slice(0, 5)) io.out(`  row ${e.row} ${e.field}: ${e.message}\n`);
      if (result.errors.length > 5) io.out(`  … and ${result.errors.length - 5} more\n`);
    }
    return result.failed > 0 ? 1 : 0;
  });
}
