import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(ROOT, 'src/db/migrations');

/** A hash of every migration, so a template is rebuilt whenever the schema changes. */
export function schemaHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.sql')).sort()) h.update(f).update(readFileSync(path.join(MIGRATIONS, f)));
  return h.digest('hex').slice(0, 12);
}

/** Where the migrated PGlite data directory of this schema is cached between test files. */
export function pgliteTemplatePath(): string {
  return path.join(ROOT, '.tmp', `pglite-template-${schemaHash()}.tar`);
}

export function readPgliteTemplate(): Blob | undefined {
  const file = pgliteTemplatePath();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

export async function writePgliteTemplate(blob: Blob): Promise<void> {
  const file = pgliteTemplatePath();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file); // atomic: a concurrent reader sees the old file or the whole new one
}

/** Name of the migrated template database on a PostgreSQL server for this schema. */
export function pgTemplateName(): string {
  return `precis_tpl_${schemaHash()}`;
}
