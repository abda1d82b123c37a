/**
 * `npm run fault -- [--clients 50] [--seconds 120] [--kill-at 60]`: starts Accords as `npm start` does (its own
 * Neo4j, data folder .data/neo4j-fault-run, free ports), keeps N clients asking for the whole run, kills Neo4j
 * with SIGKILL in the middle, and reports what the clients saw: answers by status and code, the time from the
 * kill to the first coded error, the time until service was whole again, and the answers without a code (must
 * be 0). A script, not a test: it runs for minutes and its figures go in notes.
 */
import path from 'node:path';
import { startAccordsProcess } from './accords-process';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 120);
const KILL_AT = arg('kill-at', SECONDS / 2);

/** A mix like the explorer's: a list with nested parties, a search, a node by id. */
const QUERIES = [
  '{ agreements(first: 5) { totalCount nodes { id title parties { organisation { name } } } } }',
  '{ search(text: "Paris", first: 5) { score node { id } } }',
  '{ node(id: "org-microsoft") { id ... on Organisation { name } } }',
];

interface Outcome {
  start: number;
  end: number;
  status: number;
  code?: string;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function main(): Promise<void> {
  const dataDir = path.resolve(__dirname, '..', '.data', 'neo4j-fault-run');
  process.stderr.write(`fault run: starting Accords (data ${dataDir})\n`);
  const accords = await startAccordsProcess({ dataDir });
  // Every query of the mix must succeed before the fault: a typo would count as an outage.
  for (const query of QUERIES) {
    const res = await fetch(`${accords.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (res.status !== 200 || body.errors) {
      accords.child.kill('SIGTERM');
      throw new Error(`the query ${query} fails before any fault: ${JSON.stringify(body)}`);
    }
  }
  const outcomes: Outcome[] = [];
  const t0 = Date.now();
  const stopAt = t0 + SECONDS * 1000;
  let killedAt = 0;

  const client = async (n: number) => {
    for (let i = n; Date.now() < stopAt; i++) {
      const start = Date.now();
      let status = 0;
      let code: string | undefined;
      try {
        const res = await fetch(`${accords.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERIES[i % QUERIES.length] }),
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        code = body.errors?.[0]?.extensions?.code;
      } catch (err) {
        code = undefined;
        status = 0;
        process.stderr.write(`no answer: ${(err as Error).message}\n`);
      }
      outcomes.push({ start, end: Date.now(), status, code });
      // A client that failed waits a little, as real clients back off.
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
  };
  const killer = (async () => {
    await new Promise((r) => setTimeout(r, KILL_AT * 1000));
    const pid = accords.neo4jPid();
    if (!pid) throw new Error('no Neo4j pid to kill');
    killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    process.stderr.write(`fault run: killed Neo4j (pid ${pid}) at ${((killedAt - t0) / 1000).toFixed(1)} s\n`);
  })();
  await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), killer]);

  accords.child.kill('SIGTERM');
  const exitCode = await accords.exited;

  const byOutcome = new Map<string, number>();
  for (const o of outcomes) {
    const key = o.status === 200 && !o.code ? '200 ok' : `${o.status} ${o.code ?? '(no code)'}`;
    byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
  }
  const failures = outcomes.filter((o) => o.status !== 200 || o.code);
  const afterKill = outcomes.filter((o) => o.end >= killedAt);
  const firstCoded = afterKill.filter((o) => o.code).sort((a, b) => a.end - b.end)[0];
  const lastFailure = failures.sort((a, b) => a.end - b.end).at(-1);
  const restarted = accords.lines.find((l) => l.msg === 'neo4j restarted');
  const uncoded = outcomes.filter((o) => o.status !== 200 && !o.code).length;
  const okLatency = (from: number, to: number) =>
    outcomes.filter((o) => o.status === 200 && !o.code && o.start >= from && o.end < to).map((o) => o.end - o.start);
  const before = okLatency(t0, killedAt);
  const after = okLatency(lastFailure ? lastFailure.end : killedAt, stopAt);
  const report = {
    clients: CLIENTS,
    seconds: SECONDS,
    answered: outcomes.length,
    byOutcome: Object.fromEntries([...byOutcome].sort()),
    answersWithoutCode: uncoded,
    msFromKillToFirstCodedError: firstCoded ? firstCoded.end - killedAt : null,
    maxMsOfAFailedRequest: failures.length ? Math.max(...failures.map((o) => o.end - o.start)) : 0,
    msFromKillToNeo4jRestarted: restarted ? Date.parse(String(restarted.time)) - killedAt : null,
    msFromKillToFullService: lastFailure ? lastFailure.end - killedAt : 0,
    okLatencyMs: {
      beforeKill: { p50: quantile(before, 0.5), p95: quantile(before, 0.95), n: before.length },
      afterRecovery: { p50: quantile(after, 0.5), p95: quantile(after, 0.95), n: after.length },
    },
    // What the clients saw, 5 s at a time from the kill: ok / unavailable / timeout.
    afterKillBy5s: (() => {
      const slots: Record<string, string> = {};
      for (let from = 0; killedAt + from < stopAt; from += 5_000) {
        const slot = outcomes.filter((o) => o.end >= killedAt + from && o.end < killedAt + from + 5_000);
        const count = (f: (o: Outcome) => boolean) => slot.filter(f).length;
        slots[`+${from / 1000}s`] = `${count((o) => o.status === 200 && !o.code)} ok / ${count((o) => o.code === 'DATABASE_UNAVAILABLE')} unavailable / ${count((o) => o.code === 'DATABASE_TIMEOUT')} timeout`;
      }
      return slots;
    })(),
    breakerOpenings: accords.lines.filter((l) => l.msg === 'database unavailable').length,
    accordsExitCode: exitCode,
    neo4jLeftRunning: accords.neo4jPid() !== undefined,
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  if (uncoded > 0 || exitCode !== 0) process.exitCode = 1;
}

main().catch((err: Error) => {
  process.stderr.write(`fault run failed: ${err.message}\n`);
  process.exit(1);
});
