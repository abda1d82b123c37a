/**
 * Accords' own HTTP server (src/server/http.ts) over an existing Neo4j, as a child process of the benchmark
 * so that it has its own event loop, like the peer. Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT.
 */
import { Database } from '../src/db/database';
import { setLogLevel } from '../src/log';
import { startApp } from '../src/server/http';

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  setLogLevel('warn');
  const db = await Database.connect({
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || 'neo4j',
  });
  const app = await startApp({ db, host: '127.0.0.1', port: Number(process.env.PORT ?? 4113) });
  process.stdout.write(JSON.stringify({ msg: 'accords ready', graphql: `${app.url}/graphql` }) + '\n');
  const stop = async () => {
    await app.close().catch(() => undefined);
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: Error) => {
  process.stderr.write(`accords-server: ${err.message}\n`);
  process.exit(1);
});
