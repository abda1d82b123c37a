/**
 * `npx tsx bench/alternatives.ts [--relationships N] [--commit DIR]`: times Accords' Cypher for the rows where it
 * trails the peer against rewritten variants, on the benchmark's imported database, so that each suggested
 * change comes with its measured effect. Reads the queries from a snapshot of Accords (bench/out/accords-<commit>,
 * written by `npm run bench`; the newest when --commit is not given). Read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ROOT } from '../src/config';
import { openDatabase } from '../src/db/connect';
import type { Database } from '../src/db/database';
import { setLogLevel } from '../src/log';
import { parseArgs } from './args';
import { BENCH_OUT, corpusDir } from './generate';
import { median, percentile } from './measure';
import type { CorpusManifest } from './synthetic/corpus';

type Params = Record<string, unknown>;

/** Node and relationship maps without the evidence lists: what every list, link and search answer needs. */
const NODE = `{.id, .name, .title, .type, .date, .datePrecision, .dateInferred, .aliases, kind: [l IN labels(m) WHERE l <> 'Entity'][0], degree: COUNT { (m)--() }}`;
const REL = `{.id, .role, .title, .onBehalfOf, .date, .datePrecision, .dateInferred, .asOf, .key, type: type(r), fromId: startNode(r).id, toId: endNode(r).id}`;

/** Times `call` over every parameter set (one warm-up round, then `rounds`): p50, p95, answer size. */
async function time<P>(label: string, params: P[], call: (p: P) => Promise<unknown>, rounds = 2): Promise<void> {
  const ms: number[] = [];
  let bytes = 0;
  for (let round = 0; round < rounds + 1; round++) {
    for (const p of params) {
      const t = process.hrtime.bigint();
      const rows = await call(p);
      const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
      if (round > 0) {
        ms.push(elapsed);
        bytes += Buffer.byteLength(JSON.stringify(rows));
      }
    }
  }
  ms.sort((a, b) => a - b);
  const kib = bytes / (params.length * rounds) / 1024;
  process.stdout.write(`  ${label.padEnd(66)} p50 ${median(ms).toFixed(1).padStart(6)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(6)} ms  ${kib.toFixed(1).padStart(7)} KiB\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { relationships: 'int', seed: 'int', commit: 'string' }, 'npx tsx bench/alternatives.ts [--relationships N]');
  const relationships = args.int('relationships', 100_000, 1);
  const seed = args.int('seed', 1, 0);
  setLogLevel('warn');
  const snapshots = fs.readdirSync(BENCH_OUT).filter((d) => d.startsWith('accords-')).map((d) => path.join(BENCH_OUT, d));
  const snapshot = args.string('commit') ? path.resolve(args.string('commit')!) : snapshots.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!snapshot) throw new Error('no bench/out/accords-<commit> snapshot: run npm run bench first');
  // Accords' own store functions, from the snapshot: "as is" follows whatever the API engineer committed.
  const load = <T>(module: string) => require(path.join(snapshot, 'src/store', module)) as T; // eslint-disable-line @typescript-eslint/no-require-imports
  const store = {
    ...load<{ linksOf(db: Database, q: unknown[]): Promise<unknown> }>('links'),
    ...load<{ nodesByIds(db: Database, ids: string[]): Promise<unknown> }>('nodes'),
    ...load<{ neighbourhood(db: Database, a: unknown): Promise<{ nodes: { id: string }[] } | null> }>('neighbourhood'),
    ...load<{ listNodes(db: Database, kind: string, a: unknown): Promise<unknown> }>('lists'),
    ...load<{ searchNodes(db: Database, text: string, kinds: string[] | null, first: number): Promise<unknown> }>('search'),
  };
  process.stdout.write(`Accords' queries from ${path.basename(snapshot)}\n`);

  const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir(relationships, seed), 'manifest.json'), 'utf8')) as CorpusManifest;
  const dataDir = path.resolve(ROOT, process.env.NEO4J_DATA_DIR || '.data/neo4j-bench');
  const password = fs.readFileSync(path.join(dataDir, 'bench-password'), 'utf8').trim();
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: process.env.NEO4J_BOLT_PORT || '7713', NEO4J_PASSWORD: password });
  const connection = await openDatabase(config);
  const db = connection.db;
  try {
    const agreements = manifest.sample.agreements.slice(0, 30);
    const orgs = manifest.sample.organisations.slice(0, 30);
    const q = (text: string) => (p: Params) => db.read(text, p);
    // The lean variants: one UNWIND over the asked ids, static relationship types, named properties.
    const leanLinks = (types: string) => `UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)<-[r:${types}]-(m:Entity)
  RETURN collect({relationship: r ${REL}, node: m ${NODE}}) AS links
}
RETURN id, links`;

    process.stdout.write('\nagreement2 level 2: parties and signatories of one agreement (one links round-trip)\n');
    const level2 = agreements.map((id) => [
      { id, types: ['PARTY_TO'], direction: 'IN', kinds: null, first: null },
      { id, types: ['SIGNED'], direction: 'IN', kinds: null, first: null },
    ]);
    await time('store linksOf as is (r {.*}, m {.*})', level2, (k) => store.linksOf(db, k));
    await time('lean: static types, named properties (no evidence lists)', agreements, (id) =>
      db.read(leanLinks('PARTY_TO|SIGNED'), { ids: [id] }),
    );
    const onBehalf = await db.read<{ ids: string[] }>(
      'UNWIND $ids AS id MATCH (:Agreement {id: id})<-[s:SIGNED]-() RETURN collect(DISTINCT s.onBehalfOf) AS ids',
      { ids: agreements },
    );
    const orgIds = onBehalf[0]?.ids ?? [];
    await time(`store nodesByIds for onBehalfOf (${orgIds.length} organisations, one ask)`, [orgIds], (ids) => store.nodesByIds(db, ids));
    await time('lean: named properties', [orgIds], (ids) =>
      db.read(`UNWIND $ids AS id MATCH (m:Entity {id: id}) RETURN m ${NODE} AS node`, { ids }),
    );

    process.stdout.write('\nactor3 level 3: parties and signatories of all agreements of one organisation\n');
    const perOrg = await db.read<{ ids: string[] }>(
      'UNWIND $orgs AS o MATCH (:Organisation {id: o})-[:PARTY_TO]->(a) RETURN o, collect(a.id) AS ids',
      { orgs },
    );
    await time(
      'store linksOf as is',
      perOrg.map((r) => r.ids.flatMap((id) => [
        { id, types: ['PARTY_TO'], direction: 'IN', kinds: null, first: null },
        { id, types: ['SIGNED'], direction: 'IN', kinds: null, first: null },
      ])),
      (k) => store.linksOf(db, k),
    );
    await time('lean: static types, named properties', perOrg.map((r) => r.ids), (ids) => db.read(leanLinks('PARTY_TO|SIGNED'), { ids }));

    process.stdout.write('\nneighbourhood of a hub, depth 2, types PARTY_TO and SIGNED, 25 per node\n');
    await time('store neighbourhood as is (2 levels)', manifest.hubs, (id) =>
      store.neighbourhood(db, { id, depth: 2, types: ['PARTY_TO', 'SIGNED'], limit: 500, perNode: 25 }),
    );
    const hoodLean = `UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r:PARTY_TO|SIGNED]-(m:Entity)
  WITH r, m LIMIT toInteger($perNode)
  RETURN collect({relationship: r ${REL}, node: m ${NODE}, typedDegree: COUNT { (m)-[:PARTY_TO|SIGNED]-() }}) AS links
}
RETURN id, COUNT { (n)-[:PARTY_TO|SIGNED]-() } AS typedDegree, links`;
    await time('lean: static types, first 25 unsorted, named properties (2 levels)', manifest.hubs, async (id) => {
      const [one] = await db.read<{ links: { node: { id: string } }[] }>(hoodLean, { frontier: [id], perNode: 25 });
      const two = await db.read(hoodLean, { frontier: (one?.links ?? []).map((l) => l.node.id), perNode: 25 });
      return [one, two];
    });

    process.stdout.write('\nlist: agreements of a type within years, newest first, page of 20 + totalCount\n');
    const lists = Array.from({ length: 20 }, (_, i) => ({
      type: [['convention', 'partnership', 'protocol'][i % 3]],
      dateFrom: String(1996 + (i % 12)),
      dateTo: String(1996 + (i % 12) + 1 + (i % 4)),
    }));
    await time('store listNodes as is', lists, (f) => store.listNodes(db, 'Agreement', { filter: f, order: 'DATE_DESC', first: 20, skip: 0 }));
    const listLean = `MATCH (m:Agreement)
WHERE m.date >= $dateFrom AND m.date <= $dateTo + '~' AND m.type IN $type
WITH m ORDER BY m.date DESC, m.id
WITH collect(m) AS matched
RETURN size(matched) AS totalCount, [m IN matched[toInteger($skip)..toInteger($skip) + toInteger($first)] | m ${NODE}] AS page`;
    await time('lean: one pass, bounds only when given (date range index)', lists.map((f) => ({ ...f, skip: 0, first: 20 })), q(listLean));

    process.stdout.write('\nsearch: a name, one kind, top 10\n');
    const names = manifest.sample.names.slice(0, 30);
    await time('store searchNodes as is (exact^4 OR prefix*^2 OR fuzzy~ per word)', names, (n) => store.searchNodes(db, n.name, [n.kind], 10));
    const plain = (name: string) => name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
    const searchLean = (projection: string) => `CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node AS m, score
WHERE any(l IN labels(m) WHERE l IN $kinds)
WITH m, score ORDER BY score DESC LIMIT toInteger($first)
RETURN score, m ${projection} AS node`;
    const { luceneQuery } = load<{ luceneQuery(text: string): string }>('lucene');
    await time('its Lucene query (fuzzy too), label filter, named properties', names, (n) =>
      db.read(searchLean(NODE), { query: luceneQuery(n.name), kinds: [n.kind], first: 10 }),
    );
    await time('its Lucene query without the fuzzy terms, named properties', names, (n) =>
      db.read(searchLean(NODE), { query: luceneQuery(n.name).replace(/ OR [^ ()]+~\d/g, ''), kinds: [n.kind], first: 10 }),
    );
    await time('plain words, label filter, named properties', names, (n) => db.read(searchLean(NODE), { query: plain(n.name), kinds: [n.kind], first: 10 }));
    await time("the peer's shape: plain words, label filter, id + name", names, (n) => db.read(searchLean('{.id, .name}'), { query: plain(n.name), kinds: [n.kind], first: 10 }));
  } finally {
    await connection.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`alternatives: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
