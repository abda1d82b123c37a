/**
 * `npm start`: starts (or connects to) Neo4j, applies the schema, loads the corpus into an empty database,
 * and serves GraphQL. Ctrl-C or SIGTERM stops everything in order, Neo4j last. A start that fails for a reason
 * the user can fix (configuration, a port, the corpus, Neo4j's address or password) ends with one log line
 * naming it and exit code 1, having stopped what it started.
 */
import { describeFailure } from './cli/failure';
import { loadConfig } from './config';
import { openDatabase, Connection } from './db/connect';
import { assertPortFree } from './db/launcher';
import { applySchema } from './db/schema';
import { log, setLogLevel } from './log';
import { startApp, RunningApp } from './server/http';
import { bulkLoadIfNew, finishBulkLoad, loadCorpusIfEmpty } from './startup';
import { warmUpUntil } from './warmup';

let connection: Connection | undefined;
let app: RunningApp | undefined;
let stopping = false;

/**
 * SIGTERM or Ctrl-C: stop taking requests, let those under way finish (ACCORDS_DRAIN_MS), close the driver,
 * then stop Neo4j. A second signal stops at once (Neo4j is still stopped, by the exit hook and its watchdog).
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    log.warn('second signal: stopping now', { signal });
    process.exit(1);
  }
  stopping = true;
  log.info('shutting down', { signal });
  await app?.close().catch(() => undefined);
  await connection?.close().catch(() => undefined);
  log.info('stopped');
  process.exit(0);
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  setLogLevel(config.logLevel);
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const listen = () => assertPortFree(config.port, config.host, 'the GraphQL server', 'PORT');
  // Fail on a taken HTTP port before spending seconds starting Neo4j.
  await listen();
  const bulk = await bulkLoadIfNew(config);
  connection = await openDatabase(config);
  await applySchema(connection.db);
  await finishBulkLoad(connection.db, bulk);
  await loadCorpusIfEmpty(connection.db, config);
  // The users' first requests planned before they come (src/warmup.ts); ready waits a few seconds at most.
  await warmUpUntil(connection.db, config.warmUpWaitMs);
  app = await startApp({ db: connection.db, host: config.host, port: config.port, adminToken: config.adminToken, drainMs: config.drainMs, access: config.access }).catch(
    async (err: unknown) => {
      // Taken meanwhile (by the time Neo4j started), or not bindable: the probe names it in the usual words.
      await listen();
      throw err;
    },
  );
  log.info('accords ready', { graphql: `${app.url}/graphql`, explorer: `${app.url}/`, health: `${app.url}/health`, ms: Date.now() - started });
}

main().catch(async (err: unknown) => {
  if (!stopping) {
    stopping = true;
    await connection?.close().catch(() => undefined);
  }
  // Last, so that it is the line the user sees.
  const { msg, fields } = describeFailure(err);
  log.error(msg, fields);
  process.exit(1);
});
