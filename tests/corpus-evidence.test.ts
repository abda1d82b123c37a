import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { graphStats } from '../src/store/stats';
import { testDatabase } from './support/db';

/**
 * Can every fact be traced to a document? Re-checked here from the graph itself, independently of the
 * importer: each quote is read back from Neo4j and searched byte for byte in the file of its Source node.
 */

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

interface Fact {
  fact: string;
  sources: string[] | null;
  quotes: string[] | null;
}

describe('every fact carries its evidence', () => {
  it('holds the five documents, one Source node each, whose file exists', async () => {
    const sources = await db.read<{ id: string; file: string }>('MATCH (s:Source) RETURN s.id AS id, s.file AS file ORDER BY id');
    expect(sources.map((s) => s.id)).toEqual([
      'src-000-lille-interview',
      'src-001-paris-press-kit',
      'src-002-paris-statement',
      'src-003-apvf-protocol',
      'src-004-cigref-sciences-po',
    ]);
    for (const s of sources) expect(fs.existsSync(path.join(loadConfig().sourcesDir, s.file))).toBe(true);
  });

  it('no fact without evidence (stats says 0), and evidence lists are parallel', async () => {
    expect((await graphStats(db)).factsWithoutEvidence).toBe(0);
    const facts = await db.read<Fact>(`
      MATCH (n:Entity) RETURN n.id AS fact, n.evidenceSources AS sources, n.evidenceQuotes AS quotes
      UNION ALL
      MATCH (:Entity)-[r]->(:Entity) RETURN r.id AS fact, r.evidenceSources AS sources, r.evidenceQuotes AS quotes`);
    expect(facts.length).toBeGreaterThan(300);
    const bad = facts.filter((f) => !f.fact || !f.quotes?.length || f.sources?.length !== f.quotes.length);
    expect(bad).toEqual([]);
  });

  it('every quote is found byte for byte in the document of its source', async () => {
    const files = new Map(
      (await db.read<{ id: string; file: string }>('MATCH (s:Source) RETURN s.id AS id, s.file AS file')).map((s) => [
        s.id,
        fs.readFileSync(path.join(loadConfig().sourcesDir, s.file)),
      ]),
    );
    const facts = await db.read<Fact>(`
      MATCH (n:Entity) RETURN n.id AS fact, n.evidenceSources AS sources, n.evidenceQuotes AS quotes
      UNION ALL
      MATCH (:Entity)-[r]->(:Entity) RETURN r.id AS fact, r.evidenceSources AS sources, r.evidenceQuotes AS quotes`);
    const missing: string[] = [];
    let checked = 0;
    for (const f of facts) {
      f.quotes?.forEach((quote, i) => {
        const document = files.get(f.sources![i]!);
        checked++;
        if (!document || document.indexOf(Buffer.from(quote, 'utf8')) === -1) missing.push(`${f.fact}: ${f.sources![i]}: ${quote}`);
      });
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('an entity several documents name is one node citing all of them: Microsoft in all five', async () => {
    const [row] = await db.read<{ nodes: number; sources: string[] }>(
      "MATCH (n:Organisation) WHERE n.name = 'Microsoft' RETURN count(n) AS nodes, collect(n.evidenceSources)[0] AS sources",
    );
    expect(row?.nodes).toBe(1);
    expect(new Set(row?.sources).size).toBe(5);
  });

  it('every node has its kind besides Entity, and every relationship its stable id', async () => {
    const [row] = await db.read<{ unlabelled: number; noId: number }>(`
      CALL () { MATCH (n:Entity) WHERE size(labels(n)) <> 2 RETURN count(n) AS unlabelled }
      CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE r.id IS NULL OR r.key IS NULL RETURN count(r) AS noId }
      RETURN unlabelled, noId`);
    expect(row).toEqual({ unlabelled: 0, noId: 0 });
  });
});
