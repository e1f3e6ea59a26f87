import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

/** Where a command writes and what it reads from its environment; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Draw progress bars (on a terminal); off in tests and pipes. */
  progress: boolean;
}

export const processIo = (): CliIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  progress: process.stderr.isTTY === true,
});

/** Wrong arguments: the command prints its usage and exits with 2. */
export class UsageError extends Error {}

/** Opens the database the server would use (DATABASE_URL or DATA_DIR), migrated, for the length of `fn`. */
export async function withDatabase<T>(io: CliIo, fn: (database: Database) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  let config;
  try {
    config = loadConfig(io.env, { LOG_LEVEL: 'silent' });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
  try {
    if (opts.migrate !== false) {
      const { applied } = await migrate(database);
      if (applied.length) io.out(`Applied ${applied.length} migration(s): ${applied.join(', ')}\n`);
    }
    return await fn(database);
  } finally {
    await database.close();
  }
}

export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

/** A progress bar on stderr when `io.progress`, otherwise nothing. */
export function progressBar(io: CliIo, unit = 'rows'): Progress {
  if (!io.progress) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `{label} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration_formatted}`, hideCursor: true, stream: process.stderr, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) {
        bar.start(total, done, { label: label.padEnd(10) });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label: label.padEnd(10) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
