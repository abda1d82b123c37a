/**
 * `npx tsx bench/explorer-queries.ts [--data-dir DIR] [--hub ID] [--requests R] [--kinds] [--label NAME] [--profile]`
 *
 * Where the explorer's opening requests spend their time in the database. Starts the project's Neo4j over DIR
 * (default .data/neo4j, the corpus; a benchmark database made by `npm run bench -- --import-only` works too),
 * then, in-process through the real GraphQL executor (no HTTP), for the hub's `OrganisationDetail` and
 * `Neighbourhood` (with `--kinds`, also each other kind's details, on the start's warm-up samples):
 * - the operation's first run on a cold JVM (the first request after `npm start` without a warm-up), then its
 *   p50/p95 over R runs, its database round-trips and its answer's bytes, and its time right after
 *   `db.clearQueryCaches()` (every text planned again on a warm JVM, median of 3);
 * - for each query text it sent: Neo4j's planning time (EXPLAIN right after `db.clearQueryCaches()`, on the
 *   now warm JVM) and its warm execution time (median of 5), with the size of its text.
 * `--profile` PROFILEs each text too (db hits in all, and the operators reading most).
 * Prints one JSON object and writes bench/out/explorer-queries-<label>.json. Read-only.
 */
import fs from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import path from 'node:path';
import { loadConfig, ROOT } from '../src/config';
import { openDatabase } from '../src/db/connect';
import { applySchema } from '../src/db/schema';
import type { Database, Params } from '../src/db/database';
import { createContext } from '../src/graphql/context';
import { createApollo } from '../src/graphql/server';
import { setLogLevel } from '../src/log';
import { lookUpTuning } from '../src/store/links';
import { warmUpOperations, type Operation } from '../src/warmup';
import { detailVariables, neighbourhoodVariables, PER_NODE, QUERIES } from '../web/src/queries';
import { parseArgs } from './args';
import { BENCH_OUT } from './generate';
import { median, percentile } from './measure';
import { summarisePlan, type PlanNode } from './plans';

const USAGE = 'npx tsx bench/explorer-queries.ts [--data-dir DIR] [--hub ID] [--requests R] [--kinds] [--label NAME] [--profile]';
const log = (line: string) => process.stderr.write(`explorer-queries: ${line}\n`);
const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { 'data-dir': 'string', hub: 'string', requests: 'int', kinds: 'flag', label: 'string', profile: 'flag' }, USAGE);
  const requests = args.int('requests', 20, 1);
  const dataDir = args.string('data-dir');
  if (dataDir) {
    process.env.NEO4J_DATA_DIR = path.resolve(ROOT, dataDir);
    for (const name of ['bench-password', 'password']) {
      const file = path.join(process.env.NEO4J_DATA_DIR, name);
      if (fs.existsSync(file)) process.env.NEO4J_PASSWORD = fs.readFileSync(file, 'utf8').trim();
    }
  }
  const label = args.string('label') ?? (dataDir ? path.basename(dataDir) : 'corpus');
  setLogLevel('warn');
  const connection = await openDatabase(loadConfig());
  const db = connection.db.withQueryTimeout(120_000);
  // As `npm start` does: a database made by another version gains the indexes this one reads (idempotent).
  await applySchema(connection.db);
  const apollo = createApollo();
  await apollo.start();
  const local = connection.local;
  profiler = args.flag('profile') && local ? neo4j.driver(local.uri, neo4j.auth.basic(local.user, local.password)) : null;
  try {
    const [biggest] = await db.read<{ id: string }>(
      'MATCH (n:Organisation) RETURN n.id AS id ORDER BY COUNT { (n)-[:PARTY_TO]->() } DESC LIMIT 1',
    );
    const hub = args.string('hub') ?? biggest!.id;
    const ops: Operation[] = [
      { name: 'OrganisationDetail', query: QUERIES.OrganisationDetail!, variables: detailVariables(hub, 'Organisation') },
      { name: 'Neighbourhood', query: QUERIES.Neighbourhood!, variables: neighbourhoodVariables(hub, PER_NODE) },
    ];
    if (args.flag('kinds')) {
      const seen = new Set(ops.map((o) => o.name));
      for (const op of await warmUpOperations(db)) {
        if (op.name.endsWith('Detail') && !seen.has(op.name)) ops.push(op), seen.add(op.name);
      }
    }
    const loadBefore = (await import('node:os')).loadavg();
    const results = [];
    for (const op of ops) results.push(await measure(db, apollo, op, requests));
    const result = { date: new Date().toISOString(), label, hub, lookUpTuning, loadAverage: { before: loadBefore, after: (await import('node:os')).loadavg() }, operations: results };
    fs.mkdirSync(BENCH_OUT, { recursive: true });
    const out = path.join(BENCH_OUT, `explorer-queries-${label}.json`);
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    log(`wrote ${path.relative(ROOT, out)}`);
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } finally {
    await profiler?.close();
    await apollo.stop();
    await connection.close();
  }
}

type Apollo = ReturnType<typeof createApollo>;

/** A driver of its own to read PROFILE summaries with (`--profile`), or null. */
let profiler: Driver | null = null;

/** Db hits of one text under PROFILE, with the operators reading most. */
async function profile(text: string, params: Params): Promise<{ dbHits: number; top: string[] }> {
  const session = profiler!.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const res = await session.run(`PROFILE ${text}`, params);
    return summarisePlan(res.summary.profile as unknown as PlanNode, 8, 140);
  } finally {
    await session.close();
  }
}

/** One run of `op` through the executor: its time, round-trips, answer bytes and the queries it sent. */
async function runOnce(db: Database, apollo: Apollo, op: Operation) {
  const sent: Array<{ text: string; params: Params }> = [];
  const stop = db.observeQueries((text, params) => sent.push({ text, params }));
  const context = createContext(db);
  const started = performance.now();
  try {
    const res = await apollo.executeOperation({ query: op.query, variables: op.variables }, { contextValue: context });
    const ms = performance.now() - started;
    const body = res.body.kind === 'single' ? res.body.singleResult : null;
    if (body?.errors?.length) throw new Error(`${op.name} failed: ${JSON.stringify(body.errors).slice(0, 400)}`);
    return { ms, roundTrips: context.db.roundTrips, bytes: Buffer.byteLength(JSON.stringify({ data: body?.data })), sent };
  } finally {
    stop();
  }
}

async function measure(db: Database, apollo: Apollo, op: Operation, requests: number) {
  const first = await runOnce(db, apollo, op);
  log(`${op.name}: first run ${round(first.ms)} ms, ${first.roundTrips} round-trips`);
  const times: number[] = [];
  let last = first;
  for (let i = 0; i < requests; i++) {
    last = await runOnce(db, apollo, op);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  // The first request after start on a JVM already warm: each of its texts planned again, side by side when
  // the request sends them together (median of 3).
  const replanned: number[] = [];
  for (let i = 0; i < 3; i++) {
    await db.write('CALL db.clearQueryCaches()');
    replanned.push((await runOnce(db, apollo, op)).ms);
  }
  replanned.sort((a, b) => a - b);
  const queries = [];
  for (const { text, params } of last.sent) {
    await db.write('CALL db.clearQueryCaches()');
    const t0 = performance.now();
    await db.read(`EXPLAIN ${text}`, params);
    const planMs = performance.now() - t0;
    const runs: number[] = [];
    let records = 0;
    for (let i = 0; i < 5; i++) {
      const t1 = performance.now();
      records = (await db.read(text, params)).length;
      runs.push(performance.now() - t1);
    }
    runs.sort((a, b) => a - b);
    if (process.env.EXPLORER_QUERIES_DUMP) fs.appendFileSync(process.env.EXPLORER_QUERIES_DUMP, `// ${op.name} ${JSON.stringify(params)}\n${text}\n\n`);
    const profiled = profiler ? await profile(text, params) : null;
    queries.push({ planMs: round(planMs), execMs: round(median(runs)), records, chars: text.length, head: text.replace(/\s+/g, ' ').slice(0, 120), ...profiled });
  }
  return {
    operation: op.name,
    variables: op.variables,
    firstMs: round(first.ms),
    afterCacheClearMs: round(median(replanned)),
    p50Ms: round(median(times)),
    p95Ms: round(percentile(times, 95)),
    roundTrips: last.roundTrips,
    bytes: last.bytes,
    queries,
  };
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
