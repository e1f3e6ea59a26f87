import { DatabaseNotEmptyError, demoSignIns, SCALES, seedDatabase, type ScaleName } from '../../seed/index.ts';
import { progressBar, UsageError, withDatabase } from '../io.ts';
import type { Command } from './command.ts';

const scaleNames = Object.keys(SCALES) as ScaleName[];

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the generated demo data (small or large)',
  usage: [
    'precis seed [--scale small|large] [--seed <text>] [--force]',
    '',
    'Generates an industrial distributor’s catalog, companies, buyers and staff and loads them.',
    `  --scale   small: ${SCALES.small.products.toLocaleString('en')} products / ${SCALES.small.variants.toLocaleString('en')} variants / ${SCALES.small.companies} companies (default)`,
    `            large: ${SCALES.large.products.toLocaleString('en')} products / ${SCALES.large.variants.toLocaleString('en')} variants / ${SCALES.large.companies.toLocaleString('en')} companies`,
    '  --seed    generator seed; the same seed gives the same data (default precis-demo)',
    '  --force   empty the catalog and account tables first (and everything that references them)',
    '',
    'Refuses (exit 1) when the database already has companies, products or staff, unless --force.',
  ].join('\n'),
  options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string' }, force: { type: 'boolean', default: false } },
  async run({ values, positionals }, io) {
    if (positionals.length) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    const scale = String(values.scale);
    if (!scaleNames.includes(scale as ScaleName)) throw new UsageError(`--scale must be one of ${scaleNames.join(', ')}, got "${scale}"`);
    return withDatabase(io, async (database) => {
      const bar = progressBar(io);
      try {
        const result = await seedDatabase(database, {
          scale: scale as ScaleName,
          ...(typeof values.seed === 'string' ? { seed: values.seed } : {}),
          force: values.force === true,
          onProgress: (e) => bar.update(e.done, e.total, e.stage),
        });
        bar.stop();
        const rows = Object.entries(result.rows).map(([k, v]) => `  ${k.padEnd(11)} ${v.toLocaleString('en').padStart(9)}`);
        io.out(`Loaded the ${scale} data set in ${((result.generateMs + result.ms) / 1000).toFixed(1)} s (generate ${(result.generateMs / 1000).toFixed(1)} s, load ${(result.ms / 1000).toFixed(1)} s):\n${rows.join('\n')}\n`);
        io.out(`\nDemo sign-ins (password for all: ${demoSignIns()[0]?.password}):\n${demoSignIns().map((d) => `  ${d.email.padEnd(30)} ${d.role}`).join('\n')}\n`);
        return 0;
      } catch (err) {
        bar.stop();
        if (err instanceof DatabaseNotEmptyError) {
          io.err(`${err.message}\n`);
          return 1;
        }
        throw err;
      }
    });
  },
};
