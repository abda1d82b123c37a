import type { Database } from '../src/db/database';
import { entity, ids, neighbours } from './support/corpusGraph';
import { testDatabase } from './support/db';

/** What the APVF article (003) states: the protocol, its two signatories, and the earlier Lyon agreement. */
const SOURCE = 'src-003-apvf-protocol';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('the APVF protocol article', () => {
  it('who signed the APVF protocol, for whom? Eric Boustouller for Microsoft France, Martin Malvy for the APVF', async () => {
    const signatories = await neighbours(db, 'agr-apvf-microsoft-2007', 'SIGNED', 'in');
    expect(signatories.map((s) => [s.id, s.rel.onBehalfOf])).toEqual([
      ['per-eric-boustouller', 'org-microsoft-france'],
      ['per-martin-malvy', 'org-apvf'],
    ]);
    for (const s of signatories) {
      expect(s.rel.evidenceSources).toContain(SOURCE);
      expect(s.rel.evidenceQuotes.join(' ')).toMatch(/Eric Boustouller.*Martin Malvy/);
    }
  });

  it('when? Tuesday 27 November, the year 2007 inferred from the context and said so', async () => {
    const protocol = await entity(db, 'agr-apvf-microsoft-2007');
    expect(protocol?.props).toMatchObject({ type: 'protocol', date: '2007-11-27', datePrecision: 'day' });
    const [signed] = await neighbours(db, 'agr-apvf-microsoft-2007', 'SIGNED', 'in');
    expect(signed?.rel.dateInferred).toMatch(/2007/);
  });

  it('who are the parties, and what does it set up? the APVF and Microsoft France; sessions for about 1,000 towns', async () => {
    expect(ids(await neighbours(db, 'agr-apvf-microsoft-2007', 'PARTY_TO', 'in'))).toEqual(['org-apvf', 'org-microsoft-france']);
    expect((await entity(db, 'org-apvf'))?.props.aliases).toContain('APVF');
    const commitments = await neighbours(db, 'agr-apvf-microsoft-2007', 'INCLUDES');
    expect(commitments.find((c) => c.id === 'com-apvf-1000-members')?.props.quantity).toBe(1000);
  });

  it('Gérard Colomb (as the text spells him) and Gérard Collomb are one person, who signed the Lyon agreement as mayor', async () => {
    const mayor = await entity(db, 'per-gerard-collomb');
    expect(mayor?.kind).toBe('Person');
    expect([mayor?.props.name, ...(mayor?.props.aliases ?? [])]).toEqual(expect.arrayContaining(['Gérard Collomb', 'Gérard Colomb']));
    const byName = await db.read<{ id: string }>(
      "MATCH (p:Person) WHERE p.name IN ['Gérard Collomb', 'Gérard Colomb'] OR any(a IN coalesce(p.aliases, []) WHERE a IN ['Gérard Collomb', 'Gérard Colomb']) RETURN p.id AS id",
    );
    expect(byName).toEqual([{ id: 'per-gerard-collomb' }]);
    const lyon = await neighbours(db, 'agr-lyon-microsoft-2007', 'SIGNED', 'in');
    expect(lyon.map((s) => [s.id, s.rel.onBehalfOf])).toEqual([
      ['per-bill-gates', 'org-microsoft'],
      ['per-gerard-collomb', 'org-ville-de-lyon'],
    ]);
    expect((await neighbours(db, 'per-gerard-collomb', 'HOLDS_ROLE')).map((r) => [r.id, r.rel.title])).toContainEqual(['org-ville-de-lyon', 'maire']);
  });
});
