/**
 * `npx tsx bench/profile.ts [--relationships N] [--seed S] [--row KEY] [--requests R]`: for each workload row,
 * the Cypher both servers run for one request, each query timed as run, then PROFILEd (db hits, rows,
 * the operators doing most of the work, and how many bytes of records came back). Runs both GraphQL layers
 * in-process over the benchmark's Neo4j, which `npm run bench` left imported (NEO4J_DATA_DIR, default
 * .data/neo4j-bench). Read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver, QueryResult } from 'neo4j-driver';
import { loadConfig, ROOT } from '../src/config';
import { openDatabase } from '../src/db/connect';
import { createContext } from '../src/graphql/context';
import { createApollo } from '../src/graphql/server';
import { setLogLevel } from '../src/log';
import { ApolloServer } from '@apollo/server';
import { parseArgs } from './args';
import { summarisePlan, type PlanNode } from './plans';
import { corpusDir } from './generate';
import { peerTypeDefs } from './peer/server';
import type { CorpusManifest } from './synthetic/corpus';
import { workload } from './workload';

interface Profiled {
  query: string;
  ms: number;
  records: number;
  bytes: number;
  dbHits: number;
  rows: number;
  top: string[];
}

const withProfile = (query: string) => {
  const m = /^(\s*CYPHER[^\n]*\n)/.exec(query);
  return m ? `${m[1]}PROFILE ${query.slice(m[1]!.length)}` : `PROFILE ${query}`;
};

const bytesOf = (res: QueryResult) => Buffer.byteLength(JSON.stringify(res.records.map((r) => r.toObject()), (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));

/** Times each query as it runs, then runs it again under PROFILE (reads only, so running twice is harmless). */
async function profiled(run: (q: string) => Promise<QueryResult>, query: string, sink: Profiled[]): Promise<QueryResult> {
  const t = process.hrtime.bigint();
  const res = await run(query);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const prof = await run(withProfile(query));
  const { dbHits, top } = summarisePlan(prof.summary.profile as unknown as PlanNode);
  sink.push({ query, ms, records: res.records.length, bytes: bytesOf(res), dbHits, rows: Number((prof.summary.profile as unknown as PlanNode).rows), top });
  return res;
}

/** A driver whose read transactions record every query (the peer runs its Cypher through executeRead). */
function recordingDriver(driver: Driver, sink: () => Profiled[]): Driver {
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<Driver['session']>) => {
        const session = target.session(...args);
        return new Proxy(session, {
          get(s, p) {
            if (p === 'executeRead') {
              return (work: (tx: any) => unknown, config?: unknown) =>
                s.executeRead(
                  (tx) =>
                    work({
                      run: (q: string, params: Record<string, unknown>) =>
                        profiled((text) => tx.run(text, params) as unknown as Promise<QueryResult>, q, sink()),
                    }),
                  config as never,
                );
            }
            const v = Reflect.get(s, p);
            return typeof v === 'function' ? v.bind(s) : v;
          },
        });
      };
    },
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { relationships: 'int', seed: 'int', row: 'string', requests: 'int' }, 'npx tsx bench/profile.ts [--relationships N] [--row KEY]');
  const relationships = args.int('relationships', 100_000, 1);
  const seed = args.int('seed', 1, 0);
  const requests = args.int('requests', 3, 1);
  setLogLevel('warn');
  const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir(relationships, seed), 'manifest.json'), 'utf8')) as CorpusManifest;
  const dataDir = path.resolve(ROOT, process.env.NEO4J_DATA_DIR || '.data/neo4j-bench');
  const password = fs.readFileSync(path.join(dataDir, 'bench-password'), 'utf8').trim();
  // NEO4J_URI: a benchmark Neo4j already running (e.g. left up for A/B runs); otherwise the launcher starts it.
  const config = loadConfig({ ...process.env, NEO4J_URI: process.env.NEO4J_URI ?? '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: process.env.NEO4J_BOLT_PORT || '7713', NEO4J_PASSWORD: password });
  const connection = await openDatabase(config);
  try {
    const db = connection.db;
    let current: Profiled[] = [];
    // Accords: writes go through driver.executeQuery, reads are auto-commit queries (session.run).
    const driver = db.driver as Driver & { executeQuery: Driver['executeQuery'] };
    const original = driver.executeQuery.bind(driver);
    (driver as any).executeQuery = (q: string, params: Record<string, unknown>, cfg: unknown) =>
      profiled((text) => original(text, params, cfg as never) as Promise<QueryResult>, q, current);
    const openSession = driver.session.bind(driver);
    (driver as any).session = (...args: Parameters<Driver['session']>) => {
      const session = openSession(...args);
      const run = session.run.bind(session);
      (session as any).run = (q: string, params: Record<string, unknown>, cfg: unknown) =>
        profiled((text) => run(text, params, cfg as never) as unknown as Promise<QueryResult>, q, current);
      return session;
    };
    const accords = createApollo();
    await accords.start();
    const peerSchema = await new Neo4jGraphQL({
      typeDefs: peerTypeDefs(),
      driver: recordingDriver(db.driver, () => current),
      features: { filters: { String: { GTE: true, LT: true, LTE: true, GT: true } } },
    }).getSchema();
    const peer = new ApolloServer({ schema: peerSchema });
    await peer.start();

    for (const row of workload(manifest)) {
      if (args.string('row') && args.string('row') !== row.key) continue;
      for (let i = 0; i < requests; i++) {
        const v = row.variables(i);
        const variables = Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('_')));
        for (const side of ['accords', 'peer'] as const) {
          const query = side === 'accords' ? row.accords : row.peer;
          if (!query) continue;
          current = [];
          const t = process.hrtime.bigint();
          const res =
            side === 'accords'
              ? await accords.executeOperation({ query, variables }, { contextValue: createContext(db) })
              : await peer.executeOperation({ query, variables: row.peerVariables ? row.peerVariables(v) : variables });
          const ms = Number(process.hrtime.bigint() - t) / 1e6;
          const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
          const errors = body?.errors?.map((e) => e.message).join('; ');
          const size = Buffer.byteLength(JSON.stringify(body?.data ?? null));
          process.stdout.write(
            `\n=== ${row.key} #${i + 1} ${side}: ${current.length} queries, ${ms.toFixed(1)} ms in all (queries run twice: timed, then PROFILE), answer ${size} bytes${errors ? `, ERRORS: ${errors}` : ''}\n`,
          );
          for (const p of current) {
            const first = p.query.split('\n').find((l) => l.trim() && !l.trim().startsWith('//'))?.trim().slice(0, 100);
            process.stdout.write(
              `  - ${p.ms.toFixed(1)} ms, ${p.records} records, ${(p.bytes / 1024).toFixed(1)} KiB, ${p.dbHits} db hits :: ${first}\n` +
                p.top.map((t) => `      ${t}\n`).join(''),
            );
          }
        }
      }
    }
    await accords.stop();
    await peer.stop();
  } finally {
    await connection.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`profile: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
