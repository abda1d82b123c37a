import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { importCorpus, ImportReport } from '../../src/import';

/** Deletes everything, in bounded chunks (CALL … IN TRANSACTIONS is refused inside a managed transaction). */
export async function wipeDatabase(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ deleted: number }>('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted');
    if (!row?.deleted) return;
  }
}

/** Brings the test database to a known state: the curated corpus (data/*.yaml) and nothing else. */
export async function prepareTestDatabase(db: Database): Promise<ImportReport> {
  await wipeDatabase(db);
  const config = loadConfig();
  return importCorpus(db, [config.dataDir], { sourcesDir: config.sourcesDir });
}
