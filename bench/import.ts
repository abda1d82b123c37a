/**
 * `npx tsx bench/import.ts --relationships 100000,1000000 [--seed S] [--only bulk,admin,incremental,plain]`
 * (also `npm run bench -- --relationships N --import-rates`): import rates side by side on one corpus, each into
 * its own fresh benchmark Neo4j (NEO4J_DATA_DIR, default .data/neo4j-bench; Bolt on NEO4J_BOLT_PORT):
 *
 * - bulk: the importer's path for an empty database, end to end — validation, CSV, neo4j-admin, start, the
 *   schema's constraints and indexes built over the loaded store;
 * - admin: `neo4j-admin database import full` alone on the same CSV (the physical limit), from the bulk run;
 * - incremental: the transactional importer into a non-empty database (the curated corpus loaded first);
 * - plain: what a user would write with the driver — the files parsed with `yaml`, batches of `UNWIND … MERGE`
 *   per relationship type, one transaction per batch.
 *
 * Prints one table (relationships per second, and where the time goes) and writes bench/out/import-rates.json.
 * Only one benchmark Neo4j runs at a time; each is stopped before the next starts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig, ROOT, type Config } from '../src/config';
import { openDatabase, type Connection } from '../src/db/connect';
import { applySchema } from '../src/db/schema';
import { importCorpus } from '../src/import';
import { bulkLoadCorpus, recordBulkLoad } from '../src/import/bulk';
import { setLogLevel } from '../src/log';
import { RELATIONSHIP_TYPE_NAMES } from '../src/model/model';
import { parseArgs } from './args';
import { BENCH_OUT, corpusDir } from './generate';
import { generateCorpus, type CorpusManifest } from './synthetic/corpus';

const log = (line: string) => process.stderr.write(`bench:import ${line}\n`);
const s = (ms: number) => Math.round(ms) / 1000;

export interface ImportRate {
  path: 'bulk' | 'admin' | 'incremental' | 'plain';
  relationships: number;
  seconds: number;
  relationshipsPerSecond: number;
  /** Where the time went, in seconds. */
  phases: Record<string, number>;
  note?: string;
}

function corpus(relationships: number, seed: number): { dir: string; manifest: CorpusManifest } {
  const dir = corpusDir(relationships, seed);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    log(`generating ${path.relative(ROOT, dir)}`);
    generateCorpus({ relationships, seed, dir });
  }
  return { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as CorpusManifest };
}

function freshConfig(): Config {
  const env = process.env;
  const dataDir = path.resolve(ROOT, env.NEO4J_DATA_DIR || '.data/neo4j-bench');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  return loadConfig({ ...env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: env.NEO4J_BOLT_PORT || '7713', NEO4J_PASSWORD: `bench${Date.now()}`, ACCORDS_QUERY_TIMEOUT_MS: '3600000' });
}

async function countRelationships(connection: Connection): Promise<number> {
  const [row] = await connection.db.read<{ n: number }>('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
  return Number(row?.n ?? 0);
}

function rate(path: ImportRate['path'], relationships: number, ms: number, phases: Record<string, number>, note?: string): ImportRate {
  return { path, relationships, seconds: s(ms), relationshipsPerSecond: Math.round(relationships / (ms / 1000)), phases, note };
}

async function bulkRow(dir: string, manifest: CorpusManifest): Promise<ImportRate[]> {
  const config = freshConfig();
  const started = Date.now();
  const report = await bulkLoadCorpus(config, [path.join(dir, 'data')], { sourcesDir: path.join(dir, 'sources'), onProgress: log });
  const startAt = Date.now();
  const connection = await openDatabase(config);
  try {
    const schemaAt = Date.now();
    await applySchema(connection.db);
    await recordBulkLoad(connection.db, report);
    const done = Date.now();
    const counted = await countRelationships(connection);
    if (counted !== manifest.relationships) throw new Error(`bulk: the database holds ${counted} relationships, the corpus ${manifest.relationships}`);
    const phases = {
      validate: s(report.validateMs),
      csv: s(report.csvMs),
      neo4jAdmin: s(report.adminMs),
      start: s(schemaAt - startAt),
      indexes: s(done - schemaAt),
    };
    log(`bulk: ${JSON.stringify(phases)}; CSV ${(report.csvBytes / 1e6).toFixed(0)} MB; ${report.adminSummary}`);
    return [
      rate('bulk', counted, done - started, phases),
      rate('admin', counted, report.adminMs, { neo4jAdmin: s(report.adminMs) }, `same CSV (${(report.csvBytes / 1e6).toFixed(0)} MB), tool only`),
    ];
  } finally {
    await connection.close();
  }
}

async function incrementalRow(dir: string, manifest: CorpusManifest): Promise<ImportRate> {
  const config = freshConfig();
  const connection = await openDatabase(config);
  try {
    await applySchema(connection.db);
    // Non-empty: the curated corpus is there first.
    await importCorpus(connection.db, [config.dataDir], { sourcesDir: config.sourcesDir });
    const before = await countRelationships(connection);
    const report = await importCorpus(connection.db, [path.join(dir, 'data')], { sourcesDir: path.join(dir, 'sources'), onProgress: log });
    const counted = (await countRelationships(connection)) - before;
    if (counted !== manifest.relationships) throw new Error(`incremental: ${counted} relationships written, the corpus has ${manifest.relationships}`);
    // The write transaction by kind of statement (the server's time for each), what is left of it (reading the
    // spool, building rows and passages, the driver; what pipelining does not hide), then the commit.
    const kinds = ['nodes', 'relationships', 'passages'];
    const statementMs = (k?: string) =>
      Object.entries(report.statements)
        .filter(([name]) => (k ? name.startsWith(k) : !kinds.some((kind) => name.startsWith(kind))))
        .reduce((sum, [, t]) => sum + t.serverMs, 0);
    const all = Object.values(report.statements).reduce((sum, t) => sum + t.serverMs, 0);
    log(`incremental statements: ${JSON.stringify(report.statements)}`);
    return rate('incremental', counted, report.totalMs, {
      validate: s(report.validateMs),
      ...Object.fromEntries(kinds.map((k) => [k, s(statementMs(k))])),
      'other statements': s(statementMs()),
      'client and driver': s(report.writeMs - report.commitMs - all),
      commit: s(report.commitMs),
    });
  } finally {
    await connection.close();
  }
}

/** What a user would write: parse each file, then UNWIND … MERGE in batches, one transaction per batch. */
async function plainRow(dir: string, manifest: CorpusManifest): Promise<ImportRate> {
  const config = freshConfig();
  const connection = await openDatabase(config);
  const driver = connection.db.driver;
  try {
    await connection.db.write('CREATE CONSTRAINT plain_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE');
    const started = Date.now();
    let parseMs = 0;
    const BATCH = 10_000;
    let nodes: Array<Record<string, unknown>> = [];
    const rels = new Map<string, Array<Record<string, unknown>>>(RELATIONSHIP_TYPE_NAMES.map((t) => [t, []]));
    const flushNodes = async () => {
      if (!nodes.length) return;
      await driver.executeQuery(
        'UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props, n.evidence = coalesce(n.evidence, []) + row.evidence',
        { rows: nodes },
        { database: 'neo4j' },
      );
      nodes = [];
    };
    const flushRels = async (type: string) => {
      const rows = rels.get(type)!;
      if (!rows.length) return;
      await driver.executeQuery(
        `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) MERGE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props, r.evidence = coalesce(r.evidence, []) + row.evidence`,
        { rows },
        { database: 'neo4j' },
      );
      rels.set(type, []);
    };
    const scalars = (o: Record<string, unknown>, skip: string[]) =>
      Object.fromEntries(Object.entries(o).filter(([k, v]) => !skip.includes(k) && (typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))));
    const files = fs.readdirSync(path.join(dir, 'data')).filter((f) => f.endsWith('.yaml')).sort();
    // Nodes of every file first (ends must exist before MATCH), as a user learns to do.
    const docs: Array<{ relationships?: Array<Record<string, unknown>> }> = [];
    for (const f of files) {
      const t = Date.now();
      const doc = YAML.parse(fs.readFileSync(path.join(dir, 'data', f), 'utf8')) as { source: Record<string, unknown>; nodes?: Array<Record<string, unknown>>; relationships?: Array<Record<string, unknown>> };
      parseMs += Date.now() - t;
      for (const n of [doc.source, ...(doc.nodes ?? [])]) {
        nodes.push({ id: n.id, props: scalars(n, ['id', 'evidence']), evidence: n.evidence });
        if (nodes.length >= BATCH) await flushNodes();
      }
      docs.push({ relationships: doc.relationships });
    }
    await flushNodes();
    for (const doc of docs) {
      for (const r of doc.relationships ?? []) {
        const type = String(r.type);
        rels.get(type)!.push({ from: r.from, to: r.to, key: r.key ?? '', props: scalars(r, ['type', 'from', 'to', 'key', 'evidence']), evidence: r.evidence });
        if (rels.get(type)!.length >= BATCH) await flushRels(type);
      }
    }
    for (const type of RELATIONSHIP_TYPE_NAMES) await flushRels(type);
    const ms = Date.now() - started;
    const counted = await countRelationships(connection);
    if (counted !== manifest.relationships) throw new Error(`plain: the database holds ${counted} relationships, the corpus ${manifest.relationships}`);
    return rate('plain', counted, ms, { parse: s(parseMs), write: s(ms - parseMs) }, 'no validation, no passages, no labels by kind');
  } finally {
    await connection.close();
  }
}

/**
 * `npm run bench`'s own import: the importer's CLI (from the measured snapshot, `accordsRoot`) bulk-loads the
 * empty benchmark data folder offline, builds the schema and stops its Neo4j; the wall clock includes the
 * process start and validation. Its figures are the "bulk" row of the import table `npm run bench` prints.
 */
export async function benchBulkImport(
  accordsRoot: string,
  corpus: string,
  env: NodeJS.ProcessEnv,
): Promise<{ wallSeconds: number; relationships: number; relationshipsPerSecondWall: number; phases: Record<string, number>; summary: string[] }> {
  const started = Date.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(accordsRoot, 'src/cli/import.ts'), path.join(corpus, 'data'), '--sources', path.join(corpus, 'sources')], {
      cwd: ROOT,
      env: { ...env, NEO4J_URI: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`the bulk import failed (exit ${code}); see its messages above`))));
  });
  const wallSeconds = (Date.now() - started) / 1000;
  const line = stdout.split('\n').find((l) => l.startsWith('bulk-loaded'));
  if (!line) throw new Error(`the import did not bulk-load (is ${env.NEO4J_DATA_DIR} empty?):\n${stdout}`);
  const relationships = Number(/([\d,]+) relationships/.exec(line)?.[1]?.replace(/,/g, ''));
  const phases: Record<string, number> = {};
  for (const m of (/\((.*)\)$/.exec(line)?.[1] ?? '').matchAll(/([A-Za-z0-9 -]+?) ([\d.]+) s/g)) phases[m[1]!.trim()] = Number(m[2]);
  phases['process start and rest'] = Math.round((wallSeconds - Object.values(phases).reduce((a, b) => a + b, 0)) * 10) / 10;
  return { wallSeconds, relationships, relationshipsPerSecondWall: Math.round(relationships / wallSeconds), phases, summary: stdout.split('\n').filter((l) => /^(bulk-loaded|rate)/.test(l)) };
}

function rateTable(results: Array<{ corpus: string; rows: ImportRate[] }>): string {
  const lines = ['| corpus | path | relationships | seconds | rel/s | where the time goes (s) |', '| --- | --- | ---: | ---: | ---: | --- |'];
  for (const r of results) {
    for (const row of r.rows) {
      const phases = Object.entries(row.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
      lines.push(`| ${r.corpus} | ${row.path} | ${row.relationships.toLocaleString('en-US')} | ${row.seconds.toFixed(1)} | ${row.relationshipsPerSecond.toLocaleString('en-US')} | ${phases}${row.note ? ` (${row.note})` : ''} |`);
    }
  }
  return lines.join('\n');
}

/** The import row of `npm run bench` (its own bulk load), as the import-rate table prints it. */
export function importTable(corpus: string, bulk: { wallSeconds: number; relationships: number; phases: Record<string, number> }): string {
  return rateTable([{ corpus, rows: [rate('bulk', bulk.relationships, bulk.wallSeconds * 1000, bulk.phases, 'npm run import, end to end')] }]);
}

export async function importRates(sizes: number[], seed: number, only: Set<string>): Promise<Array<{ corpus: string; rows: ImportRate[] }>> {
  setLogLevel('warn');
  const results: Array<{ corpus: string; rows: ImportRate[] }> = [];
  for (const relationships of sizes) {
    const { dir, manifest } = corpus(relationships, seed);
    const rows: ImportRate[] = [];
    const attempt = async (name: string, run: () => Promise<ImportRate | ImportRate[]>) => {
      if (!only.has(name)) return;
      log(`${path.basename(dir)}: ${name} (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
      const got = await run();
      rows.push(...(Array.isArray(got) ? got : [got]));
      log(JSON.stringify(got));
    };
    await attempt('bulk', () => bulkRow(dir, manifest));
    await attempt('incremental', () => incrementalRow(dir, manifest));
    await attempt('plain', () => plainRow(dir, manifest));
    results.push({ corpus: path.basename(dir), rows });
  }
  const out = path.join(BENCH_OUT, 'import-rates.json');
  fs.mkdirSync(BENCH_OUT, { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), loadAverage: os.loadavg(), results }, null, 2) + '\n');
  process.stdout.write(rateTable(results) + '\n');
  log(`wrote ${path.relative(ROOT, out)}`);
  return results;
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2), { relationships: 'string', seed: 'int', only: 'string' }, 'npx tsx bench/import.ts --relationships N[,M…] [--seed S] [--only bulk,incremental,plain]');
  const sizes = (args.string('relationships') ?? '100000').split(',').map(Number);
  const only = new Set((args.string('only') ?? 'bulk,incremental,plain').split(','));
  importRates(sizes, args.int('seed', 1, 0), only).catch((err: unknown) => {
    process.stderr.write(`bench:import failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}
