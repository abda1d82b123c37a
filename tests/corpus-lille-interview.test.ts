import type { Database } from '../src/db/database';
import { entity, ids, neighbours } from './support/corpusGraph';
import { testDatabase } from './support/db';

/** What the Lille interview (000) states, found in the graph and cited to it. */
const SOURCE = 'src-000-lille-interview';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('the Lille interview', () => {
  it('who is party to the Lille convention? Microsoft, the communauté urbaine and the city of Lille', async () => {
    const parties = await neighbours(db, 'agr-lille-microsoft', 'PARTY_TO', 'in');
    expect(ids(parties)).toEqual(['org-communaute-urbaine-de-lille', 'org-microsoft', 'org-ville-de-lille']);
    for (const p of parties) expect(p.rel.evidenceSources).toContain(SOURCE);
    expect((await entity(db, 'agr-lille-microsoft'))?.props.type).toBe('convention');
  });

  it('what does it promise? 20 software start-ups a year, and about fifty people a year back to work', async () => {
    const commitments = await neighbours(db, 'agr-lille-microsoft', 'INCLUDES');
    const startups = commitments.find((c) => c.id === 'com-lille-20-startups-per-year');
    expect(startups?.props).toMatchObject({ quantity: 20, unit: 'start-ups', period: 'per year' });
    expect(startups?.props.evidenceQuotes).toContain('L’objectif fixé est d’accompagner 20 start up dans le domaine des logiciels chaque année.');
    expect(commitments.find((c) => c.id === 'com-lille-50-people-per-year')?.props).toMatchObject({ quantity: 50, unit: 'people' });
  });

  it('which strands does the convention set up, and is the entrepreneurial one part of IDEES?', async () => {
    const strands = ids(await neighbours(db, 'agr-lille-microsoft', 'ESTABLISHES'));
    expect(strands).toEqual(expect.arrayContaining(['prg-lille-volet-entrepreneurial', 'prg-lille-volet-social', 'prg-lille-volet-societal']));
    expect(ids(await neighbours(db, 'prg-lille-volet-entrepreneurial', 'PART_OF'))).toContain('prg-idees');
  });

  it('who answers for Microsoft? Marc Mossé, in charge of institutional affairs', async () => {
    const roles = await neighbours(db, 'per-marc-mosse', 'HOLDS_ROLE');
    expect(roles.map((r) => [r.id, r.rel.title])).toContainEqual(['org-microsoft', 'chargé des affaires institutionnelles']);
    expect((await entity(db, 'per-marc-mosse'))?.sources).toContain(SOURCE);
  });

  it('the interview is a Source with its file, undated in the text and dated with how it was inferred', async () => {
    const source = await entity(db, SOURCE);
    expect(source?.kind).toBe('Source');
    expect(source?.props).toMatchObject({ file: '000_4259747c74391fd7.txt', type: 'interview', date: '2008', datePrecision: 'year' });
    expect(source?.props.dateInferred).toEqual(expect.any(String));
  });
});
