/**
 * `npm run export -- --format F [--out FILE] [--center ID [--depth N] | --source ID]`: writes the graph (or one
 * source document's facts, or a node's neighbourhood) as FollowTheMoney JSON lines, GEXF, GraphML, a Cypher
 * script or neo4j-admin CSV. `--format csv` writes both CSV files into the folder `--out` names. Without
 * `--out`, the file goes to stdout. Uses Neo4j as `npm start` does (NEO4J_URI, or the local server).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { openDatabaseForCommand } from './connection';
import { ExportError, FORMATS, IMPORT_OPTIONS, formatNamed, openExportGraph, parseScope, pipeExport, type ExportFormat } from '../export';
import { setLogLevel } from '../log';
import { isUserError } from './failure';

const USAGE =
  `usage: npm run export -- --format ${[...Object.keys(FORMATS), 'csv'].join('|')} [--out FILE] ` +
  '[--center ID [--depth N] | --source ID]';

class UsageError extends Error {}

interface Args {
  format: string;
  out?: string;
  center?: string;
  depth?: string;
  source?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split(/=(.*)/s) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--format') args.format = value();
    else if (flag === '--out') args.out = value();
    else if (flag === '--center') args.center = value();
    else if (flag === '--depth') args.depth = value();
    else if (flag === '--source') args.source = value();
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!args.format) throw new UsageError(`--format is required\n${USAGE}`);
  if (args.format === 'csv' && !args.out) throw new UsageError(`--format csv writes two files: give --out DIR\n${USAGE}`);
  return args as Args;
}

async function toFile(chunks: AsyncIterable<string>, file: string | undefined): Promise<void> {
  if (!file) return pipeExport(chunks, process.stdout);
  // Written beside the target and renamed at the end: a failed export leaves no half file under its name.
  const partial = `${file}.partial`;
  const out: Writable = fs.createWriteStream(partial);
  try {
    await pipeExport(chunks, out);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    fs.renameSync(partial, file);
  } catch (err) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

async function run(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const formats: Array<[ExportFormat, string | undefined]> =
    args.format === 'csv'
      ? [
          [FORMATS['csv-nodes']!, path.join(args.out!, 'nodes.csv')],
          [FORMATS['csv-relationships']!, path.join(args.out!, 'relationships.csv')],
        ]
      : [[formatNamed(args.format), args.out]];
  const scope = parseScope(args);
  const config = loadConfig();
  setLogLevel(config.logLevel === 'info' ? 'warn' : config.logLevel);
  if (args.format === 'csv') fs.mkdirSync(args.out!, { recursive: true });
  const connection = await openDatabaseForCommand(config);
  try {
    const graph = await openExportGraph(connection.db, scope);
    for (const [format, file] of formats) await toFile(format.write(graph), file);
    if (args.format === 'csv') {
      process.stderr.write(
        `wrote ${formats.map(([, f]) => f).join(' and ')}; load into an empty database with\n` +
          `  neo4j-admin database import full --nodes=${formats[0]![1]} --relationships=${formats[1]![1]} ${IMPORT_OPTIONS.join(' ')} <database>\n`,
      );
    } else if (args.out) process.stderr.write(`wrote ${args.out}\n`);
  } finally {
    await connection.close();
  }
}

run().catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof ExportError) {
    process.stderr.write(`export: ${err.code}: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`export: ${isUserError(err) ? err.message : ((err as Error)?.stack ?? String(err))}\n`);
  process.exit(1);
});
