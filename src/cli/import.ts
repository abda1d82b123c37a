/**
 * `npm run import -- <files or directories…> [--sources DIR] [--batch-size N]`: validates the corpus files
 * against the model and, only if all are valid, writes them in one transaction. Uses Neo4j as `npm start`
 * does (NEO4J_URI, or the local server it starts and stops). With no path, imports data/.
 */
import { loadConfig } from '../config';
import { openDatabaseForCommand } from './connection';
import { applySchema } from '../db/schema';
import { ImportError, formatProblem, importCorpus, listCorpusFiles } from '../import';
import { isUserError } from './failure';
import { thousands } from '../import/progress';
import { setLogLevel } from '../log';
import { graphStats } from '../store/stats';

const USAGE = 'usage: npm run import -- <files or directories…> [--sources DIR] [--batch-size N]';

class UsageError extends Error {}

function parseArgs(argv: string[]): { paths: string[]; sources?: string; batchSize?: number } {
  const paths: string[] = [];
  let sources: string | undefined;
  let batchSize: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string | undefined]) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--sources') sources = value();
    else if (flag === '--batch-size') {
      batchSize = Number(value());
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive integer\n${USAGE}`);
    } else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else paths.push(arg);
  }
  return { paths, sources, batchSize };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function run(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  setLogLevel(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const paths = args.paths.length ? args.paths : [config.dataDir];
  const sourcesDir = args.sources ?? config.sourcesDir;
  // A mistyped path fails here, before seconds are spent starting Neo4j.
  const files = listCorpusFiles(paths);
  const connection = await openDatabaseForCommand(config);
  try {
    await applySchema(connection.db);
    const report = await importCorpus(connection.db, files, {
      sourcesDir,
      batchSize: args.batchSize,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    const w = report.written;
    const out = [
      `imported ${thousands(report.files)} files: ${thousands(report.entities)} entities, ${thousands(w.relationshipRows)} relationships, ` +
        `${thousands(report.quotes)} quotes, in ${seconds(report.totalMs)} (validation ${seconds(report.validateMs)}, write ${seconds(report.writeMs)} of which commit ${seconds(report.commitMs)})`,
      `created ${thousands(w.nodesCreated)} nodes and ${thousands(w.relationshipsCreated)} relationships (the rest were already there)`,
      `rate: ${thousands(report.relationshipsPerSecond)} relationships/s`,
    ];
    const stats = await graphStats(connection.db);
    out.push('the graph now holds:');
    for (const k of stats.nodes) out.push(`  ${k.name.padEnd(14)} ${String(k.count).padStart(9)}`);
    for (const k of stats.relationships) out.push(`  ${k.name.padEnd(14)} ${String(k.count).padStart(9)}`);
    out.push(`facts without evidence: ${stats.factsWithoutEvidence}`);
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await connection.close();
  }
}

run().catch((err: unknown) => {
  if (err instanceof ImportError) {
    for (const p of err.problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`${err.problems.length} problem(s); nothing was written\n`);
  } else if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  } else {
    process.stderr.write(`import: ${isUserError(err) ? err.message : ((err as Error)?.stack ?? String(err))}\n`);
  }
  process.exit(1);
});
