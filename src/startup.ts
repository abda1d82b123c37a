import type { Config } from './config';
import type { Database } from './db/database';
import { cypher } from './cypher';
import fs from 'node:fs';
import path from 'node:path';
import { bulkLoadCorpus, canBulkLoad, importCorpus, listCorpusFiles, recordBulkLoad, type BulkLoadReport } from './import';
import { log } from './log';

/**
 * A corpus this large is bulk-loaded on a first start (no database in the data folder yet): below it, starting
 * neo4j-admin's JVM costs more than the few transactions the import needs. ACCORDS_BULK_LOAD=always|never|auto.
 */
const BULK_MIN_BYTES = 5_000_000;

/**
 * Before Neo4j starts: when its data folder holds no database yet, the corpus is validated and loaded offline by
 * `neo4j-admin database import full` (src/import/bulk.ts). Call `finishBulkLoad` once the server is up.
 */
export async function bulkLoadIfNew(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<BulkLoadReport | undefined> {
  const mode = env.ACCORDS_BULK_LOAD || 'auto';
  if (mode === 'never' || !canBulkLoad(config)) return undefined;
  const files = listCorpusFiles([config.dataDir]);
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  if (mode !== 'always' && bytes < BULK_MIN_BYTES) return undefined;
  log.info('no database yet; bulk-loading the corpus with neo4j-admin', { data: config.dataDir, files: files.length, mb: Math.round(bytes / 1e6) });
  const report = await bulkLoadCorpus(config, files, { sourcesDir: config.sourcesDir, onProgress: (line) => log.info(line), workDir: path.dirname(config.local.dataDir) });
  log.info('corpus bulk-loaded', { files: report.files, nodes: report.nodes, relationships: report.relationships, ms: report.totalMs });
  return report;
}

export async function finishBulkLoad(db: Database, report: BulkLoadReport | undefined): Promise<void> {
  if (report) await recordBulkLoad(db, report);
}

/**
 * Loads the curated corpus in data/ when the database holds no Accords node yet. A database that already
 * holds data is left alone (re-import explicitly with `npm run import`). An invalid corpus stops the start
 * with the importer's list of problems, having written nothing.
 */
export async function loadCorpusIfEmpty(db: Database, config: Config): Promise<void> {
  const [row] = await db.read<{ n: number }>(cypher('entity-count'));
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
