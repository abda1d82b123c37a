import { statements } from '../cypher';
import type { Database } from './database';

/**
 * Applies cypher/schema.cypher (constraints and indexes, all IF NOT EXISTS) and waits for the indexes. Over a
 * freshly bulk-loaded store a constraint is built, and checked, before its statement returns: minutes for a
 * million relationships, so these run without the per-query limit requests have.
 */
const SCHEMA_TIMEOUT_MS = 3_600_000;

const isConstraint = (statement: string) => /^\s*CREATE CONSTRAINT\b/m.test(statement.replace(/^\s*\/\/.*$/gm, ''));

export async function applySchema(db: Database): Promise<void> {
  // Indexes first, in one transaction: their populations start together in the background (one store scan)
  // while the constraints, which each build and check their index before returning, follow in a second one.
  const all = statements('schema');
  for (const part of [all.filter((s) => !isConstraint(s)), all.filter(isConstraint)]) {
    await db.writeTransaction(async (tx) => {
      for (const statement of part) await tx.run(statement);
    }, SCHEMA_TIMEOUT_MS);
  }
  await db.writeTransaction((tx) => tx.run('CALL db.awaitIndexes(3600)'), SCHEMA_TIMEOUT_MS);
}
