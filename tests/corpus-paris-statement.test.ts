import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { entity, ids, neighbours } from './support/corpusGraph';
import { testDatabase } from './support/db';

/** What the Ville de Paris statement (002) states: Article 3 and the city's free-software policy. */
const SOURCE = 'src-002-paris-statement';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('the Ville de Paris statement', () => {
  it('what does Article 3 say? its text, exactly as the statement quotes it', async () => {
    const clauses = await neighbours(db, 'agr-paris-microsoft-2008', 'CONTAINS');
    const article3 = clauses.find((c) => c.id === 'cla-paris-article-3');
    expect(article3?.props.title).toBe('Article 3');
    expect(article3?.props.text).toMatch(/^La signature du partenariat n’est liée, en aucun cas, à l’existence d’une relation commerciale/);
    expect(article3?.props.text).toContain('Le présent accord n’est pas exclusif');
    const document = fs.readFileSync(path.join(loadConfig().sourcesDir, '002_5f3030a4463c94cf.txt'), 'utf8');
    expect(document).toContain(article3?.props.text);
    expect(article3?.rel.evidenceSources).toContain(SOURCE);
  });

  it('is the partnership exclusive? no, as stated', async () => {
    expect((await entity(db, 'agr-paris-microsoft-2008'))?.props.exclusive).toBe(false);
  });

  it('what are the city’s free-software facts? Lutèce, Linux servers, free-software workstations', async () => {
    expect((await entity(db, 'prg-lutece'))?.sources).toContain(SOURCE);
    expect((await entity(db, 'prg-paris-logiciel-libre'))?.sources).toContain(SOURCE);
    expect((await entity(db, 'com-paris-50pct-servers-linux'))?.props).toMatchObject({ quantity: 50 });
    expect((await entity(db, 'com-paris-7000-workstations-free-software'))?.props).toMatchObject({ quantity: 7000 });
  });

  it('one Bertrand Delanoë across the documents, with every source that names him', async () => {
    const delanoe = await entity(db, 'per-bertrand-delanoe');
    expect(delanoe?.sources).toEqual(expect.arrayContaining([SOURCE, 'src-001-paris-press-kit', 'src-000-lille-interview']));
    expect(delanoe?.props.aliases).toContain('Delanoë');
    expect(ids(await neighbours(db, 'per-bill-gates', 'TAKES_PART_IN'))).toContain('evt-cglu-meeting-gates');
  });
});
