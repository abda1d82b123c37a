import { statements } from './cypher';
import type { Database } from './database';

/** Applies cypher/schema.cypher (constraints and indexes, all IF NOT EXISTS) and waits for the indexes. */
export async function applySchema(db: Database): Promise<void> {
  for (const statement of statements('schema')) await db.write(statement);
  await db.write('CALL db.awaitIndexes(300)');
}
