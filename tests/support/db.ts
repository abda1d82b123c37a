import { Database } from '../../src/db/database';

/** A connection to the run's Neo4j (started by globalSetup); close it in afterAll. */
export function testDatabase(): Promise<Database> {
  const env = process.env;
  if (!env.ACCORDS_TEST_NEO4J_URI) throw new Error('The test Neo4j is not set up: run the tests with `npm test`');
  return Database.connect({
    uri: env.ACCORDS_TEST_NEO4J_URI,
    user: env.ACCORDS_TEST_NEO4J_USER ?? 'neo4j',
    password: env.ACCORDS_TEST_NEO4J_PASSWORD ?? '',
    database: env.ACCORDS_TEST_NEO4J_DATABASE ?? 'neo4j',
  });
}
