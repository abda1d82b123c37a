/** Scratch: PROFILE a dumped query text (first block of a dump file) and print its costliest operators. */
import fs from 'node:fs';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { startLocalNeo4j } from '../src/db/launcher';

async function main() {
  const [head, ...rest] = fs.readFileSync(process.argv[2]!, 'utf8').split('\n\n')[0]!.split('\n');
  const params = JSON.parse(head!.split(' ').slice(2).join(' '));
  const text = rest.join('\n');
  const config = loadConfig();
  const local = await startLocalNeo4j(config.local, config.neo4jPassword);
  const driver = neo4j.driver(local.uri, neo4j.auth.basic(local.user, local.password));
  try {
    for (let i = 0; i < 3; i++) await driver.executeQuery(text, params);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); await driver.executeQuery(text, params); times.push(performance.now() - t); }
    console.log('exec ms', times.map(Math.round));
    const res = await driver.executeQuery(`PROFILE ${text}`, params);
    const ops: Array<[string, number, number, string]> = [];
    const walk = (p: any, depth: number) => {
      ops.push([`${' '.repeat(depth)}${p.operatorType}`, Number(p.dbHits), Number(p.rows), String(p.arguments?.Details ?? '').slice(0, 110)]);
      (p.children ?? []).forEach((c: any) => walk(c, depth + 1));
    };
    walk(res.summary.profile, 0);
    console.log('total dbHits', ops.reduce((s, o) => s + o[1], 0));
    for (const o of ops) if (o[1] > 300 || Number(process.env.ALL)) console.log(o.join(' | '));
  } finally {
    await driver.close();
    await local.stop();
  }
}
main();
