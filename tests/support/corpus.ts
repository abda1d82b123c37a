import type { Database } from '../../src/db/database';

/** Brings the test database to a known state: the curated corpus and nothing else. */
export async function prepareTestDatabase(db: Database): Promise<void> {
  await db.write('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}
