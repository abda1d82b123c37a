/**
 * Path requests between two actors against a running Accords, one after the other: latency median, p95 and
 * maximum, and how each search ended. The pairs are the benchmark row's (signatories of a synthetic corpus,
 * shuffled with a fixed seed), so a figure here and the `path` row of `npm run bench` measure the same thing.
 *
 *   npx tsx bench/paths.ts --relationships 1000000 --url http://127.0.0.1:4000/graphql [--requests 200]
 *     [--max-length 6] [--query paths|pathSearch] [--exclude-hubs-above N]
 */
import fs from 'node:fs';
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

const manifest = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'out', `corpus-${relationships}-1`, 'manifest.json'), 'utf8'),
) as CorpusManifest;

const pathRow = workload(manifest).find((row) => row.key === 'path')!;
const hubArg = hubs ? `, excludeHubsAbove: ${Number(hubs)}` : '';
const query =
  field === 'paths'
    ? `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: ${maxLength}, first: 1${hubArg}) { length nodes { id label } relationships { type } } }`
    : `query($from: ID!, $to: ID!) { pathSearch(from: $from, to: $to, maxLength: ${maxLength}, first: 1${hubArg}) { outcome expanded searchedLength paths { length nodes { id label } relationships { type } } } }`;

async function main(): Promise<void> {
  const times: number[] = [];
  const outcomes = new Map<string, number>();
  const lengths = new Map<number, number>();
  for (let i = 0; i < requests; i++) {
    const variables = pathRow.variables(i);
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
    times.push(performance.now() - started);
    const answer = body.data?.[field];
    const outcome = body.errors ? `error ${body.errors[0]?.extensions?.code ?? body.errors[0]?.message}` : field === 'paths' ? (answer.length ? 'FOUND' : 'none') : answer.outcome;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const found = field === 'paths' ? answer?.[0] : answer?.paths?.[0];
    if (found) lengths.set(found.length, (lengths.get(found.length) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  process.stdout.write(
    `${field} at ${relationships} relationships, maxLength ${maxLength}${hubs ? `, hubs above ${hubs} excluded` : ''}, ${requests} requests: ` +
      `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms\n` +
      `  outcomes ${JSON.stringify(Object.fromEntries(outcomes))}, path lengths ${JSON.stringify(Object.fromEntries([...lengths].sort((a, b) => a[0] - b[0])))}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
