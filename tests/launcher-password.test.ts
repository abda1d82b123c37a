import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/database';
import { generatePassword, startLocalNeo4j } from '../src/db/launcher';
import { RuntimeError } from '../src/db/runtime';
import { setLogLevel } from '../src/log';
import { freePort } from '../scripts/accords-process';

/**
 * The local Neo4j's password, generated on a first start or kept from an earlier one. Regression: a generated
 * password starting with `-` made `neo4j-admin dbms set-initial-password` fail ("Unknown option"), so a fresh
 * clone sometimes could not start.
 */


setLogLevel('warn');

describe('the password of the local Neo4j', () => {
  it('is generated from letters and digits, starts with a letter, and differs each time', () => {
    const passwords = Array.from({ length: 2000 }, generatePassword);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z][A-Za-z0-9]{23}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('is set on the first start even when it starts with "-"; the data folder keeps its password file; a wrong NEO4J_PASSWORD is named on the next start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accords-neo4j-password-'));
    // As a data folder left by an older Accords whose generated password began with a dash.
    const password = '-Kq7_dashFirst-legacy';
    fs.writeFileSync(path.join(dataDir, 'password'), password + '\n', { mode: 0o600 });
    const config = loadConfig({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' });
    const local = await startLocalNeo4j(config.local);
    try {
      expect(local.password).toBe(password);
      const db = await Database.connect({ uri: local.uri, user: 'neo4j', password, database: 'neo4j' });
      try {
        expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await db.close();
      }
      expect(fs.readFileSync(path.join(dataDir, 'password'), 'utf8')).toBe(password + '\n');
      await local.stop();

      const wrong = await startLocalNeo4j(config.local, 'not-the-password').then(
        async (unexpected) => {
          await unexpected.stop();
          return undefined;
        },
        (err: unknown) => err,
      );
      expect(wrong).toBeInstanceOf(RuntimeError);
      expect((wrong as Error).message).toBe(
        `The local Neo4j in ${dataDir} refused the password in NEO4J_PASSWORD: it was set on its first start; use that one, or delete ${dataDir} to start afresh`,
      );
    } finally {
      await local.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
