/**
 * Path requests between two actors against a running Accords, one after the other: latency median, p95 and
 * maximum, and how each search ended. The pairs are the benchmark row's (signatories of a synthetic corpus,
 * shuffled with a fixed seed), so a figure here and the `path` row of `npm run bench` measure the same thing.
 *
 *   npx tsx bench/paths.ts --relationships 1000000 --url http://127.0.0.1:4000/graphql [--requests 200]
 *     [--max-length 6] [--query paths|pathSearch] [--exclude-hubs-above N]
 *     [--neo4j bolt://127.0.0.1:7713 --neo4j-password-file .data/neo4j-bench/password]
 *
 * With --neo4j, the same pairs are then asked of Neo4j's own shortest-path search (`ALL SHORTEST`, unbounded,
 * through the driver, under a 10 s transaction timeout). Neo4j marks a query past its timeout terminated but its
 * shortest-path search does not stop: at 1M relationships such queries ran on for minutes (status "Terminated",
 * still using CPU). So Accords is measured first, Neo4j after, each pair given up on by the client at 10 s, and
 * the report says how many of Neo4j's queries were still running at the end (restart that Neo4j afterwards).
 */
import fs from 'node:fs';
import neo4j from 'neo4j-driver';
import path from 'node:path';
import type { CorpusManifest } from './synthetic/corpus';
import { workload } from './workload';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const relationships = Number(argValue('--relationships') ?? 100_000);
const url = argValue('--url') ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql`;
const requests = Number(argValue('--requests') ?? 200);
const maxLength = Number(argValue('--max-length') ?? 6);
const field = argValue('--query') ?? 'pathSearch';
const hubs = argValue('--exclude-hubs-above');
const neo4jUri = argValue('--neo4j');
const neo4jPasswordFile = argValue('--neo4j-password-file');

/** Neo4j's own answer to the same question: every shortest path within maxLength (tests/api-path-search.test.ts). */
const ALL_SHORTEST = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a) ((x)-[r]-(y) WHERE $hubLimit IS NULL OR y = b OR COUNT { (y)--() } <= $hubLimit){1,${maxLength}} (b)
RETURN length(p) AS length LIMIT 1`;

const manifest = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'out', `corpus-${relationships}-1`, 'manifest.json'), 'utf8'),
) as CorpusManifest;

const pathRow = workload(manifest).find((row) => row.key === 'path')!;
const hubArg = hubs ? `, excludeHubsAbove: ${Number(hubs)}` : '';
const query =
  field === 'paths'
    ? `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: ${maxLength}, first: 1${hubArg}) { length nodes { id label } relationships { type } } }`
    : `query($from: ID!, $to: ID!) { pathSearch(from: $from, to: $to, maxLength: ${maxLength}, first: 1${hubArg}) { outcome expanded searchedLength paths { length nodes { id label } relationships { type } } } }`;

interface Tally {
  times: number[];
  outcomes: Map<string, number>;
  lengths: Map<number, number>;
}

const tally = (): Tally => ({ times: [], outcomes: new Map(), lengths: new Map() });
const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

async function askAccords(variables: Record<string, unknown>, t: Tally): Promise<void> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
  t.times.push(performance.now() - started);
  const answer = body.data?.[field];
  count(t.outcomes, body.errors ? `error ${body.errors[0]?.extensions?.code ?? body.errors[0]?.message}` : field === 'paths' ? (answer.length ? 'FOUND' : 'none') : answer.outcome);
  const found = field === 'paths' ? answer?.[0] : answer?.paths?.[0];
  if (found) count(t.lengths, found.length);
}

const NEO4J_TIMEOUT_MS = 10_000;

async function askNeo4j(driver: ReturnType<typeof neo4j.driver>, variables: Record<string, unknown>, t: Tally): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), NEO4J_TIMEOUT_MS)));
  try {
    const run = session.executeRead((tx) => tx.run(ALL_SHORTEST, { ...variables, hubLimit: hubs ? neo4j.int(Number(hubs)) : null }), { timeout: NEO4J_TIMEOUT_MS });
    run.catch(() => undefined);
    const rows = await Promise.race([run, deadline]);
    if (rows === 'timeout') {
      count(t.outcomes, 'timeout (10 s)');
      return;
    }
    const first = rows.records[0];
    count(t.outcomes, first ? 'FOUND' : 'none');
    if (first) count(t.lengths, Number(first.get('length')));
  } catch (err) {
    count(t.outcomes, `error ${(err as { code?: string }).code ?? (err as Error).message}`);
  } finally {
    clearTimeout(timer);
    t.times.push(performance.now() - started);
    void session.close().catch(() => undefined);
  }
}

/** Neo4j's path queries still running, terminated or not: the work a timeout did not stop. */
async function stillRunning(driver: ReturnType<typeof neo4j.driver>): Promise<string> {
  const { records } = await driver.executeQuery(
    "SHOW TRANSACTIONS YIELD currentQuery, elapsedTime, status WHERE currentQuery CONTAINS 'ALL SHORTEST' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n, max(elapsedTime.seconds) AS longest, collect(DISTINCT status)[0] AS status",
  );
  const r = records[0]!;
  return `  still running in Neo4j after the run: ${r.get('n')} of its path queries (longest ${r.get('longest') ?? 0} s, status ${r.get('status') ?? '-'})\n`;
}

function report(label: string, t: Tally): string {
  const times = [...t.times].sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return (
    `${label} at ${relationships} relationships, maxLength ${maxLength}${hubs ? `, hubs above ${hubs} excluded` : ''}, ${times.length} requests: ` +
    `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms\n` +
    `  outcomes ${JSON.stringify(Object.fromEntries(t.outcomes))}, path lengths ${JSON.stringify(Object.fromEntries([...t.lengths].sort((a, b) => a[0] - b[0])))}\n`
  );
}

async function main(): Promise<void> {
  const accords = tally();
  const own = tally();
  const driver = neo4jUri
    ? neo4j.driver(neo4jUri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', neo4jPasswordFile ? fs.readFileSync(neo4jPasswordFile, 'utf8').trim() : (process.env.NEO4J_PASSWORD ?? '')))
    : null;
  for (let i = 0; i < requests; i++) await askAccords(pathRow.variables(i), accords);
  if (driver) {
    for (let i = 0; i < requests; i++) {
      await askNeo4j(driver, pathRow.variables(i), own);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`${i} neo4j ${own.times.at(-1)?.toFixed(0)} ms\n`);
    }
  }
  process.stdout.write(report(field, accords));
  if (driver) process.stdout.write(report("Neo4j's ALL SHORTEST (driver, 10 s timeout)", own) + (await stillRunning(driver)));
  await driver?.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
