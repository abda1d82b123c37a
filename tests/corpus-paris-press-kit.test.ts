import type { Database } from '../src/db/database';
import { entity, ids, neighbours } from './support/corpusGraph';
import { testDatabase } from './support/db';

/** What the Paris press kit (001) states about the partnership of 29 January 2008 and the earlier agreements. */
const SOURCE = 'src-001-paris-press-kit';
const PARTNERSHIP = 'agr-paris-microsoft-2008';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('the Paris press kit', () => {
  it('when was the Paris–Microsoft partnership signed, and between whom? 29 January 2008, the city and Microsoft', async () => {
    const agreement = await entity(db, PARTNERSHIP);
    expect(agreement?.props).toMatchObject({ date: '2008-01-29', datePrecision: 'day', type: 'partnership' });
    expect(agreement?.sources).toEqual(expect.arrayContaining([SOURCE, 'src-002-paris-statement', 'src-000-lille-interview']));
    expect(ids(await neighbours(db, PARTNERSHIP, 'PARTY_TO', 'in'))).toEqual(['org-microsoft', 'org-ville-de-paris']);
  });

  it('which programmes does it set up? employment, digital facilitators, the Centre Sportif Numérique, IDEES and its offshoots, Imagine Cup 2008', async () => {
    const established = await neighbours(db, PARTNERSHIP, 'ESTABLISHES');
    expect(ids(established)).toEqual(
      expect.arrayContaining([
        'prg-paris-retour-emploi',
        'prg-paris-animateurs-numeriques',
        'prg-centre-sportif-numerique',
        'prg-idees',
        'prg-idees-design',
        'prg-idees-eco-activites',
        'evt-imagine-cup-2008',
      ]),
    );
    for (const e of established) expect(e.rel.evidenceSources.length).toBeGreaterThan(0);
    expect((await entity(db, 'prg-centre-sportif-numerique'))?.props.name).toBe('Centre Sportif Numérique');
  });

  it('what numbers does it promise? about 100 back to work the first year, 40 IDEES companies a year, 500 Imagine Cup students', async () => {
    const promised = await neighbours(db, PARTNERSHIP, 'INCLUDES');
    const byId = new Map(promised.map((c) => [c.id, c.props]));
    expect(byId.get('com-paris-100-back-to-work')).toMatchObject({ quantity: 100, period: 'first year' });
    expect(byId.get('com-paris-idees-40-per-year')).toMatchObject({ quantity: 40, period: 'per year' });
    expect(byId.get('com-imagine-cup-2008-500-students')).toMatchObject({ quantity: 500, unit: 'students' });
  });

  it('which earlier agreements does it list? France Telecom’s charter, IDEES 2006, the San Francisco twinning and Digital Pathway', async () => {
    expect(ids(await neighbours(db, 'agr-paris-france-telecom-2004', 'PARTY_TO', 'in'))).toEqual(['org-france-telecom', 'org-ville-de-paris']);
    expect((await entity(db, 'agr-paris-france-telecom-2004'))?.props).toMatchObject({ type: 'charter', date: '2004-11', datePrecision: 'month' });
    expect(ids(await neighbours(db, PARTNERSHIP, 'RENEWS'))).toContain('agr-paris-microsoft-idees-2006');
    expect(ids(await neighbours(db, 'agr-digital-pathway-partnership', 'PARTY_TO', 'in'))).toEqual(
      expect.arrayContaining(['org-air-france', 'org-cisco', 'org-sfr', 'org-ville-de-paris']),
    );
    expect((await entity(db, 'prg-peuplade'))?.sources).toContain(SOURCE);
  });

  it('who are the press contacts? named, with their role, on both sides', async () => {
    expect((await neighbours(db, 'per-lionel-bordeaux', 'HOLDS_ROLE')).map((r) => r.id)).toContain('org-ville-de-paris');
    expect((await neighbours(db, 'per-pely-mendy', 'HOLDS_ROLE')).map((r) => r.id)).toContain('org-microsoft');
  });
});
