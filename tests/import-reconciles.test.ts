import fs from 'node:fs';
import YAML from 'yaml';
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

async function props(id: string): Promise<Record<string, unknown>> {
  const [row] = await db.read<{ p: Record<string, unknown> }>('MATCH (n:Entity {id: $id}) RETURN properties(n) AS p', { id });
  return row?.p ?? {};
}

describe('does a re-import remove exactly what a file no longer states?', () => {
  it('a removed node, relationship and quote disappear; --plan says so first and writes nothing; the import is in the change log', async () => {
    const corpus = validCorpus();
    const fixture = writeFixtureCorpus(corpus);
    try {
      await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      expect(await fact('com-zz-30-people')).toBeDefined();
      const removed = ['agr-zz-zedville-acme|INCLUDES|com-zz-30-people', 'com-zz-30-people'];
      const citing = async () =>
        (await db.read<{ n: number }>('MATCH (p:Passage) WHERE any(f IN p.facts WHERE f IN $removed) RETURN count(p) AS n', { removed }))[0]!.n;
      expect(await citing()).toBeGreaterThan(0);

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
        // No sentence of the documents cites them any more.
        expect(await citing()).toBe(0);
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

  it('a property a file no longer gives is removed from its fact, unless another file still gives it', async () => {
    const corpus = validCorpus();
    const fixture = writeFixtureCorpus(corpus);
    try {
      await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      expect(await props('com-zz-30-people')).toMatchObject({ unit: 'people', period: 'per year' });
      const a = corpus['a.yaml'];
      const commitment = nodes(a).find((n) => n.id === 'com-zz-30-people') as Record<string, unknown>;
      delete commitment.unit;
      delete commitment.period;
      // b.yaml gives Zedville's type too: a.yaml dropping it changes nothing.
      delete (nodes(a).find((n) => n.id === 'org-zz-zedville') as Record<string, unknown>).type;
      // A relationship's property and a date (with the precision stored beside it).
      delete (rels(a).find((r) => r.type === 'SIGNED') as Record<string, unknown>).date;
      fs.writeFileSync(fixture.file('a.yaml'), YAML.stringify(a, { lineWidth: 0 }));

      const report = await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      expect(report.reconciled.propertiesRemoved).toBe(4);
      expect(report.reconciled.examples.propertiesRemoved.sort()).toEqual([
        'com-zz-30-people.period',
        'com-zz-30-people.unit',
        'per-zz-jean-zorro|SIGNED|agr-zz-zedville-acme.date',
        'per-zz-jean-zorro|SIGNED|agr-zz-zedville-acme.datePrecision',
      ]);
      const after = await props('com-zz-30-people');
      expect(after).not.toHaveProperty('unit');
      expect(after).not.toHaveProperty('period');
      expect(after).toMatchObject({ title: 'Train 30 people a year', quantity: 30 });
      expect(await props('org-zz-zedville')).toMatchObject({ type: 'local_authority' });
      const [signed] = await db.read<{ date: string | null; onBehalfOf: string }>(
        "MATCH ()-[r:SIGNED {id: 'per-zz-jean-zorro|SIGNED|agr-zz-zedville-acme'}]->() RETURN r.date AS date, r.onBehalfOf AS onBehalfOf",
      );
      expect(signed).toEqual({ date: null, onBehalfOf: 'org-zz-zedville' });
      const [logged] = await db.read<{ after: string }>("MATCH (c:Change {action: 'import'}) RETURN c.after AS after ORDER BY c.seq DESC LIMIT 1");
      expect(JSON.parse(logged!.after)).toMatchObject({ propertiesRemoved: 4 });
    } finally {
      fixture.remove();
    }
  });

  it('a file deleted from the folder takes its facts, quotes, properties and passages with it; what other files or the API state stays', async () => {
    const fixture = writeFixtureCorpus(validCorpus());
    try {
      await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      expect(await fact('src-zz-b')).toBeDefined();
      // The API corrected b.yaml's second role (a version): it is the API's now, and stays.
      await db.write("MATCH ()-[r {id: 'per-zz-jean-zorro|HOLDS_ROLE|org-zz-zedville|adjoint-2001'}]->() SET r.version = 2");
      fs.rmSync(fixture.file('b.yaml'));

      const before = await graphContent(db);
      const plan = await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir, plan: true });
      expect(plan.reconciled).toMatchObject({ filesAgain: 1, filesRemoved: 1, nodesRemoved: 1 });
      expect(plan.reconciled.examples.filesRemoved).toEqual(['b.yaml']);
      expect((await graphContent(db)).hash).toBe(before.hash);

      const report = await importCorpus(db, [fixture.dataDir], { sourcesDir: fixture.sourcesDir });
      expect(report.reconciled).toMatchObject({ filesRemoved: 1, nodesRemoved: 1, relationshipsRemoved: 0 });
      expect(await fact('src-zz-b')).toBeUndefined();
      const [passages] = await db.read<{ n: number }>("MATCH (p:Passage) WHERE p.id STARTS WITH 'src-zz-b#' RETURN count(p) AS n");
      expect(passages?.n).toBe(0);
      const [ledgers] = await db.read<{ sources: string[] }>("MATCH (f:ImportedFile) WHERE f.source CONTAINS '-zz-' RETURN collect(f.source) AS sources");
      expect(ledgers?.sources).toEqual(['src-zz-a']);
      // Stated by a.yaml too: only b.yaml's evidence went.
      expect(await fact('org-zz-acme')).toEqual({ sources: ['src-zz-a'], quotes: ['Zedville et Acme ont signé'] });
      expect((await fact('org-zz-acme|PARTY_TO|agr-zz-zedville-acme'))?.sources).toEqual(['src-zz-a']);
      // b.yaml alone described Jean Zorro as mayor: the description went with it; a.yaml's name stays.
      expect(await props('per-zz-jean-zorro')).not.toHaveProperty('description');
      expect(await props('per-zz-jean-zorro')).toMatchObject({ name: 'Jean Zorro' });
      // The API's fact stays, without b.yaml's evidence.
      expect(await fact('per-zz-jean-zorro|HOLDS_ROLE|org-zz-zedville|adjoint-2001')).toEqual({ sources: [], quotes: [] });
      const [logged] = await db.read<{ after: string }>("MATCH (c:Change {action: 'import'}) RETURN c.after AS after ORDER BY c.seq DESC LIMIT 1");
      expect(JSON.parse(logged!.after)).toMatchObject({ filesRemoved: 1, nodesRemoved: 1 });
    } finally {
      fixture.remove();
    }
  });
});
