/**
 * Median latency of each example operation over HTTP, as a client sees it:
 *   npx tsx scripts/measure-examples.ts [--url http://127.0.0.1:4000/graphql] [--runs 30] [--warmup 5]
 * Runs every examples/*.graphql sequentially against a running Accords, after a warm-up, and prints one row per
 * example: median and p95 in milliseconds, and the database round-trips the server reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/config';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const url = option('url', 'http://127.0.0.1:4000/graphql');
const runs = Number(option('runs', '30'));
const warmup = Number(option('warmup', '5'));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function post(query: string): Promise<{ ms: number; trips: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: Array<{ message: string }>; extensions?: { cost?: { databaseRoundTrips?: number } } };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return { ms, trips: body.extensions?.cost?.databaseRoundTrips ?? -1 };
}

async function main(): Promise<void> {
  const dir = path.join(ROOT, 'examples');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  const rows: Array<{ example: string; medianMs: number; p95Ms: number; roundTrips: number }> = [];
  for (const file of files) {
    const query = fs.readFileSync(path.join(dir, file), 'utf8');
    for (let i = 0; i < warmup; i++) await post(query);
    const times: number[] = [];
    let trips = 0;
    for (let i = 0; i < runs; i++) {
      const r = await post(query);
      times.push(r.ms);
      trips = r.trips;
    }
    times.sort((a, b) => a - b);
    rows.push({ example: file.replace(/\.graphql$/, ''), medianMs: +quantile(times, 0.5).toFixed(1), p95Ms: +quantile(times, 0.95).toFixed(1), roundTrips: trips });
  }
  const width = Math.max(...rows.map((r) => r.example.length));
  process.stdout.write(`| ${'example'.padEnd(width)} | median ms | p95 ms | round-trips |\n| ${'-'.repeat(width)} | --: | --: | --: |\n`);
  for (const r of rows) {
    process.stdout.write(`| ${r.example.padEnd(width)} | ${String(r.medianMs).padStart(9)} | ${String(r.p95Ms).padStart(6)} | ${String(r.roundTrips).padStart(11)} |\n`);
  }
  process.stdout.write(`\n${runs} runs each after ${warmup} warm-up runs, sequential, against ${url}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`measure-examples: ${err.message}\n`);
  process.exit(1);
});
