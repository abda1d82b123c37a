/**
 * `npx tsx bench/transactions.ts [--relationships N] [--requests R] [--concurrency C]`: what one query costs by
 * the way it is sent. The same read (the look-up row's agreement by id with its evidence, ids from the corpus)
 * sent R times, C at a time, as a managed transaction (`driver.executeQuery`: BEGIN, RUN, PULL, then COMMIT,
 * what src/db/database.ts does and what the peer does), the same without the driver's default bookmark manager (which makes every query wait
 * for the bookmark of the one before), and as an auto-commit query (`session.run`: RUN, PULL; with that bookmark manager, as src/db/database.ts
 * reads, and without),
 * interleaved, on the benchmark's imported database: wall time, and CPU per query of this process and of
 * Neo4j (bench/cpu.ts). Read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig, ROOT } from '../src/config';
import { openDatabase } from '../src/db/connect';
import { setLogLevel } from '../src/log';
import { parseArgs } from './args';
import { treeCpuMs } from './cpu';
import { corpusDir } from './generate';
import type { CorpusManifest } from './synthetic/corpus';

const USAGE = 'npx tsx bench/transactions.ts [--relationships N] [--requests R] [--concurrency C]';
const QUERY = `MATCH (a:Agreement {id: $id}) RETURN a.id AS id, a.title AS title, a.evidenceSources AS sources, a.evidenceQuotes AS quotes`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { relationships: 'int', requests: 'int', concurrency: 'int' }, USAGE);
  const relationships = args.int('relationships', 100_000, 1);
  const requests = args.int('requests', 2_000, 1);
  const concurrency = args.int('concurrency', 8, 1);
  setLogLevel('warn');
  const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir(relationships, 1), 'manifest.json'), 'utf8')) as CorpusManifest;
  const ids = manifest.sample.agreements;
  const dataDir = path.resolve(ROOT, process.env.NEO4J_DATA_DIR || '.data/neo4j-bench');
  const password = fs.readFileSync(path.join(dataDir, 'bench-password'), 'utf8').trim();
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: process.env.NEO4J_BOLT_PORT || '7713', NEO4J_PASSWORD: password });
  const connection = await openDatabase(config);
  const local = connection.local!;
  const driver: Driver = neo4j.driver(local.uri, neo4j.auth.basic(local.user, local.password));
  const ways: Record<string, (id: string) => Promise<unknown>> = {
    'managed (executeQuery)': (id) => driver.executeQuery(QUERY, { id }, { database: 'neo4j', routing: neo4j.routing.READ }),
    'managed, no bookmarks': (id) =>
      driver.executeQuery(QUERY, { id }, { database: 'neo4j', routing: neo4j.routing.READ, bookmarkManager: null }),
    'auto-commit, same bookmarks': async (id) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
      try {
        return await session.run(QUERY, { id });
      } finally {
        await session.close();
      }
    },
    'auto-commit (session.run)': async (id) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        return await session.run(QUERY, { id });
      } finally {
        await session.close();
      }
    },
  };
  try {
    for (const round of [1, 2, 3]) {
      for (const [name, send] of Object.entries(ways)) {
        let next = 0;
        const before = { node: process.cpuUsage(), neo4j: treeCpuMs(local.pid) };
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < requests) await send(ids[next++ % ids.length]!);
          }),
        );
        const ms = performance.now() - started;
        const node = process.cpuUsage(before.node);
        const neo = treeCpuMs(local.pid) - before.neo4j;
        console.log(
          `round ${round} ${name.padEnd(27)} ${(requests / (ms / 1000)).toFixed(0).padStart(5)} queries/s, ` +
            `CPU per query: driver ${((node.user + node.system) / 1000 / requests).toFixed(3)} ms, Neo4j ${(neo / requests).toFixed(3)} ms`,
        );
      }
    }
  } finally {
    await driver.close();
    await connection.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench/transactions: ${err.message}\n`);
  process.exit(1);
});
