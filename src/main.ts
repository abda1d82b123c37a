/**
 * `npm start`: starts (or connects to) Neo4j, applies the schema, loads the corpus into an empty database,
 * and serves GraphQL. Ctrl-C or SIGTERM stops everything in order, Neo4j last.
 */
import { ConfigError, loadConfig } from './config';
import { openDatabase, Connection } from './db/connect';
import { DatabaseError } from './db/database';
import { RuntimeError } from './db/runtime';
import { applySchema } from './db/schema';
import { log, setLogLevel } from './log';
import { startApp, RunningApp } from './server/http';
import { loadCorpusIfEmpty } from './startup';
import { assertPortFree } from './db/launcher';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  setLogLevel(config.logLevel);
  let connection: Connection | undefined;
  let app: RunningApp | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    await app?.close().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Fail on a taken HTTP port before spending seconds starting Neo4j.
  await assertPortFree(config.port, config.host, 'the GraphQL server', 'PORT');
  connection = await openDatabase(config);
  await applySchema(connection.db);
  await loadCorpusIfEmpty(connection.db, config);
  app = await startApp({ db: connection.db, host: config.host, port: config.port, adminToken: config.adminToken });
  log.info('accords ready', { graphql: `${app.url}/graphql`, explorer: `${app.url}/`, health: `${app.url}/health`, ms: Date.now() - started });
}

main().catch(async (err: unknown) => {
  const known = err instanceof ConfigError || err instanceof RuntimeError || err instanceof DatabaseError;
  const message = err instanceof Error ? err.message : String(err);
  // One line a person can act on; the stack only for the unexpected.
  process.stderr.write(`accords: ${known ? message : (err as Error)?.stack ?? message}\n`);
  process.exit(1);
});
