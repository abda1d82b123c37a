import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Database } from '../src/db/database';
import { testDatabase } from './support/db';
import { graphFingerprint, validCorpus, writeFixtureCorpus } from './support/importFixtures';

/** `npm run import -- <files or dirs> [--sources DIR]`, as a user runs it, against the tests' Neo4j. */

const root = path.resolve(__dirname, '..');
let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

function runImport(args: string[]) {
  const env = {
    ...process.env,
    NEO4J_URI: process.env.ACCORDS_TEST_NEO4J_URI,
    NEO4J_USER: process.env.ACCORDS_TEST_NEO4J_USER,
    NEO4J_PASSWORD: process.env.ACCORDS_TEST_NEO4J_PASSWORD,
    NEO4J_DATABASE: process.env.ACCORDS_TEST_NEO4J_DATABASE,
  };
  const res = spawnSync('npm', ['run', '-s', 'import', '--', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  // npm may add its own warnings to stderr; the importer's lines are the rest.
  const stderr = res.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
  return { status: res.status, stdout: res.stdout, stderr };
}

describe('npm run import', () => {
  it('refuses a broken corpus with one plain line per problem (file, entity, field), exit code 1, nothing written', async () => {
    const corpus = validCorpus();
    (corpus['a.yaml'].nodes as Array<Record<string, unknown>>)[0]!.type = 'city_hall';
    const fixture = writeFixtureCorpus(corpus);
    try {
      const before = await graphFingerprint(db);
      const res = runImport([fixture.dataDir, '--sources', fixture.sourcesDir]);
      expect(res.status).toBe(1);
      expect(res.stderr).toEqual([
        `${fixture.file('a.yaml')}: org-zz-zedville: type: "city_hall" is not one of company, public_body, local_authority, association, school, media, fund, club, other`,
        '1 problem(s); nothing was written',
      ]);
      expect(await graphFingerprint(db)).toEqual(before);
    } finally {
      fixture.remove();
    }
  });

  it('re-imports the curated corpus: nothing created, counts per kind and type, no fact without evidence, the rate', async () => {
    const before = await graphFingerprint(db);
    const res = runImport([path.join(root, 'data')]);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^imported 5 files: \d+ entities, \d+ relationships, \d+ quotes/m);
    expect(res.stdout).toMatch(/^created 0 nodes and 0 relationships/m);
    expect(res.stdout).toMatch(/^rate: [\d,]+ relationships\/s$/m);
    expect(res.stdout).toMatch(/^ {2}Organisation +\d+$/m);
    expect(res.stdout).toMatch(/^ {2}SIGNED +\d+$/m);
    expect(res.stdout).toMatch(/^facts without evidence: 0$/m);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('names a path that does not exist, and an unknown option', () => {
    expect(runImport(['no/such/dir']).stderr).toContain('import: no/such/dir: no such file or directory');
    const unknown = runImport(['--sauces', 'x']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr[0]).toBe('unknown option --sauces');
  });
});
