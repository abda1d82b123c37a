import neo4j, { Neo4jError, type Transaction } from 'neo4j-driver';
import { Database, DatabaseError, describeNeo4jError } from '../db/database';

/** What the import's statements need from its transaction. */
export type ImportTransaction = Pick<Transaction, 'run'>;

/**
 * Neo4j's refusals for memory: the transaction pool (`dbms.memory.transaction.total.max`), one transaction's limit
 * (`db.memory.transaction.max`) or the heap itself. Their codes are TransientErrors, which the driver retries.
 */
export function isMemoryRefusal(err: unknown): boolean {
  const e = (err instanceof DatabaseError ? err.cause : err) as Neo4jError | undefined;
  const code = String(e?.code ?? '');
  return (
    /^Neo\.\w+\.General\.(MemoryPoolOutOfMemoryError|TransactionOutOfMemoryError|TransactionMemoryLimit|OutOfMemoryError)$/.test(code) ||
    /memory\.transaction\.(total\.)?max/.test(String(e?.message ?? ''))
  );
}

/**
 * Runs the import's statements in ONE explicit write transaction and commits it: all or nothing, and never run
 * twice. A driver transaction function (`executeWrite`) would retry on transient errors, and Neo4j's refusal for
 * memory is one: the whole corpus — minutes of work for a million relationships — would be written again, only to
 * be refused again. Any failure, in a statement or at commit, rolls back and is reported once; importing again is
 * safe (every write is a MERGE).
 */
export async function inOneTransaction<T>(
  db: Database,
  work: (tx: ImportTransaction) => Promise<T>,
  timeoutMs: number,
  options: { rollback?: boolean; signal?: AbortSignal } = {},
): Promise<T> {
  db.roundTrips++;
  const session = db.driver.session({ database: db.options.database, defaultAccessMode: neo4j.session.WRITE });
  let tx: Transaction | undefined;
  // Ctrl-C: the transaction is rolled back before the process exits, whatever statement runs.
  const interrupted = new Promise<never>((_, reject) => {
    if (options.signal?.aborted) reject(new ImportInterrupted());
    options.signal?.addEventListener('abort', () => reject(new ImportInterrupted()), { once: true });
  });
  interrupted.catch(() => undefined);
  try {
    tx = session.beginTransaction({ timeout: timeoutMs });
    const result = await Promise.race([work(tx), interrupted]);
    if (options.rollback) await tx.rollback();
    else await Promise.race([tx.commit(), interrupted]);
    return result;
  } catch (err) {
    if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
    throw importFailure(err, db);
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** The import was interrupted (Ctrl-C) and rolled back. */
export class ImportInterrupted extends Error {
  override name = 'ImportInterrupted';
  constructor() {
    super('interrupted: the import was rolled back, the database is as it was before');
  }
}

function importFailure(err: unknown, db: Database): unknown {
  if (isMemoryRefusal(err)) {
    const described = describeNeo4jError(err, db.options.uri, db.options.user);
    // The whole corpus is one transaction, held in the server's heap until it commits.
    return new DatabaseError(
      `${described.message}. The import is one transaction and did not fit in Neo4j's transaction memory (70% of its heap ` +
        'by default); nothing was written: start Neo4j with a larger NEO4J_HEAP (a million relationships need NEO4J_HEAP=8g), ' +
        'then import again',
      described.code,
      err,
    );
  }
  if (err instanceof Neo4jError) {
    const described = describeNeo4jError(err, db.options.uri, db.options.user);
    return new DatabaseError(`${described.message}; the import was rolled back, nothing was written`, described.code, err);
  }
  return err;
}
