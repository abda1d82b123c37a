import { ConfigError, type Config } from '../config';
import { log } from '../log';
import { Database } from './database';
import { LocalNeo4j, startLocalNeo4j } from './launcher';
import { DEFAULT_SUPERVISOR, superviseLocalNeo4j } from './supervisor';

export interface Connection {
  db: Database;
  /** Set when Accords started the server itself. */
  local?: LocalNeo4j;
  close(): Promise<void>;
}

/**
 * The database Accords talks to: the server in NEO4J_URI when given (starting nothing), otherwise a local
 * Neo4j that this process starts, supervises (restarting it when it dies) and stops.
 */
export async function openDatabase(config: Config): Promise<Connection> {
  if (config.neo4jUri) {
    checkNeo4jUri(config.neo4jUri);
    const db = await Database.connect({
      uri: config.neo4jUri,
      user: config.neo4jUser,
      password: config.neo4jPassword ?? '',
      database: config.neo4jDatabase,
      queryTimeoutMs: config.queryTimeoutMs,
    });
    log.info('connected to neo4j', { uri: config.neo4jUri, database: config.neo4jDatabase });
    return { db, close: () => db.close() };
  }
  const local = await startLocalNeo4j(config.local, config.neo4jPassword);
  try {
    const db = await Database.connect({
      uri: local.uri,
      user: local.user,
      password: local.password,
      database: 'neo4j',
      queryTimeoutMs: config.queryTimeoutMs,
    });
    const supervisor = superviseLocalNeo4j(local, db.availability, {
      ...DEFAULT_SUPERVISOR,
      attempts: config.local.restartAttempts,
      firstBackoffMs: config.local.restartBackoffMs,
    }, () => db.warmUp());
    return {
      db,
      local,
      close: async () => {
        // No restart while stopping: the supervisor first, then the driver, then Neo4j.
        supervisor.stop();
        await db.close();
        await local.stop();
      },
    };
  } catch (err) {
    await local.stop();
    throw err;
  }
}

const SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

/** The driver refuses a malformed address with a bare "Unknown scheme: null"; say which setting is wrong. */
function checkNeo4jUri(uri: string): void {
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    url = undefined;
  }
  if (!url || !SCHEMES.includes(url.protocol) || !url.hostname) {
    throw new ConfigError(`NEO4J_URI must be a Neo4j address such as bolt://localhost:7687 or neo4j+s://<host>, got "${uri}"`);
  }
}
