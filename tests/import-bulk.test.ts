import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../bench/synthetic/corpus';
import { freePort } from '../scripts/accords-process';
import { loadConfig, ROOT, type Config } from '../src/config';
import { Database } from '../src/db/database';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/launcher';
import { applySchema } from '../src/db/schema';
import { importCorpus } from '../src/import';
import { bulkLoadCorpus, recordBulkLoad } from '../src/import/bulk';
import { setLogLevel } from '../src/log';
import { graphContent } from './support/exports';

/**
 * Is a bulk-loaded database (validated corpus → CSV → `neo4j-admin database import full`, then the schema)
 * the same graph as the transactional import makes? One scratch Neo4j: each corpus is bulk-loaded, its
 * fingerprint taken, then the database is emptied and the same corpus imported through transactions.
 */
describe('does the bulk load of an empty database give the same graph as the transactional import?', () => {
  let home: string;
  let config: Config;
  let server: LocalNeo4j | undefined;
  let db: Database | undefined;

  beforeAll(async () => {
    setLogLevel('warn');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-bulk-'));
    config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: path.join(home, 'neo4j'), NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' });
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  async function compare(dataDir: string, sourcesDir: string, overwrite: boolean) {
    await db?.close();
    await server?.stop();
    const report = await bulkLoadCorpus(config, [dataDir], { sourcesDir, overwrite });
    server = await startLocalNeo4j(config.local);
    db = await Database.connect({ uri: server.uri, user: server.user, password: server.password, database: 'neo4j' });
    await applySchema(db);
    await recordBulkLoad(db, report);
    const bulk = await graphContent(db);
    const count = async (q: string) => Number((await db!.read<{ n: number }>(q))[0]!.n);
    const bulkPassages = await count('MATCH (p:Passage) RETURN count(p) AS n');
    const bulkLedgers = await count('MATCH (f:ImportedFile) RETURN count(f) AS n');

    await db.write('MATCH (n) DETACH DELETE n');
    await importCorpus(db, [dataDir], { sourcesDir });
    const transactional = await graphContent(db);
    expect(bulk.nodes).toBe(transactional.nodes);
    expect(bulk.relationships).toBe(transactional.relationships);
    expect(bulk.lines.filter((l) => !transactional.lines.includes(l)).slice(0, 3)).toEqual([]);
    expect(bulk.hash).toBe(transactional.hash);
    expect(bulkPassages).toBe(await count('MATCH (p:Passage) RETURN count(p) AS n'));
    expect(bulkLedgers).toBe(await count('MATCH (f:ImportedFile) RETURN count(f) AS n'));
    return report;
  }

  it('on the curated corpus', async () => {
    const report = await compare(path.join(ROOT, 'data'), path.join(ROOT, 'data', 'sources'), false);
    expect(report.files).toBeGreaterThan(0);
  }, 240_000);

  it('on a synthetic corpus of 3,000 relationships', async () => {
    const dir = path.join(home, 'synthetic');
    generateCorpus({ relationships: 3000, seed: 7, dir });
    const report = await compare(path.join(dir, 'data'), path.join(dir, 'sources'), true);
    expect(report.relationships).toBeGreaterThanOrEqual(2900);
  }, 240_000);
});
