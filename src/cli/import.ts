/**
 * `npm run import -- <files or directories…> [--sources DIR] [--batch-size N] [--plan] [--reason TEXT]`: validates
 * the corpus files (YAML, or JSON lines: `.jsonl`) against the model and, only if all are valid, writes them
 * in one transaction, reconciling each file with its previous import. With `--plan`, the same import is run
 * and rolled back: it prints what would change and writes nothing. With no path, imports data/.
 *
 * Which database: a running `npm start`'s Neo4j when there is one (found by the pid file its launcher keeps in
 * the data folder), else NEO4J_URI, else a local Neo4j this command starts and stops — bulk-loaded offline with
 * `neo4j-admin database import full` when its data folder holds no database yet. Ctrl-C rolls back: the
 * database stays as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../config';
import type { Connection } from '../db/connect';
import { openDatabase } from '../db/connect';
import { Database } from '../db/database';
import { runningLocalNeo4j } from '../db/launcher';
import { applySchema } from '../db/schema';
import {
  bulkLoadCorpus,
  canBulkLoad,
  formatProblem,
  ImportError,
  importCorpus,
  ImportInterrupted,
  listCorpusFiles,
  recordBulkLoad,
  type ImportReport,
} from '../import';
import { AdminImportError } from '../import/adminImport';
import { progressReporter } from '../import/progressBar';
import { thousands } from '../import/progress';
import { isUserError } from './failure';
import { setLogLevel } from '../log';
import { graphStats } from '../store/stats';

const USAGE = 'usage: npm run import -- <files or directories…> [--sources DIR] [--batch-size N] [--plan] [--reason TEXT]';

class UsageError extends Error {}

interface Args {
  paths: string[];
  sources?: string;
  batchSize?: number;
  plan: boolean;
  reason?: string;
}

function parseArgs(argv: string[]): Args {
  const out: Args = { paths: [], plan: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string | undefined]) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--sources') out.sources = value();
    else if (flag === '--reason') out.reason = value();
    else if (flag === '--plan') out.plan = true;
    else if (flag === '--batch-size') {
      out.batchSize = Number(value());
      if (!Number.isInteger(out.batchSize) || out.batchSize < 1) throw new UsageError(`--batch-size must be a positive integer\n${USAGE}`);
    } else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else out.paths.push(arg);
  }
  return out;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The Neo4j a running `npm start` uses for this data folder, or undefined. */
async function runningServer(config: Config): Promise<Connection | undefined> {
  if (config.neo4jUri) return undefined;
  const running = runningLocalNeo4j(config.local.dataDir);
  if (!running) return undefined;
  const passwordFile = path.join(config.local.dataDir, 'password');
  const password = config.neo4jPassword ?? (fs.existsSync(passwordFile) ? fs.readFileSync(passwordFile, 'utf8').trim() : '');
  const db = await Database.connect({ uri: `bolt://127.0.0.1:${running.boltPort}`, user: config.neo4jUser, password, database: config.neo4jDatabase });
  return { db, close: () => db.close() };
}

async function run(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  setLogLevel(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const paths = args.paths.length ? args.paths : [config.dataDir];
  const sourcesDir = args.sources ?? config.sourcesDir;
  // A mistyped path fails here, before seconds are spent starting Neo4j.
  const files = listCorpusFiles(paths);
  const progress = progressReporter(process.stderr);
  const abort = new AbortController();
  let connection: Connection | undefined;
  // Ctrl-C: the import under way is rolled back (or the half-made bulk store removed), then we exit 130.
  const interrupt = () => {
    if (abort.signal.aborted) process.exit(130);
    progress.line('import: interrupted; rolling back');
    abort.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const common = { sourcesDir, batchSize: args.batchSize, reason: args.reason, signal: abort.signal, onStep: progress.step, onProgress: progress.line };
  const started = Date.now();
  try {
    connection = await runningServer(config);
    if (connection) progress.line(`import: using the Neo4j of the running Accords (${connection.db.options.uri})`);
    if (!connection && !args.plan && canBulkLoad(config)) {
      progress.line('import: the database is new: loading it offline with neo4j-admin');
      const report = await bulkLoadCorpus(config, files, common);
      // Building the indexes over a freshly loaded store takes longer than a query may.
      const startStarted = Date.now();
      connection = await openDatabase({ ...config, queryTimeoutMs: Math.max(config.queryTimeoutMs, 3_600_000) });
      const indexStarted = Date.now();
      await applySchema(connection.db);
      await recordBulkLoad(connection.db, report, args.reason);
      progress.end();
      const total = Date.now() - started;
      process.stdout.write(
        [
          `bulk-loaded ${thousands(report.files)} files: ${thousands(report.entities)} entities, ${thousands(report.relationships)} relationships, ` +
            `${thousands(report.quotes)} quotes, removed 0, in ${seconds(total)} (validation ${seconds(report.validateMs)}, CSV ${seconds(report.csvMs)}, ` +
            `neo4j-admin ${seconds(report.adminMs)}, Neo4j start ${seconds(indexStarted - startStarted)}, indexes ${seconds(Date.now() - indexStarted)})`,
          `rate: ${thousands(report.relationships / (total / 1000))} relationships/s`,
        ].join('\n') + '\n',
      );
    } else {
      connection ??= await openDatabase(config);
      await applySchema(connection.db);
      const report = await importCorpus(connection.db, files, { ...common, plan: args.plan });
      progress.end();
      process.stdout.write(summary(report).join('\n') + '\n');
    }
    if (!args.plan) {
      const stats = await graphStats(connection.db);
      const out = ['the graph now holds:'];
      for (const k of stats.nodes) out.push(`  ${k.name.padEnd(14)} ${String(k.count).padStart(9)}`);
      for (const k of stats.relationships) out.push(`  ${k.name.padEnd(14)} ${String(k.count).padStart(9)}`);
      out.push(`facts without evidence: ${stats.factsWithoutEvidence}`);
      process.stdout.write(out.join('\n') + '\n');
    }
  } finally {
    progress.end();
    await connection?.close().catch(() => undefined);
  }
}

function summary(report: ImportReport): string[] {
  const w = report.written;
  const r = report.reconciled;
  const out = [
    `${report.planned ? 'plan (nothing was written): would import' : 'imported'} ${thousands(report.files)} files: ${thousands(report.entities)} entities, ` +
      `${thousands(w.relationshipRows)} relationships, ${thousands(report.quotes)} quotes, removed ${thousands(r.nodesRemoved + r.relationshipsRemoved)}, ` +
      `in ${seconds(report.totalMs)} (validation ${seconds(report.validateMs)}, write ${seconds(report.writeMs)} of which commit ${seconds(report.commitMs)})`,
    `${report.planned ? 'would create' : 'created'} ${thousands(w.nodesCreated)} nodes and ${thousands(w.relationshipsCreated)} relationships (the rest were already there)`,
    `files: ${thousands(r.filesNew)} new, ${thousands(r.filesAgain)} imported before, ${thousands(r.filesRemoved)} gone from their folder; ` +
      `${thousands(r.propertiesRemoved)} properties no longer given ${report.planned ? 'would be ' : ''}removed; quotes: ${thousands(r.quotesAdded)} added, ${thousands(r.quotesRemoved)} removed; ` +
      `${thousands(r.statementsRemoved)} facts no longer stated by their file, ${thousands(r.nodesRemoved)} nodes and ${thousands(r.relationshipsRemoved)} relationships ${report.planned ? 'would be ' : ''}removed`,
    `rate: ${thousands(report.relationshipsPerSecond)} relationships/s`,
  ];
  const list = (title: string, items: string[]) => items.length && out.push(`${title}:`, ...items.map((i) => `  ${i}`));
  list('no longer stated (first)', r.examples.statementsRemoved);
  list('quotes removed (first)', r.examples.quotesRemoved);
  list(`${report.planned ? 'would be removed' : 'removed'} (first)`, r.examples.removed);
  list('files gone (first)', r.examples.filesRemoved);
  list('properties removed (first)', r.examples.propertiesRemoved);
  return out;
}

run().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof ImportError) {
      for (const p of err.problems) process.stderr.write(`${formatProblem(p)}\n`);
      process.stderr.write(`${err.problems.length} problem(s); nothing was written\n`);
    } else if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    } else if (err instanceof ImportInterrupted || err instanceof AdminImportError || (err as Error)?.name === 'AbortError') {
      process.stderr.write(`import: ${(err as Error).name === 'AbortError' ? 'interrupted; nothing was written' : (err as Error).message}\n`);
      process.exit((err as Error).name === 'AdminImportError' ? 1 : 130);
    } else {
      process.stderr.write(`import: ${isUserError(err) ? err.message : ((err as Error)?.stack ?? String(err))}\n`);
    }
    process.exit(1);
  },
);
