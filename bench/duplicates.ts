/**
 * `npx tsx bench/duplicates.ts [--runs K] [--kinds Organisation,Person]`: times duplicate candidates over the
 * database of NEO4J_DATA_DIR (after `npm run bench -- --relationships N --import-only`), as the API computes
 * them (src/merges/candidates.ts): K runs after one warm-up, median and spread, and what was found.
 */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/connect';
import { applySchema } from '../src/db/schema';
import { setLogLevel } from '../src/log';
import { duplicateCandidates } from '../src/merges/candidates';
import type { NodeKindName } from '../src/model/model';
import { parseArgs } from './args';
import { median, percentile } from './measure';

async function main() {
  setLogLevel('warn');
  const args = parseArgs(process.argv.slice(2), { runs: 'int', kinds: 'string' }, 'npx tsx bench/duplicates.ts [--runs K] [--kinds A,B]');
  const runs = args.int('runs', 7, 1);
  const kinds = (args.string('kinds') ?? 'Organisation,Person').split(',') as NodeKindName[];
  const { db, close } = await openDatabase(loadConfig());
  try {
    await applySchema(db);
    const [size] = await db.read<{ nodes: number; relationships: number }>(
      'CALL () { MATCH (n:Entity) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    const [named] = await db.read<{ n: number }>('UNWIND $kinds AS k MATCH (n:$(k)) RETURN count(n) AS n', { kinds }).then((r) => [{ n: r.reduce((s, x) => s + x.n, 0) }]);
    await duplicateCandidates(db, kinds, null); // warm-up: plans and page cache
    const times: number[] = [];
    const parts: Record<string, number> = {};
    let found = 0;
    let top: unknown[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const c = await duplicateCandidates(db, kinds, null, parts);
      times.push(performance.now() - t);
      found = c.length;
      top = c.slice(0, 3).map((x) => ({ a: x.a, b: x.b, score: x.score, reasons: x.reasons.map((r) => r.code) }));
    }
    const nodeT: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await duplicateCandidates(db, kinds, (top[0] as { a: string } | undefined)?.a ?? null);
      nodeT.push(performance.now() - t);
    }
    process.stdout.write(
      JSON.stringify(
        {
          graph: size,
          namedNodesOfKinds: named?.n,
          kinds,
          runs,
          candidates: found,
          allMedianMs: Math.round(median(times)),
          allP95Ms: Math.round(percentile([...times].sort((x, y) => x - y), 95)),
          allMs: times.map(Math.round),
          meanMsByPart: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v / runs)])),
          forOneNodeMedianMs: Math.round(median(nodeT)),
          top,
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await close();
  }
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
