import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { hasDatabaseStore, runningLocalNeo4j } from '../db/launcher';
import { recordChanges } from '../writes/changeLog';
import { runAdminImport } from './adminImport';
import { writeBulkCsv } from './bulkCsv';
import { CorpusFirstPass } from './firstPass';
import { listCorpusFiles } from './files';
import { validateToSpool, type ImportOptions, type ValidationSummary } from './importCorpus';
import { Progress, thousands } from './progress';
import { unmapped } from './rowMapping';
import { fileRows } from './rows';

/**
 * The bulk path: an empty local database is loaded offline. The corpus is validated exactly as for the
 * transactional path (without a database to resolve references against: it is empty), streamed to CSV and
 * loaded by `neo4j-admin database import full`; the caller then starts Neo4j, applies the schema (constraints
 * and indexes are built over the loaded store) and calls `recordBulkLoad`. Nothing is loaded unless the whole
 * corpus is valid, and an interrupted load leaves no database behind.
 */

export interface BulkLoadReport extends ValidationSummary {
  validateMs: number;
  csvMs: number;
  adminMs: number;
  csvBytes: number;
  nodes: number;
  relationships: number;
  passages: number;
  totalMs: number;
  adminSummary: string;
}

export class BulkLoadRefused extends Error {
  override name = 'BulkLoadRefused';
}

/** Whether the local data folder can be bulk-loaded now: no server on it and no database in it yet. */
export function canBulkLoad(config: Config): boolean {
  return !config.neo4jUri && !hasDatabaseStore(config.local) && !runningLocalNeo4j(config.local.dataDir);
}

export async function bulkLoadCorpus(
  config: Config,
  paths: readonly string[],
  options: ImportOptions & { overwrite?: boolean; signal?: AbortSignal; workDir?: string },
): Promise<BulkLoadReport> {
  const started = Date.now();
  if (config.neo4jUri) throw new BulkLoadRefused('the bulk load writes a local data folder; NEO4J_URI names a remote server');
  const running = runningLocalNeo4j(config.local.dataDir);
  if (running) throw new BulkLoadRefused(`a Neo4j runs on ${config.local.dataDir} (pid ${running.pid}): the bulk load needs it stopped`);
  if (hasDatabaseStore(config.local) && !options.overwrite) {
    throw new BulkLoadRefused(`${config.local.dataDir} already holds a database: the bulk load is only for an empty one`);
  }
  const files = listCorpusFiles(paths);
  // Beside the data folder, not in /tmp (often memory): the CSV of 1M relationships is some 600 MB.
  const work = fs.mkdtempSync(path.join(options.workDir ?? path.join(config.local.dataDir, '..'), `.accords-bulk-`));
  try {
    const spool = path.join(work, 'validated.jsonl');
    // The CSV writer's first pass is made as validation parses each document: the spool is read back once.
    const firstPass = new CorpusFirstPass();
    const mapRows = options.mapRows ?? unmapped;
    const summary = await validateToSpool(undefined, files, options, spool, { onValid: (doc) => firstPass.add(mapRows(fileRows(doc))) });
    options.signal?.throwIfAborted();
    const csvStarted = Date.now();
    const progress = new Progress(options.onProgress, options.progressEveryMs);
    const csv = await writeBulkCsv(spool, path.join(work, 'csv'), {
      sourcesDir: options.sourcesDir,
      mapRows: options.mapRows,
      firstPass,
      onFile: (n) => {
        options.onStep?.({ phase: 'csv', done: n, total: summary.files, unit: 'files' });
        progress.tick(() => `import: wrote CSV for ${thousands(n)}/${thousands(summary.files)} files`);
      },
    });
    fs.rmSync(spool, { force: true });
    const csvMs = Date.now() - csvStarted;
    options.signal?.throwIfAborted();
    const admin = await runAdminImport(config.local, csv.args, {
      overwrite: options.overwrite,
      workDir: work,
      signal: options.signal,
      onLine: (line) => {
        if (/^\s*\.+\s*\d+%|IMPORT DONE|^\(\d\/\d\)/.test(line)) options.onProgress?.(`import: neo4j-admin ${line.trim()}`);
      },
    });
    return {
      ...summary,
      validateMs: summary.ms,
      csvMs,
      adminMs: admin.ms,
      csvBytes: csv.counts.bytes,
      nodes: csv.counts.nodes,
      relationships: csv.counts.relationships,
      passages: csv.counts.passages,
      totalMs: Date.now() - started,
      adminSummary: admin.summary,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The bulk load in the change log, once the server is up: an import like any other. */
export async function recordBulkLoad(db: Database, report: BulkLoadReport, reason?: string): Promise<void> {
  await db.writeTransaction((tx) =>
    recordChanges(tx, [
      {
        actor: 'import',
        actorName: os.userInfo().username,
        action: 'import',
        factId: null,
        before: null,
        after: {
          mode: 'bulk',
          files: report.files,
          entities: report.entities,
          relationships: report.relationships,
          quotes: report.quotes,
          nodesCreated: report.nodes,
          relationshipsCreated: report.relationships,
          passageRows: report.passages,
        },
        reason: reason ?? null,
      },
    ]),
  );
}
