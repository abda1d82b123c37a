import path from 'node:path';
import { loadConfig, ROOT } from '../../src/config';
import { openDatabase } from '../../src/db/connect';
import { applySchema } from '../../src/db/schema';
import { setLogLevel } from '../../src/log';
import { prepareTestDatabase } from './corpus';

/**
 * Starts the one Neo4j of this test run (its own data folder and port, so a running `npm start` is left
 * alone), or uses NEO4J_URI when set, which must then be a disposable database. The connection details reach
 * the test files through the environment.
 */
export default async function globalSetup(): Promise<void> {
  setLogLevel('warn');
  const env = { ...process.env };
  if (!env.NEO4J_URI) {
    env.NEO4J_DATA_DIR = env.NEO4J_TEST_DATA_DIR || path.join(ROOT, '.data', 'neo4j-test');
    env.NEO4J_BOLT_PORT = env.NEO4J_TEST_BOLT_PORT || '7698';
    env.NEO4J_HEAP = env.NEO4J_HEAP || '2g';
    env.NEO4J_PAGECACHE = env.NEO4J_PAGECACHE || '1g';
  }
  const config = loadConfig(env);
  let connection;
  try {
    connection = await openDatabase(config);
  } catch (err) {
    // One sentence, not a stack: usually Java or Maven is missing, or NEO4J_URI is wrong.
    throw new Error(`Cannot start the tests' Neo4j: ${(err as Error).message}`);
  }
  (globalThis as Record<string, unknown>).__ACCORDS_CONNECTION__ = connection;
  const { db } = connection;
  process.env.ACCORDS_TEST_NEO4J_URI = db.options.uri;
  process.env.ACCORDS_TEST_NEO4J_USER = db.options.user;
  process.env.ACCORDS_TEST_NEO4J_PASSWORD = db.options.password;
  process.env.ACCORDS_TEST_NEO4J_DATABASE = db.options.database;
  await applySchema(db);
  await prepareTestDatabase(db);
}
