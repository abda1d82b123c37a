/**
 * Write latency and throughput against a running Accords (npm start), as editors would write:
 *
 *   npm run token -- create --role editor --name bench
 *   npx tsx bench/writes.ts --url http://127.0.0.1:4000/graphql --token acc_… [--sequential 200] [--editors 8] [--per-editor 50]
 *
 * Adds one document (examples/writes/document.txt, recognised if already there), then:
 *  1. `--sequential` writes one after the other: each a createNode with its evidence (the quote checked
 *     against the stored text, the change logged): median and p95 latency;
 *  2. `--editors` concurrent editors each making `--per-editor` writes (creates, then corrections of what
 *     they created against its version): writes per second, median and p95 latency under that load.
 * Every node it makes is an Event `evt-bench-<run>-…`: run it against a scratch instance (NEO4J_DATA_DIR).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args';

const USAGE = 'npx tsx bench/writes.ts --url URL --token TOKEN [--sequential 200] [--editors 8] [--per-editor 50]';
const args = parseArgs(process.argv.slice(2), { url: 'string', token: 'string', sequential: 'int', editors: 'int', 'per-editor': 'int' }, USAGE);
const url = args.string('url') ?? 'http://127.0.0.1:4000/graphql';
const token = args.string('token');
if (!token) throw new Error(`--token is required; usage: ${USAGE}`);
const sequential = args.int('sequential', 200, 1);
const editors = args.int('editors', 8, 1);
const perEditor = args.int('per-editor', 50, 2);

const TEXT = fs.readFileSync(path.join(__dirname, '..', 'examples', 'writes', 'document.txt'), 'utf8');
const QUOTE = 'ont signé le 12 mars 2008 une convention de partenariat';
const CREATE = 'mutation($input: CreateNodeInput!) { createNode(input: $input) { id version } }';
const UPDATE = 'mutation($input: UpdateInput!) { updateNode(input: $input) { version } }';
const run = Date.now().toString(36);

async function gql(query: string, variables: Record<string, unknown>): Promise<{ ms: number; data: any }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
  const ms = performance.now() - started;
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return { ms, data: body.data };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const summary = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, medianMs: +quantile(s, 0.5).toFixed(1), p95Ms: +quantile(s, 0.95).toFixed(1) };
};

async function main(): Promise<void> {
  const source = (await gql('mutation($text: String!) { addSource(input: { text: $text, title: "Bench document" }) { source { id } } }', { text: TEXT })).data
    .addSource.source.id as string;
  const create = (id: string) =>
    gql(CREATE, { input: { kind: 'Event', id, fields: { name: `Bench ${id}`, date: '2008-03-12' }, evidence: [{ sourceId: source, quote: QUOTE }] } });

  // Warm-up: query plans, connections.
  for (let i = 0; i < 10; i++) await create(`evt-bench-${run}-warm-${i}`);

  const seq: number[] = [];
  for (let i = 0; i < sequential; i++) seq.push((await create(`evt-bench-${run}-seq-${i}`)).ms);

  const concurrent: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: editors }, async (_, e) => {
      const mine: Array<{ id: string; version: number }> = [];
      for (let i = 0; i < perEditor; i++) {
        if (i % 2 === 0 || !mine.length) {
          const r = await create(`evt-bench-${run}-e${e}-${i}`);
          concurrent.push(r.ms);
          mine.push({ id: r.data.createNode.id, version: 1 });
        } else {
          const fact = mine[mine.length - 1]!;
          const r = await gql(UPDATE, {
            input: { id: fact.id, version: fact.version, set: { date: '2008-03-13' }, evidence: [{ sourceId: source, quote: QUOTE }] },
          });
          concurrent.push(r.ms);
          fact.version = r.data.updateNode.version;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const out = {
    url,
    sequential: summary(seq),
    concurrent: { editors, ...summary(concurrent), writesPerSecond: +(concurrent.length / seconds).toFixed(1) },
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((err: Error) => {
  process.stderr.write(`bench/writes: ${err.message}\n`);
  process.exit(1);
});
