/**
 * Does an acknowledged write survive a SIGKILL of Neo4j right after it?
 *
 *   npx tsx bench/durability.ts [--bolt-port 7732] [--writes 40]
 *
 * Starts a Neo4j of its own (a fresh folder, .data/neo4j-durability) and Accords over it, has 4 editors
 * write concurrently (each write with its evidence, acknowledged over HTTP), kills Neo4j with SIGKILL the
 * moment the last acknowledgment arrives (others still in flight), starts it again on the same folder and
 * checks that every acknowledged fact and its change-log entry are there. Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createToken } from '../src/auth/tokens';
import { ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/launcher';
import { applySchema } from '../src/db/schema';
import { setLogLevel } from '../src/log';
import { startApp } from '../src/server/http';
import { parseArgs } from './args';

const USAGE = 'npx tsx bench/durability.ts [--bolt-port 7732] [--writes 40]';
const args = parseArgs(process.argv.slice(2), { 'bolt-port': 'int', writes: 'int' }, USAGE);
const boltPort = args.int('bolt-port', 7732, 1);
const writes = args.int('writes', 40, 4);
const dataDir = path.join(ROOT, '.data', 'neo4j-durability');
const local = { boltPort, dataDir, heap: '1g', pageCache: '256m', startTimeoutMs: 180_000, restartAttempts: 0, restartBackoffMs: 1000 };
const TEXT = fs.readFileSync(path.join(ROOT, 'examples', 'writes', 'document.txt'), 'utf8');
const QUOTE = 'ont signé le 12 mars 2008 une convention de partenariat';

async function connect(neo4j: LocalNeo4j): Promise<Database> {
  return Database.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' });
}

async function main(): Promise<void> {
  setLogLevel('warn');
  fs.rmSync(dataDir, { recursive: true, force: true });
  let neo4j = await startLocalNeo4j(local);
  let db = await connect(neo4j);
  await applySchema(db);
  const app = await startApp({ db, host: '127.0.0.1', port: 0 });
  const { secret } = await createToken(db, 'editor', 'durability', 'bench');
  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  };
  const source = (await post('mutation($t: String!) { addSource(input: { text: $t, title: "d" }) { source { id } } }', { t: TEXT })).data.addSource.source.id;

  const acknowledged: string[] = [];
  let killedAt = -1;
  const editor = async (e: number) => {
    for (let i = 0; killedAt < 0; i++) {
      const id = `evt-durable-${e}-${i}`;
      const res = await post('mutation($input: CreateNodeInput!) { createNode(input: $input) { id change { seq } } }', {
        input: { kind: 'Event', id, fields: { name: id }, evidence: [{ sourceId: source, quote: QUOTE }] },
      }).catch(() => null);
      if (!res?.data?.createNode) return; // Neo4j is gone: this write was never acknowledged
      acknowledged.push(id);
      if (acknowledged.length === writes && killedAt < 0) {
        // Right after the acknowledgment, while the other editors' writes are in flight.
        process.kill(neo4j.pid, 'SIGKILL');
        killedAt = Date.now();
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(editor));
  await app.close();
  await db.close().catch(() => undefined);
  await neo4j.stop().catch(() => undefined);

  neo4j = await startLocalNeo4j(local);
  db = await connect(neo4j);
  const found = await db.read<{ id: string; logged: boolean }>(
    'UNWIND $ids AS id OPTIONAL MATCH (n:Event {id: id}) WITH id, n WHERE n IS NOT NULL RETURN id, EXISTS { MATCH (:Change {factId: id}) } AS logged',
    { ids: acknowledged },
  );
  const missing = acknowledged.filter((id) => !found.some((f) => f.id === id));
  const unlogged = found.filter((f) => !f.logged).map((f) => f.id);
  await db.close();
  await neo4j.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(
    JSON.stringify({ acknowledged: acknowledged.length, foundAfterRestart: found.length, missing, withoutChangeLogEntry: unlogged, survived: !missing.length && !unlogged.length }) + '\n',
  );
  process.exit(missing.length || unlogged.length ? 1 : 0);
}

main().catch((err: Error) => {
  process.stderr.write(`bench/durability: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
