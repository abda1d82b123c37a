import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { importCorpus, relationshipId } from '../src/import';
import { testDatabase } from './support/db';
import { graphFingerprint, removeFixtureEntities, validCorpus, writeFixtureCorpus, FixtureCorpus } from './support/importFixtures';

/**
 * Does one entity named in several documents become one node with all its sources, and does importing again
 * — everything, or one file alone — change nothing it should not?
 */

let db: Database;
let fixture: FixtureCorpus;
const importFixture = (...names: string[]) =>
  importCorpus(db, names.length ? names.map((n) => fixture.file(n)) : [fixture.dataDir], { sourcesDir: fixture.sourcesDir });

const entity = async (id: string) => {
  const [row] = await db.read<{ props: Record<string, any>; labels: string[] }>(
    'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props, labels(n) AS labels',
    { id },
  );
  return row;
};
const relationships = (from: string, type: string, to: string) =>
  db.read<{ props: Record<string, any> }>(
    'MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type RETURN properties(r) AS props ORDER BY r.key',
    { from, type, to },
  );
const evidence = (props: Record<string, any>) =>
  (props.evidenceSources as string[]).map((s, i) => `${s}: ${(props.evidenceQuotes as string[])[i]}`).sort();

beforeAll(async () => {
  db = await testDatabase();
  await removeFixtureEntities(db);
  fixture = writeFixtureCorpus(validCorpus());
});
afterAll(async () => {
  await removeFixtureEntities(db);
  fixture.remove();
  await db.close();
});

describe('importing merges, and importing again changes nothing', () => {
  it('makes one node of an entity two documents describe, with both sources, merged aliases and every property', async () => {
    const report = await importFixture();
    expect(report.written).toMatchObject({ nodesCreated: 7, relationshipsCreated: 6 });
    const acme = await entity('org-zz-acme');
    expect(acme?.labels.sort()).toEqual(['Entity', 'Organisation']);
    expect(acme?.props).toMatchObject({ name: 'Acme', type: 'company', aliases: ['Acme SA'] });
    expect(evidence(acme!.props)).toEqual(['src-zz-a: Zedville et Acme ont signé', 'src-zz-b: la société Acme SA']);
    const zorro = await entity('per-zz-jean-zorro');
    expect(zorro?.props.description).toBe('Mayor of Zedville.');
  });

  it('keeps partial dates as strings with their precision', async () => {
    expect((await entity('agr-zz-zedville-acme'))?.props).toMatchObject({ date: '2008-03-03', datePrecision: 'day' });
    expect((await entity('src-zz-a'))?.props).toMatchObject({ date: '2008-03', datePrecision: 'month', file: 'zz-a.txt' });
    const roles = await relationships('per-zz-jean-zorro', 'HOLDS_ROLE', 'org-zz-zedville');
    expect(roles.map((r) => r.props)).toEqual([
      expect.objectContaining({ key: '', title: 'maire', id: 'per-zz-jean-zorro|HOLDS_ROLE|org-zz-zedville' }),
      expect.objectContaining({ key: 'adjoint-2001', title: 'adjoint', asOf: '2001', asOfPrecision: 'year' }),
    ]);
  });

  it('gives every relationship a stable id, its key, and its properties (a signatory and on whose behalf)', async () => {
    const [signed] = await relationships('per-zz-jean-zorro', 'SIGNED', 'agr-zz-zedville-acme');
    expect(signed?.props).toMatchObject({
      id: relationshipId('per-zz-jean-zorro', 'SIGNED', 'agr-zz-zedville-acme'),
      key: '',
      onBehalfOf: 'org-zz-zedville',
      date: '2008-03-03',
      datePrecision: 'day',
    });
    expect((await entity('com-zz-30-people'))?.props).toMatchObject({ quantity: 30, unit: 'people', period: 'per year' });
  });

  it('merges a relationship two documents state into one, with the evidence of both', async () => {
    const parties = await relationships('org-zz-acme', 'PARTY_TO', 'agr-zz-zedville-acme');
    expect(parties).toHaveLength(1);
    expect(evidence(parties[0]!.props)).toEqual([
      'src-zz-a: Zedville et Acme ont signé une convention',
      'src-zz-b: Acme (la société Acme SA) renouvelle sa convention avec Zedville.',
    ]);
  });

  it('changes nothing when the same corpus is imported again: no node, relationship, property or quote added', async () => {
    const before = await graphFingerprint(db);
    const imports = async () => (await db.read<{ n: number }>("MATCH (c:Change {action: 'import'}) RETURN count(c) AS n"))[0]!.n;
    const logged = await imports();
    const report = await importFixture();
    expect(report.written).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await graphFingerprint(db)).toEqual(before);
    // The import itself is recorded in the change log, facts changed or not.
    expect(await imports()).toBe(logged + 1);
  });

  it('re-importing one file alone keeps what the other file gave (properties, aliases, evidence)', async () => {
    const before = await graphFingerprint(db);
    await importFixture('a.yaml');
    expect(await graphFingerprint(db)).toEqual(before);
    const acme = await entity('org-zz-acme');
    expect(acme?.props.aliases).toEqual(['Acme SA']);
    expect(evidence(acme!.props)).toContain('src-zz-b: la société Acme SA');
    expect((await entity('per-zz-jean-zorro'))?.props.description).toBe('Mayor of Zedville.');
  });

  it('re-importing a file whose relationship ends are described only by another, already imported, file', async () => {
    const before = await graphFingerprint(db);
    // b.yaml names agr-zz-zedville-acme, which only a.yaml describes: resolved against the database.
    await importFixture('b.yaml');
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('re-importing the curated corpus changes nothing', async () => {
    const config = loadConfig();
    const before = await graphFingerprint(db);
    const report = await importCorpus(db, [config.dataDir], { sourcesDir: config.sourcesDir });
    expect(report.files).toBeGreaterThanOrEqual(5);
    expect(report.written).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await graphFingerprint(db)).toEqual(before);
  });
});
