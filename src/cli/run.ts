import { parseArgs } from 'node:util';
import { AppError } from '../lib/errors.ts';
import { createStaffCommand } from './commands/create-staff.ts';
import type { Command } from './commands/command.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { seedCommand } from './commands/seed.ts';
import { processIo, UsageError, type CliIo } from './io.ts';

export const COMMANDS: readonly Command[] = [migrateCommand, seedCommand, importCommand, exportCommand, createStaffCommand];

const overview = () =>
  [
    'Usage: precis <command> [options]      (npm run precis -- <command> …)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`),
    '',
    'Run `precis <command> --help` for a command’s options. The database is the one the server uses:',
    'DATABASE_URL for PostgreSQL, otherwise the embedded database in DATA_DIR (default ./data).',
    'Exit codes: 0 done, 1 failed, 2 wrong usage.',
  ].join('\n');

/** Runs one CLI invocation and resolves to its exit code; never calls process.exit (tests run it in-process). */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(`${topic ? topic.usage : overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${overview()}\n`);
    return 2;
  }
  try {
    const parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.out(`${command.usage}\n`);
      return 0;
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> }, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(err as Error).message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      io.err(`Failed: ${err.message}${err.field ? ` (${err.field})` : ''} [${err.code}]\n`);
      return 1;
    }
    io.err(`Failed: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
