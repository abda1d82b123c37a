import type { Database } from '../src/db/database';
import { importCorpus } from '../src/import';
import { testDatabase } from './support/db';
import { graphContent } from './support/exports';
import { removeFixtureEntities, validCorpus, writeFixtureCorpus, type CorpusDoc } from './support/importFixtures';

/**
 * Re-importing after a file changed: what the file no longer states disappears, what other files or the API
 * state stays, and `plan` tells the same without writing.
 */
let db: Database;
beforeAll(async () => {
  db = await testDatabase();
  await removeFixtureEntities(db);
});
afterAll(async () => {
  await removeFixtureEntities(db);
  await db.close();
});
afterEach(() => removeFixtureEntities(db));

type Rel = { type: string; from: string; to: string; evidence: string[] };
const rels = (doc: CorpusDoc) => doc.relationships as Rel[];
const nodes = (doc: CorpusDoc) => doc.nodes as Array<{ id: string; evidence: string[] }>;

async function fact(id: string): Promise<{ sources: string[]; quotes: string[] } | undefined> {
  const [row] = await db.read<{ sources: string[]; quotes: string[] }>(
    'OPTIONAL MATCH (n:Entity {id: $id}) OPTIONAL MATCH ()-[r {id: $id}]->() WITH coalesce(n, r) AS x WHERE x IS NOT NULL RETURN x.evidenceSources AS sources, x.evidenceQuotes AS quotes',
    { id },
  );
  return row;
}

describe('does a re-import remove exactly what a file no longer states?', () => {
  it('a removed node, relationship and quote disappear; --plan says so first and writes nothing; the import is in the change log', async () => {
    const corpus = validCorpus();
    const fixture = writeFixtureCorpus(corpus);
    try {
      await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      expect(await fact('com-zz-30-people')).toBeDefined();

      // a.yaml drops the commitment (and the INCLUDES relationship to it) and one of the agreement's quotes is replaced.
      const a = corpus['a.yaml'];
      a.nodes = nodes(a).filter((n) => n.id !== 'com-zz-30-people');
      a.relationships = rels(a).filter((r) => r.type !== 'INCLUDES');
      rels(a).find((r) => r.type === 'HOLDS_ROLE')!.evidence = ['Jean Zorro, maire de Zedville, l’a signée'];
      const changed = writeFixtureCorpus(corpus);
      try {
        const before = await graphContent(db);
        const plan = await importCorpus(db, [changed.dataDir], { sourcesDir: changed.sourcesDir, plan: true });
        expect(plan.planned).toBe(true);
        expect(plan.reconciled).toMatchObject({ filesAgain: 2, statementsRemoved: 2, nodesRemoved: 1, relationshipsRemoved: 1, quotesRemoved: 3, quotesAdded: 1 });
        expect(plan.reconciled.examples.removed.sort()).toEqual(['agr-zz-zedville-acme|INCLUDES|com-zz-30-people', 'com-zz-30-people']);
        expect((await graphContent(db)).hash).toBe(before.hash);

        const report = await importCorpus(db, [changed.dataDir], { sourcesDir: changed.sourcesDir, reason: 'a.yaml corrected' });
        expect(report.reconciled).toMatchObject({ nodesRemoved: 1, relationshipsRemoved: 1 });
        expect(await fact('com-zz-30-people')).toBeUndefined();
        expect(await fact('agr-zz-zedville-acme|INCLUDES|com-zz-30-people')).toBeUndefined();
        // HOLDS_ROLE is stated by both files: a.yaml's old quote went, its new one came, b.yaml's stays.
        const role = await fact('per-zz-jean-zorro|HOLDS_ROLE|org-zz-zedville');
        expect(role?.quotes.sort()).toEqual(['Jean Zorro, maire de Zedville', 'Jean Zorro, maire de Zedville, l’a signée']);
        expect(role?.sources.sort()).toEqual(['src-zz-a', 'src-zz-b']);
        const [logged] = await db.read<{ after: string; reason: string }>("MATCH (c:Change {action: 'import'}) RETURN c.after AS after, c.reason AS reason ORDER BY c.seq DESC LIMIT 1");
        expect(logged?.reason).toBe('a.yaml corrected');
        expect(JSON.parse(logged!.after)).toMatchObject({ nodesRemoved: 1, relationshipsRemoved: 1 });
      } finally {
        changed.remove();
      }
    } finally {
      fixture.remove();
    }
  });

  it('a fact the API corrected (it carries a version) loses the file’s evidence but stays when the file drops it', async () => {
    const corpus = validCorpus();
    const fixture = writeFixtureCorpus(corpus);
    try {
      await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      // What updateRelationship leaves on a fact: a version (src/writes/facts.ts).
      await db.write("MATCH ()-[r {id: 'agr-zz-zedville-acme|INCLUDES|com-zz-30-people'}]->() SET r.version = 2");
      const a = corpus['a.yaml'];
      a.relationships = rels(a).filter((r) => r.type !== 'INCLUDES');
      const changed = writeFixtureCorpus(corpus);
      try {
        const report = await importCorpus(db, [changed.dataDir], { sourcesDir: changed.sourcesDir });
        expect(report.reconciled).toMatchObject({ statementsRemoved: 1, relationshipsRemoved: 0 });
        expect(await fact('agr-zz-zedville-acme|INCLUDES|com-zz-30-people')).toEqual({ sources: [], quotes: [] });
      } finally {
        changed.remove();
      }
    } finally {
      fixture.remove();
    }
  });

  it('a node a file drops while another file still relates it fails the import, which changes nothing', async () => {
    const corpus = validCorpus();
    const fixture = writeFixtureCorpus(corpus);
    try {
      await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      // b.yaml stops describing Acme, but still says Acme is party to the convention; a.yaml still describes Acme.
      // Only a.yaml is re-imported, without Acme: Acme keeps b.yaml's evidence, so it stays. Then b.yaml drops it too.
      const b = corpus['b.yaml'];
      b.nodes = nodes(b).filter((n) => n.id !== 'org-zz-acme');
      const changed = writeFixtureCorpus({ 'b.yaml': b });
      try {
        const report = await importCorpus(db, [changed.dataDir], { sourcesDir: changed.sourcesDir });
        expect(report.reconciled).toMatchObject({ statementsRemoved: 1, nodesRemoved: 0 });
        expect((await fact('org-zz-acme'))?.sources).toEqual(['src-zz-a']);
      } finally {
        changed.remove();
      }
      const a = corpus['a.yaml'];
      a.nodes = nodes(a).filter((n) => n.id !== 'org-zz-acme');
      a.relationships = rels(a).filter((r) => r.from !== 'org-zz-acme');
      const dropped = writeFixtureCorpus({ 'a.yaml': a });
      try {
        const before = await graphContent(db);
        const err = await importCorpus(db, [dropped.dataDir], { sourcesDir: dropped.sourcesDir }).catch((e: unknown) => e as Error);
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message).toMatch(/org-zz-acme \(still joined by org-zz-acme\|PARTY_TO\|agr-zz-zedville-acme\)/);
        expect((await graphContent(db)).hash).toBe(before.hash);
      } finally {
        dropped.remove();
      }
    } finally {
      fixture.remove();
    }
  });
});
