import type { Config } from './config';
import type { Database } from './db/database';
import { importCorpus } from './import';
import { log } from './log';

/**
 * Loads the curated corpus in data/ when the database holds no Accords node yet. A database that already
 * holds data is left alone (re-import explicitly with `npm run import`). An invalid corpus stops the start
 * with the importer's list of problems, having written nothing.
 */
export async function loadCorpusIfEmpty(db: Database, config: Config): Promise<void> {
  const [row] = await db.read<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n');
  if ((row?.n ?? 0) > 0) {
    log.info('database already holds data; not importing', { nodes: row?.n });
    return;
  }
  log.info('database is empty; importing the corpus', { data: config.dataDir, sources: config.sourcesDir });
  const report = await importCorpus(db, [config.dataDir], {
    sourcesDir: config.sourcesDir,
    onProgress: (line) => log.info(line),
  });
  log.info('corpus imported', {
    files: report.files,
    nodes: report.written.nodesCreated,
    relationships: report.written.relationshipsCreated,
    quotes: report.quotes,
    ms: report.totalMs,
  });
}
