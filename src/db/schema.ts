import { statements } from './cypher';
import type { Database } from './database';

/**
 * Applies cypher/schema.cypher (constraints and indexes, all IF NOT EXISTS) and waits for the indexes. Over a
 * freshly bulk-loaded store a constraint is built, and checked, before its statement returns: minutes for a
 * million relationships, so these run without the per-query limit requests have.
 */
const SCHEMA_TIMEOUT_MS = 3_600_000;

export async function applySchema(db: Database): Promise<void> {
  for (const statement of statements('schema')) await db.writeTransaction((tx) => tx.run(statement), SCHEMA_TIMEOUT_MS);
  await db.writeTransaction((tx) => tx.run('CALL db.awaitIndexes(3600)'), SCHEMA_TIMEOUT_MS);
}
