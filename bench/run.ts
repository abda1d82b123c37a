/**
 * `npm run bench -- --relationships N [--seed S] [--runs K] [--concurrency C] [--duration SEC] [--requests R]
 *  [--reuse-db]`
 *
 * Generates the synthetic corpus if missing, wipes the benchmark's Neo4j (NEO4J_DATA_DIR, default
 * .data/neo4j-bench, Bolt on NEO4J_BOLT_PORT, default 7713) and imports the corpus with the real importer
 * (recording its rate), then starts Accords' server and the @neo4j/graphql peer over that database, each in
 * its own process, and runs the same workload against both: sequential latency (median, p95) after a
 * warm-up, and throughput under concurrency with autocannon. Prints one table and writes
 * bench/out/results-<N>.json. Loopback only; every phase is bounded in requests or seconds.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { loadConfig, ROOT } from '../src/config';
import { Connection, openDatabase } from '../src/db/connect';
import { applySchema } from '../src/db/schema';
import { setLogLevel } from '../src/log';
import { parseArgs, UsageError } from './args';
import { BENCH_OUT, corpusDir } from './generate';
import { median, percentile, post, throughput, Throughput } from './measure';
import { treeCpuMs } from './cpu';
import { createToken } from '../src/auth/tokens';
import { CorpusManifest, generateCorpus } from './synthetic/corpus';
import { Row, Variables, workload, type WriteSample } from './workload';
import { benchBulkImport, importRates, importTable } from './import';

const USAGE =
  'npm run bench -- --relationships N [--seed S] [--runs K] [--concurrency C] [--duration SEC] [--requests R] [--warmup W] [--reuse-db] [--import-only] [--working-tree] [--import-rates] [--rows key,key]';

type Side = 'accords' | 'peer';

interface SideRun {
  medianMs: number;
  p95Ms: number;
  throughput: Throughput;
  /**
   * CPU per request during the throughput phase (ms, user + system): the GraphQL server's process, and
   * Neo4j's (shared by both sides, but only one side is loading it at a time). Which of the two a side costs
   * says where its time goes, and unlike latency it hardly moves with the machine's load.
   */
  cpuMsPerRequest: { server: number; neo4j: number };
}

interface RowRun {
  run: number;
  accords: SideRun;
  peer?: SideRun;
}

interface Check {
  compared: number;
  equivalent: number;
  emptyAccords: number;
  emptyPeer: number;
  errorsAccords: number;
  errorsPeer: number;
  firstError?: string;
  firstMismatch?: { variables: Variables; accords: unknown; peer: unknown };
  meanSizeAccords: number;
  meanSizePeer?: number;
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function ensureCorpus(relationships: number, seed: number): { dir: string; manifest: CorpusManifest } {
  const dir = corpusDir(relationships, seed);
  const file = path.join(dir, 'manifest.json');
  if (fs.existsSync(file)) return { dir, manifest: JSON.parse(fs.readFileSync(file, 'utf8')) as CorpusManifest };
  log(`generating corpus ${path.relative(ROOT, dir)}`);
  const manifest = generateCorpus({ relationships, seed, dir });
  log(`generated ${manifest.relationships} relationships in ${manifest.files} files (${(manifest.generatedInMs / 1000).toFixed(1)} s)`);
  return { dir, manifest };
}

/** Runs a child to completion, streaming its stderr (progress lines) and returning its stdout. */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

/** Starts a server child and resolves once it prints its ready line; its output goes to a log file. */
function startServer(name: string, script: string, env: NodeJS.ProcessEnv, logFile: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    // BENCH_PROFILE_DIR: each server writes a V8 CPU profile there when it stops (where its CPU goes).
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [...profile, script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', out] });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${name} did not start within 60 s (see ${logFile})`));
    }, 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      fs.appendFileSync(logFile, c);
      seen += c.toString();
      if (seen.includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready (see ${logFile})`));
    });
  });
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const payload = (query: string, variables: Variables) =>
  JSON.stringify({ query, variables: Object.fromEntries(Object.entries(variables).filter(([k]) => !k.startsWith('_'))) });

/** Refuses to start when a workload operation does not validate against the server's schema. */
function checkOperations(rows: Row[], root: string): void {
  const dir = path.join(root, 'schema');
  const sdl = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const schema = buildSchema(sdl.join('\n'));
  for (const row of rows) {
    const errors = validate(schema, parse(row.accords));
    if (errors.length) throw new Error(`the "${row.key}" operation does not fit Accords' schema: ${errors[0]!.message}`);
  }
}

async function sequential(
  url: string,
  payloads: string[],
  warmup: number | string[],
  headers: Record<string, string> = {},
): Promise<{ replies: any[]; ms: number[] }> {
  // A number: the warm-up repeats measured requests (from the end); a write row gives requests of its own.
  const warming = typeof warmup === 'number' ? Array.from({ length: warmup }, (_, i) => payloads[(payloads.length - 1 - i + payloads.length) % payloads.length]!) : warmup;
  for (const p of warming) await post(url, p, headers);
  const replies: any[] = [];
  const ms: number[] = [];
  for (const p of payloads) {
    const r = await post(url, p, headers);
    replies.push(r.body);
    ms.push(r.ms);
  }
  return { replies, ms };
}

function firstErrorOf(body: any): string | undefined {
  return body?.errors?.length ? String(body.errors[0].message) : undefined;
}

/** The write row's quote: the first evidence line of the corpus's first document, and that document's source id. */
function writeSampleOf(corpus: string): WriteSample | undefined {
  const first = fs.readdirSync(path.join(corpus, 'data')).filter((f) => f.endsWith('.yaml')).sort()[0];
  if (!first) return undefined;
  const text = fs.readFileSync(path.join(corpus, 'data', first), 'utf8');
  const sourceId = /^source:\n\s+id: "([^"]+)"/m.exec(text)?.[1];
  const quote = /^\s+evidence:\n\s+- "([^"]+)"/m.exec(text)?.[1];
  return sourceId && quote ? { sourceId, quote } : undefined;
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));

async function main(): Promise<void> {
  const args = parseArgs(
    process.argv.slice(2),
    { relationships: 'int', seed: 'int', runs: 'int', concurrency: 'int', duration: 'int', requests: 'int', warmup: 'int', 'reuse-db': 'flag', 'import-only': 'flag', 'working-tree': 'flag', 'import-rates': 'flag', rows: 'string' },
    USAGE,
  );
  const relationships = args.int('relationships', undefined, 1);
  const seed = args.int('seed', 1, 0);
  const runs = args.int('runs', 3, 1);
  const concurrency = args.int('concurrency', 8, 1);
  const duration = args.int('duration', 5, 1);
  const requests = args.int('requests', 40, 1);
  const warmup = args.int('warmup', 10, 0);
  setLogLevel('warn');
  // Import rates (bulk, neo4j-admin alone, incremental, a plain driver loader): bench/import.ts.
  if (args.flag('import-rates')) return void (await importRates([relationships], seed, new Set(['bulk', 'incremental', 'plain'])));

  const { dir, manifest } = ensureCorpus(relationships, seed);
  // --rows lookup,neighbourhood: only these rows (an A/B of one change need not wait for every row).
  const only = args.string('rows')?.split(',').map((k) => k.trim()).filter(Boolean);
  const rows = workload(manifest, undefined, writeSampleOf(dir)).filter((r) => !only || only.includes(r.key));
  if (only && rows.length === 0) throw new UsageError(`--rows names none of the rows; usage: ${USAGE}`);
  const accordsRoot = args.flag('working-tree') ? ROOT : snapshotOfHead();
  checkOperations(rows, accordsRoot);

  const env = process.env;
  const dataDir = path.resolve(ROOT, env.NEO4J_DATA_DIR || '.data/neo4j-bench');
  const boltPort = env.NEO4J_BOLT_PORT || '7713';
  const accordsPort = env.BENCH_ACCORDS_PORT || '4113';
  const peerPort = env.BENCH_PEER_PORT || '4123';
  const marker = path.join(dataDir, 'bench-corpus.txt');
  const passwordFile = path.join(dataDir, 'bench-password');
  const corpusName = path.basename(dir);
  const reuse =
    args.flag('reuse-db') && fs.existsSync(passwordFile) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === corpusName;
  // A password of our own, kept beside the data for --reuse-db: the launcher's generated one may start with
  // '-', which neo4j-admin then takes for an option.
  const password = reuse ? fs.readFileSync(passwordFile, 'utf8').trim() : `bench${crypto.randomBytes(12).toString('hex')}`;
  const config = loadConfig({ ...env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: boltPort, NEO4J_PASSWORD: password });

  let connection: Connection | undefined;
  let accords: ChildProcess | undefined;
  let peer: ChildProcess | undefined;
  const cleanup = async () => {
    await Promise.all([stopChild(accords), stopChild(peer)]);
    await connection?.close().catch(() => undefined);
  };
  const onSignal = () => void cleanup().then(() => process.exit(130));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (!reuse) {
      log(`wiping ${path.relative(ROOT, dataDir)}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
    }
    // --- import: the empty benchmark database is bulk-loaded offline by the importer (neo4j-admin) ------
    let importResult: Record<string, unknown> = { skipped: true, reason: 'database reused (--reuse-db)' };
    if (!reuse) {
      log('importing with npm run import (bulk load)');
      importResult = { mode: 'bulk', expected: manifest.relationships, ...(await benchBulkImport(accordsRoot, dir, { ...env, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: boltPort, NEO4J_PASSWORD: password })) };
      log(`imported: ${JSON.stringify(importResult)}`);
    }
    connection = await openDatabase(config);
    const db = connection.db;
    const local = connection.local!;
    await applySchema(db);
    // The write row's editor (Accords refuses writes without a token; the peer asks none).
    const editor = rows.some((r) => r.write) ? (await createToken(db, 'editor', 'bench', 'bench')).secret : undefined;
    const childEnv = { ...env, NEO4J_URI: local.uri, NEO4J_USER: local.user, NEO4J_PASSWORD: local.password, LOG_LEVEL: 'warn' };
    if (!reuse) {
      const [counted] = await db.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
      if (counted?.n !== manifest.relationships) throw new Error(`the database holds ${counted?.n} relationships, the corpus ${manifest.relationships}`);
      fs.writeFileSync(marker, corpusName + '\n');
    }
    if (args.flag('import-only')) {
      const out = path.join(BENCH_OUT, `import-${relationships}.json`);
      fs.mkdirSync(BENCH_OUT, { recursive: true });
      fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), corpus: corpusName, import: importResult }, null, 2) + '\n');
      log(`wrote ${path.relative(ROOT, out)}`);
      return;
    }
    const [component] = await db.read<{ version: string; edition: string }>(
      "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
    );

    // --- servers ---------------------------------------------------------------------------------------
    fs.mkdirSync(BENCH_OUT, { recursive: true });
    log(`Accords from ${accordsRoot === ROOT ? 'the working tree' : path.basename(accordsRoot)}`);
    [accords, peer] = await Promise.all([
      startServer('Accords', path.join(accordsRoot, 'bench/accords-server.ts'), { ...childEnv, PORT: accordsPort }, path.join(BENCH_OUT, 'accords.log')),
      startServer('the peer', 'bench/peer/server.ts', { ...childEnv, PORT: peerPort }, path.join(BENCH_OUT, 'peer.log')),
    ]);
    const urls: Record<Side, string> = {
      accords: `http://127.0.0.1:${accordsPort}/graphql`,
      peer: `http://127.0.0.1:${peerPort}/graphql`,
    };

    // --- workload --------------------------------------------------------------------------------------
    const results = new Map<string, { row: Row; runs: RowRun[]; check?: Check }>();
    const loads: { run: number; before: number[]; after: number[] }[] = [];
    for (let run = 1; run <= runs; run++) {
      const before = os.loadavg();
      log(`run ${run}/${runs} (load average ${before.map((l) => l.toFixed(2)).join(' ')})`);
      for (const row of rows) {
        const vars = Array.from({ length: requests }, (_, i) => row.variables(i + (run - 1) * requests));
        const payloadsOf = (vs: Variables[]): Record<Side, string[]> => ({
          accords: vs.map((v) => payload(row.accords, v)),
          peer: row.peer ? vs.map((v) => payload(row.peer!, row.peerVariables ? row.peerVariables(v) : v)) : [],
        });
        const payloads = payloadsOf(vars);
        // A write is never repeated: its warm-up and its throughput phase send requests of their own.
        const fresh = (from: number, n: number) => payloadsOf(Array.from({ length: n }, (_, i) => row.variables(from + run * 1_000_000 + i)));
        const warmups = row.write ? fresh(100_000, warmup) : undefined;
        const loadPayloads = row.write ? fresh(200_000, 50_000) : payloads;
        const headers: Record<Side, Record<string, string>> = {
          accords: row.write && editor ? { authorization: `Bearer ${editor}` } : {},
          peer: {},
        };
        // Alternate who goes first, so neither always runs on the warmer cache.
        const order: Side[] = (run % 2 ? ['accords', 'peer'] : ['peer', 'accords']).filter((s) => s === 'accords' || row.peer) as Side[];
        const seq: Partial<Record<Side, { replies: any[]; ms: number[] }>> = {};
        for (const side of order) seq[side] = await sequential(urls[side], payloads[side], warmups ? warmups[side] : warmup, headers[side]);
        const tp: Partial<Record<Side, Throughput>> = {};
        const cpu: Partial<Record<Side, { server: number; neo4j: number }>> = {};
        for (const side of order) {
          const serverPid = (side === 'accords' ? accords : peer)?.pid;
          const before = { server: treeCpuMs(serverPid), neo4j: treeCpuMs(local.pid) };
          tp[side] = await throughput(urls[side], loadPayloads[side], concurrency, duration, headers[side]);
          const n = Math.max(1, tp[side]!.total);
          cpu[side] = { server: (treeCpuMs(serverPid) - before.server) / n, neo4j: (treeCpuMs(local.pid) - before.neo4j) / n };
        }
        const sideRun = (side: Side): SideRun | undefined => {
          const s = seq[side];
          if (!s) return undefined;
          const sorted = [...s.ms].sort((a, b) => a - b);
          return { medianMs: median(sorted), p95Ms: percentile(sorted, 95), throughput: tp[side]!, cpuMsPerRequest: cpu[side]! };
        };
        const entry = results.get(row.key) ?? { row, runs: [] };
        entry.runs.push({ run, accords: sideRun('accords')!, peer: sideRun('peer') });
        if (run === 1) entry.check = check(row, vars, seq.accords!.replies, seq.peer?.replies);
        if (row.write) for (const statement of row.write.cleanUp) await db.write(statement);
        results.set(row.key, entry);
        const a = entry.runs[entry.runs.length - 1]!;
        log(
          `  ${row.key.padEnd(14)} accords p50 ${fmt(a.accords.medianMs)} ms, ${fmt(a.accords.throughput.requestsPerSecond, 0)} req/s` +
            (a.peer ? ` | peer p50 ${fmt(a.peer.medianMs)} ms, ${fmt(a.peer.throughput.requestsPerSecond, 0)} req/s` : ' | peer n/a'),
        );
      }
      loads.push({ run, before, after: os.loadavg() });
    }

    // --- report ----------------------------------------------------------------------------------------
    const table = [...results.values()].map(({ row, runs: rr, check: c }) => {
      const m = (f: (r: RowRun) => number | undefined) => median(rr.map(f).filter((x): x is number => x !== undefined));
      const accordsP50 = m((r) => r.accords.medianMs);
      const accordsP95 = m((r) => r.accords.p95Ms);
      const accordsRps = m((r) => r.accords.throughput.requestsPerSecond);
      const peerP50 = row.peer ? m((r) => r.peer?.medianMs) : undefined;
      const peerP95 = row.peer ? m((r) => r.peer?.p95Ms) : undefined;
      const peerRps = row.peer ? m((r) => r.peer?.throughput.requestsPerSecond) : undefined;
      return {
        key: row.key,
        title: row.title,
        measures: row.measures,
        peerNote: row.peerNote,
        accords: { p50Ms: accordsP50, p95Ms: accordsP95, requestsPerSecond: accordsRps, cpuMsPerRequest: { server: m((r) => r.accords.cpuMsPerRequest.server), neo4j: m((r) => r.accords.cpuMsPerRequest.neo4j) } },
        peer: row.peer
          ? { p50Ms: peerP50, p95Ms: peerP95, requestsPerSecond: peerRps, cpuMsPerRequest: { server: m((r) => r.peer?.cpuMsPerRequest.server), neo4j: m((r) => r.peer?.cpuMsPerRequest.neo4j) } }
          : null,
        // > 1: Accords ahead. The median of each run's ratio: both sides of a run ran minutes apart under the
        // same load, while the load drifts between runs (a shared machine), so paired ratios are steadier
        // than the ratio of the two sides' medians (kept as `ratioOfMedians`).
        ratio: row.peer
          ? {
              p50: m((r) => r.peer!.medianMs / r.accords.medianMs),
              p95: m((r) => r.peer!.p95Ms / r.accords.p95Ms),
              throughput: m((r) => r.accords.throughput.requestsPerSecond / r.peer!.throughput.requestsPerSecond),
            }
          : null,
        ratioOfMedians: row.peer
          ? { p50: peerP50! / accordsP50, p95: peerP95! / accordsP95, throughput: accordsRps / peerRps! }
          : null,
        check: c,
        runs: rr,
      };
    });
    const lines: string[] = [];
    const head = ['row', 'Accords p50', 'p95', 'req/s', 'peer p50', 'p95', 'req/s', 'ratio p50', 'ratio req/s', 'answers'];
    const body = table.map((t) => [
      t.title,
      `${fmt(t.accords.p50Ms)} ms`,
      `${fmt(t.accords.p95Ms)} ms`,
      fmt(t.accords.requestsPerSecond, 0),
      t.peer ? `${fmt(t.peer.p50Ms)} ms` : 'n/a',
      t.peer ? `${fmt(t.peer.p95Ms)} ms` : '',
      t.peer ? fmt(t.peer.requestsPerSecond, 0) : '',
      t.ratio ? `${fmt(t.ratio.p50, 2)}×` : 'peer cannot express it',
      t.ratio ? `${fmt(t.ratio.throughput, 2)}×` : '',
      describeCheck(t.check),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
    const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
    lines.push(line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line));
    lines.push('', '| row | Accords CPU/request: server | Neo4j | peer: server | Neo4j |', '| --- | --- | --- | --- | --- |');
    for (const t of table) {
      const c = (x: { cpuMsPerRequest: { server: number; neo4j: number } }) => `${fmt(x.cpuMsPerRequest.server, 2)} ms | ${fmt(x.cpuMsPerRequest.neo4j, 2)} ms`;
      lines.push(`| ${t.title} | ${c(t.accords)} | ${t.peer ? c(t.peer as { cpuMsPerRequest: { server: number; neo4j: number } }) : 'n/a | n/a'} |`);
    }
    lines.push(
      `ratios > 1 mean Accords is ahead (p50: peer latency / Accords latency; req/s: Accords / peer), the median of the runs' ratios. Medians of ${runs} run(s); ` +
        `${requests} sequential requests per row and side after ${warmup} warm-up; throughput ${concurrency} connections × ${duration} s.`,
    );
    if (importResult.mode === 'bulk') lines.push('', importTable(corpusName, importResult as Parameters<typeof importTable>[1]));
    process.stdout.write('\n' + lines.join('\n') + '\n');

    const out = path.join(BENCH_OUT, `results-${relationships}.json`);
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          commit: gitCommit(),
          accords: accordsRoot === ROOT ? 'working tree' : `commit ${path.basename(accordsRoot).replace(/^accords-/, '')}`,
          corpus: { name: corpusName, relationships: manifest.relationships, nodes: manifest.nodes, files: manifest.files, seed },
          settings: { runs, requests, warmup, concurrency, durationSeconds: duration },
          machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model,
            memoryGiB: Math.round(os.totalmem() / 2 ** 30),
            node: process.version,
            neo4j: `${component?.version} ${component?.edition}`,
            loadAverage: loads,
          },
          import: importResult,
          rows: table,
          table: lines,
        },
        null,
        2,
      ) + '\n',
    );
    log(`wrote ${path.relative(ROOT, out)}`);
  } finally {
    await cleanup();
  }
}

function check(row: Row, vars: Variables[], accords: any[], peer: any[] | undefined): Check {
  const c: Check = { compared: 0, equivalent: 0, emptyAccords: 0, emptyPeer: 0, errorsAccords: 0, errorsPeer: 0, meanSizeAccords: 0 };
  let sizeA = 0;
  let sizeP = 0;
  vars.forEach((v, i) => {
    const a = accords[i];
    const errA = firstErrorOf(a);
    if (errA) {
      c.errorsAccords++;
      c.firstError ??= `Accords: ${errA}`;
    }
    const ca = errA ? { size: 0 } : row.canonAccords(a.data ?? {}, v);
    sizeA += ca.size;
    if (!ca.size) c.emptyAccords++;
    if (!peer || !row.canonPeer) return;
    const p = peer[i];
    const errP = firstErrorOf(p);
    if (errP) {
      c.errorsPeer++;
      c.firstError ??= `peer: ${errP}`;
    }
    const cp = errP ? { size: 0 } : row.canonPeer(p.data ?? {}, v);
    sizeP += cp.size;
    if (!cp.size) c.emptyPeer++;
    if (ca.canon !== undefined && cp.canon !== undefined) {
      c.compared++;
      if (JSON.stringify(ca.canon) === JSON.stringify(cp.canon)) c.equivalent++;
      else c.firstMismatch ??= { variables: v, accords: ca.canon, peer: cp.canon };
    }
  });
  c.meanSizeAccords = sizeA / vars.length;
  if (peer) c.meanSizePeer = sizeP / vars.length;
  return c;
}

function describeCheck(c: Check | undefined): string {
  if (!c) return '';
  const parts: string[] = [];
  if (c.errorsAccords || c.errorsPeer) parts.push(`ERRORS ${c.errorsAccords}/${c.errorsPeer}`);
  if (c.compared) parts.push(`${c.equivalent}/${c.compared} equal`);
  else if (c.meanSizePeer !== undefined) parts.push(`sizes ${fmt(c.meanSizeAccords, 0)} vs ${fmt(c.meanSizePeer, 0)}`);
  if (c.emptyAccords || c.emptyPeer) parts.push(`empty ${c.emptyAccords}/${c.emptyPeer}`);
  if (!parts.length) parts.push('non-empty');
  return parts.join(', ');
}

/**
 * The committed code (HEAD) extracted to bench/out/accords-<commit>/ with node_modules linked: other engineers
 * edit the working tree while the benchmark runs, and a result should name the code it measured.
 */
function snapshotOfHead(): string {
  const commit = gitCommit();
  if (!commit) throw new Error('not a git checkout: use --working-tree');
  const dir = path.join(BENCH_OUT, `accords-${commit.slice(0, 12)}`);
  if (!fs.existsSync(path.join(dir, 'node_modules'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'cypher', 'schema', 'bench', 'package.json', 'tsconfig.json'], {
      cwd: ROOT,
      maxBuffer: 1 << 30,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  }
  return dir;
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`bench: ${err instanceof UsageError ? message : (err as Error)?.stack ?? message}\n`);
  process.exit(1);
});
