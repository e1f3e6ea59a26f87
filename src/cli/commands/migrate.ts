import { migrate } from '../../db/migrate.ts';
import { withDatabase, type CliIo } from '../io.ts';
import type { Command } from './command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: 'precis migrate\n\nApplies the SQL migrations in src/db/migrations that the database has not seen yet.\nUses DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite), like the server.',
  options: {},
  async run(_args, io: CliIo) {
    await withDatabase(
      io,
      async (database) => {
        const { applied } = await migrate(database);
        io.out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'The database is up to date.\n');
      },
      { migrate: false },
    );
    return 0;
  },
};
