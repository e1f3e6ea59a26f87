import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from '../io.ts';

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One `precis <name>` command: its options (for node:util parseArgs), help text and body. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Resolves to the exit code: 0 done, 1 failed. Throws UsageError for bad arguments (exit 2). */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
