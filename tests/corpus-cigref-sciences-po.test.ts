import type { Database } from '../src/db/database';
import { entity, ids, neighbours } from './support/corpusGraph';
import { testDatabase } from './support/db';

/** What the CIO article (004) states: the CIGREF renewal and the 2001 accord, Sciences-Po and its chairs. */
const SOURCE = 'src-004-cigref-sciences-po';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('the CIGREF and Sciences-Po article', () => {
  it('what does the CIGREF partnership renew? the 2001 accord', async () => {
    const renewed = await neighbours(db, 'agr-cigref-microsoft-renewal', 'RENEWS');
    expect(ids(renewed)).toEqual(['agr-cigref-microsoft-2001']);
    expect(renewed[0]?.props).toMatchObject({ date: '2001', datePrecision: 'year' });
    expect(renewed[0]?.rel.evidenceSources).toContain(SOURCE);
    expect(ids(await neighbours(db, 'agr-cigref-microsoft-renewal', 'PARTY_TO', 'in'))).toEqual(['org-cigref', 'org-microsoft']);
  });

  it('which chairs does the Sciences-Po partnership set up, and who holds them?', async () => {
    expect(ids(await neighbours(db, 'agr-sciences-po-microsoft', 'ESTABLISHES'))).toEqual(
      expect.arrayContaining(['prg-chaire-humanites-scientifiques', 'prg-chaire-regulation']),
    );
    expect(ids(await neighbours(db, 'prg-chaire-humanites-scientifiques', 'TAKES_PART_IN', 'in'))).toContain('per-bruno-latour');
    expect(ids(await neighbours(db, 'prg-chaire-regulation', 'TAKES_PART_IN', 'in'))).toContain('per-marie-anne-frison-roche');
  });

  it('who wrote the article? Bertrand Lemaire, editor of CIO', async () => {
    expect(ids(await neighbours(db, SOURCE, 'AUTHORED', 'in'))).toEqual(['per-bertrand-lemaire']);
    expect((await neighbours(db, 'per-bertrand-lemaire', 'HOLDS_ROLE')).map((r) => r.id)).toContain('org-cio');
  });

  it('no signatory the text does not name: neither CIGREF nor Sciences-Po agreement has one', async () => {
    expect(await neighbours(db, 'agr-cigref-microsoft-renewal', 'SIGNED', 'in')).toEqual([]);
    expect(await neighbours(db, 'agr-sciences-po-microsoft', 'SIGNED', 'in')).toEqual([]);
    expect((await entity(db, 'agr-sciences-po-microsoft'))?.props.date).toBeUndefined();
  });
});
