import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../src/db/database';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/launcher';
import { ensureRuntime, javaBinary } from '../src/db/runtime';
import { IMPORT_OPTIONS } from '../src/export';
import { setLogLevel } from '../src/log';
import { testDatabase } from './support/db';
import { exportText, graphContent } from './support/exports';

/**
 * The CSV export loaded back by Neo4j's own bulk importer (`neo4j-admin database import full`, run from the
 * jars `npm start` uses) into a scratch data folder, then served by a scratch Neo4j: the same graph, every
 * property with its type.
 */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe('does neo4j-admin import load the CSV export back into the same graph?', () => {
  let db: Database;
  let home: string;
  let scratch: LocalNeo4j | undefined;
  let scratchDb: Database | undefined;
  beforeAll(async () => {
    setLogLevel('warn');
    db = await testDatabase();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-admin-import-'));
  });
  afterAll(async () => {
    await scratchDb?.close();
    await scratch?.stop();
    fs.rmSync(home, { recursive: true, force: true });
    await db.close();
  });

  it('imports nodes.csv and relationships.csv into an empty database that then holds the same graph', async () => {
    const nodes = path.join(home, 'nodes.csv');
    const relationships = path.join(home, 'relationships.csv');
    fs.writeFileSync(nodes, await exportText(db, 'csv-nodes'));
    fs.writeFileSync(relationships, await exportText(db, 'csv-relationships'));

    const conf = path.join(home, 'conf');
    fs.mkdirSync(conf, { recursive: true });
    fs.writeFileSync(path.join(conf, 'neo4j.conf'), `server.directories.data=${path.join(home, 'data')}\nserver.directories.logs=${path.join(home, 'logs')}\n`);
    const lib = ensureRuntime();
    const res = spawnSync(
      javaBinary(),
      ['-Xmx512m', '-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', `--nodes=${nodes}`, `--relationships=${relationships}`, ...IMPORT_OPTIONS, 'neo4j'],
      { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(`${res.status} ${res.stdout.split('\n').filter((l) => /IMPORT DONE|Imported|nodes$|relationships$|rror/.test(l)).join(' | ')}`).toMatch(/^0 .*IMPORT DONE/);

    scratch = await startLocalNeo4j({ boltPort: await freePort(), dataDir: home, heap: '512m', pageCache: '64m', startTimeoutMs: 120_000, restartAttempts: 1, restartBackoffMs: 1_000 });
    scratchDb = await Database.connect({ uri: scratch.uri, user: scratch.user, password: scratch.password, database: 'neo4j' });
    const original = await graphContent(db);
    const loaded = await graphContent(scratchDb);
    expect(loaded.nodes).toBe(original.nodes);
    expect(loaded.relationships).toBe(original.relationships);
    expect(loaded.lines.filter((l) => !original.lines.includes(l)).slice(0, 3)).toEqual([]);
    expect(loaded.hash).toBe(original.hash);
  }, 240_000);
});
