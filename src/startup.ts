import type { Config } from './config';
import type { Database } from './db/database';
import { log } from './log';

/** Loads the curated corpus in data/ when the database holds no Accords node yet. */
export async function loadCorpusIfEmpty(db: Database, _config: Config): Promise<void> {
  const [row] = await db.read<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n');
  if ((row?.n ?? 0) > 0) {
    log.info('database already holds data; not importing', { nodes: row?.n });
    return;
  }
  log.info('database is empty; the importer will load data/ here once it exists');
}
