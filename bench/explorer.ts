/**
 * `npm run bench:explorer -- [--data-dir DIR] [--hub ID] [--runs K] [--requests R] [--label NAME] [--no-warmup]`
 *
 * Where users are: starts Accords fresh (`src/main.ts`, with its own Neo4j on NEO4J_BOLT_PORT over DIR, default
 * the usual .data/neo4j, so the corpus; a benchmark database made by `npm run bench -- --import-only` works too),
 * then opens the explorer in headless Chromium on the biggest hub (`/?expanded=<id>&selected=<id>`) and times
 * page open → panel ready (the node's details drawn): the first page after "ready" (cold), then the median of
 * K more in fresh tabs (warm). Then the explorer's details request alone, R times: p50/p95, bytes and database
 * round-trips (`extensions.cost.databaseRoundTrips`). `--no-warmup` starts without the start's warm-up
 * (src/warmup.ts), to see what it saves. Prints one JSON object and writes bench/out/explorer-<label>.json.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/config';
import { launchBrowser } from '../tests/support/browser';
import { detailVariables, neighbourhoodVariables, PER_NODE, QUERIES } from '../web/src/queries';
import { parseArgs, UsageError } from './args';
import { BENCH_OUT } from './generate';
import { median, percentile } from './measure';

const USAGE = 'npm run bench:explorer -- [--data-dir DIR] [--hub ID] [--runs K] [--requests R] [--label NAME] [--no-warmup]';
const log = (line: string) => process.stderr.write(`bench:explorer: ${line}\n`);

/** Starts `npm start`'s program and resolves with its URL once it logs "accords ready". */
function startAccords(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; readyMs: number; lines: string[] }> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        const event = safeJson(line);
        if (event?.msg === 'accords ready') resolve({ child, url: String(event.explorer).replace(/\/$/, ''), readyMs: Date.now() - started, lines });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Accords exited with ${code} before ready:\n${lines.slice(-10).join('\n')}`)));
  });
}

function safeJson(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function gql(url: string, query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as { data?: any; errors?: unknown[]; extensions?: { cost?: { databaseRoundTrips?: number } } };
  if (body.errors) throw new Error(`request failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return { ms, bytes: Buffer.byteLength(text), roundTrips: body.extensions?.cost?.databaseRoundTrips ?? null, data: body.data };
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const args = parseArgs(
    process.argv.slice(2),
    { 'data-dir': 'string', hub: 'string', runs: 'int', requests: 'int', label: 'string', 'no-warmup': 'flag' },
    USAGE,
  );
  const runs = args.int('runs', 7, 1);
  const requests = args.int('requests', 30, 1);
  const dataDir = args.string('data-dir');
  const env: NodeJS.ProcessEnv = { ...process.env, ACCORDS_LOG_LEVEL: process.env.ACCORDS_LOG_LEVEL ?? 'info' };
  if (dataDir) {
    env.NEO4J_DATA_DIR = path.resolve(ROOT, dataDir);
    // A benchmark database keeps its password beside its data (bench/run.ts).
    const passwordFile = path.join(env.NEO4J_DATA_DIR, 'bench-password');
    if (fs.existsSync(passwordFile)) env.NEO4J_PASSWORD = fs.readFileSync(passwordFile, 'utf8').trim();
  }
  if (args.flag('no-warmup')) env.ACCORDS_WARMUP_WAIT_MS = '0';
  const label = args.string('label') ?? (dataDir ? path.basename(dataDir) : 'corpus');

  let accords: ChildProcess | undefined;
  const browser = await launchBrowser();
  try {
    log(`starting Accords (${dataDir ?? 'default data'})`);
    const started = await startAccords(env);
    accords = started.child;
    const url = started.url;
    log(`ready in ${started.readyMs} ms at ${url}`);

    // The hub is known before the page opens, by an id only (no request that would plan anything).
    const hub = args.string('hub') ?? (await biggestHub(url));
    const kind = 'Organisation';
    const pageUrl = `${url}/?expanded=${encodeURIComponent(hub)}&selected=${encodeURIComponent(hub)}`;

    const openPage = async () => {
      const page = await browser.context.newPage();
      const operations: Array<{ name: string; ms: number }> = [];
      page.on('requestfinished', (r) => {
        const name = /^\s*query (\w+)/.exec(r.postData() ?? '')?.[1];
        const t = r.timing();
        if (name) operations.push({ name, ms: round(t.responseEnd) });
      });
      const t0 = performance.now();
      await page.goto(pageUrl);
      try {
        await page.locator(`#panel header.panel-head[data-node="${hub}"]`).waitFor({ timeout: 120_000 });
      } catch (err) {
        const panel = await page.locator('#panel').textContent().catch(() => '');
        throw new Error(`the panel did not show ${hub}: "${panel?.slice(0, 300)}"; requests: ${JSON.stringify(operations)}`, { cause: err });
      }
      const ms = performance.now() - t0;
      await page.close();
      return { ms: round(ms), operations };
    };

    const cold = await openPage();
    log(`cold page → panel: ${cold.ms} ms ${JSON.stringify(cold.operations)}`);
    const warmRuns: number[] = [];
    for (let i = 0; i < runs; i++) warmRuns.push((await openPage()).ms);
    warmRuns.sort((a, b) => a - b);

    const detail = QUERIES[`${kind}Detail`]!;
    const timings: number[] = [];
    let last: Awaited<ReturnType<typeof gql>> | undefined;
    for (let i = 0; i < requests; i++) {
      last = await gql(url, detail, detailVariables(hub, kind));
      timings.push(last.ms);
    }
    timings.sort((a, b) => a - b);
    const hood = await gql(url, QUERIES.Neighbourhood!, neighbourhoodVariables(hub, PER_NODE));
    const degree = (await gql(url, `query ($id: ID!) { node(id: $id) { degree } }`, { id: hub })).data.node.degree as number;
    const warmUpLine = started.lines.map(safeJson).find((e) => e?.msg === 'warm-up done') ?? null;

    const result = {
      date: new Date().toISOString(),
      label,
      hub,
      hubDegree: degree,
      warmUp: !args.flag('no-warmup'),
      startToReadyMs: started.readyMs,
      warmUpReport: warmUpLine,
      pageToPanel: { coldMs: cold.ms, coldOperations: cold.operations, warmMedianMs: median(warmRuns), warmRunsMs: warmRuns },
      detailsRequest: {
        operation: `${kind}Detail`,
        p50Ms: round(median(timings)),
        p95Ms: round(percentile(timings, 95)),
        bytes: last!.bytes,
        databaseRoundTrips: last!.roundTrips,
        requests,
      },
      neighbourhoodRequest: { ms: round(hood.ms), bytes: hood.bytes, databaseRoundTrips: hood.roundTrips },
    };
    fs.mkdirSync(BENCH_OUT, { recursive: true });
    const out = path.join(BENCH_OUT, `explorer-${label}${args.flag('no-warmup') ? '-no-warmup' : ''}.json`);
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    log(`wrote ${path.relative(ROOT, out)}`);
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } finally {
    await browser.close();
    await stop(accords);
  }
}

/** The organisation with most agreements (the explorer's usual first hub). */
async function biggestHub(url: string): Promise<string> {
  const res = await gql(url, `{ organisations(orderBy: AGREEMENTS_DESC, first: 1) { nodes { id } } }`, {});
  const id = res.data.organisations.nodes[0]?.id as string | undefined;
  if (!id) throw new Error('the database holds no organisation');
  return id;
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) log(err.message);
  else log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
