import type { Database } from '../src/db/database';
import { prepareTestDatabase, wipeDatabase } from './support/corpus';
import { testDatabase } from './support/db';
import { exportText, graphContent, scriptStatements } from './support/exports';

/**
 * The Cypher export loaded into an empty database gives back the same graph. The run's one database is
 * emptied for it, and the corpus re-imported afterwards for the test files that follow.
 */
describe('does the Cypher script recreate the graph?', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await prepareTestDatabase(db);
    await db.close();
  });

  it('loads into an empty database, statement by statement as cypher-shell runs it, with the same fingerprint, twice over', async () => {
    const before = await graphContent(db);
    expect(before.nodes).toBeGreaterThan(100);
    const script = await exportText(db, 'cypher');
    const statements = scriptStatements(script);
    expect(statements[0]).toMatch(/^CREATE CONSTRAINT entity_id IF NOT EXISTS/);
    expect(statements.filter((s) => s.startsWith('UNWIND')).length).toBeGreaterThan(5);

    await wipeDatabase(db);
    expect((await graphContent(db)).nodes).toBe(0);
    for (const statement of statements) await db.write(statement);
    const after = await graphContent(db);
    expect(after.nodes).toBe(before.nodes);
    expect(after.relationships).toBe(before.relationships);
    expect(after.lines.filter((l) => !before.lines.includes(l))).toEqual([]);
    expect(after.hash).toBe(before.hash);

    // MERGE on ids: loading the script into the graph it came from changes nothing.
    for (const statement of statements) await db.write(statement);
    expect((await graphContent(db)).hash).toBe(before.hash);
  }, 180_000);

  it('keeps floats floats and escapes what Cypher would read otherwise', async () => {
    const script = await exportText(db, 'cypher');
    // A commitment's quantity is stored as a float; written as 500 it would come back an integer.
    expect(script).toMatch(/quantity: \d+\.\d+/);
    // Quotes hold apostrophes and line breaks: escaped, never a bare ' inside a literal.
    expect(script).toContain("\\'");
  });
});
