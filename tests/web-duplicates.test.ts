import type { Page } from 'playwright-core';
import { importCorpus } from '../src/import';
import { idle } from './support/browser';
import { DUP_EXTRA_TEXT, DUP_TEXT, duplicatesCorpus, removeJudgements, SAME_QUOTE } from './support/duplicates';
import { graphContent } from './support/exports';
import { removeFixtureEntities, writeFixtureCorpus, type FixtureCorpus } from './support/importFixtures';
import { startEditorSession, type EditorSession } from './support/editorSession';
import type { TestServer } from './support/server';
import { undoWrites } from './support/writes';

describe('an editor in the explorer sees who may be the same actor, compares them, merges, and undoes it', () => {
  let session: EditorSession;
  let server: TestServer;
  let page: Page;
  let corpus: FixtureCorpus;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await startEditorSession('duplicates-explorer');
    ({ server, page, pageErrors } = session);
    corpus = writeFixtureCorpus(duplicatesCorpus(), { 'zz-dup.txt': DUP_TEXT, 'zz-extra.txt': DUP_EXTRA_TEXT });
    await importCorpus(server.db, [corpus.dataDir], { sourcesDir: corpus.sourcesDir });
  }, 120_000);
  afterAll(async () => {
    if (!session) return;
    await removeFixtureEntities(server.db);
    await removeJudgements(server.db);
    await undoWrites(server.db, session.mark, []);
    corpus?.remove();
    await session.close();
  });

  it('shows the mairie beside the ville, merges them with a quote, shows the former identity, and undoes the merge', async () => {
    const before = await graphContent(server.db);
    await page.goto(`${server.url}?expanded=org-zz-ville&selected=org-zz-ville`);
    await page.locator('#panel h2', { hasText: 'Ville de Zedville' }).waitFor();
    // Nothing of it for a reader: it needs an editor's token.
    expect(await page.locator('#duplicates').isHidden()).toBe(true);
    await session.signIn();
    await page.locator('#editor-who', { hasText: 'Signed in as' }).waitFor();

    const candidate = page.locator('#duplicates-list li[data-candidate="org-zz-mairie"]');
    await candidate.waitFor();
    expect(await candidate.textContent()).toContain('both name the body of zedville');
    await candidate.locator('button.compare').click();
    // Side by side: both names, their relationships and their evidence.
    await page.locator('.duplicates-side[data-side="org-zz-mairie"]', { hasText: 'La Mairie de Zedville' }).waitFor();
    expect(await page.locator('.duplicates-side[data-side="org-zz-ville"]').textContent()).toContain('PARTY_TO');
    expect(await page.locator('.duplicates-side[data-side="org-zz-mairie"]').textContent()).toContain('Mairie de Zedville PART_OF Ville de Zedville');

    await page.selectOption('#judge-verdict', 'SAME');
    await page.fill('#judge-reason', 'The press release says the mairie is the city itself');
    await page.fill('#judge-source', 'src-zz-dup');
    await page.fill('#judge-quote', SAME_QUOTE);
    await page.click('#judge-form button[type=submit]');
    await page.locator('#duplicates-status', { hasText: 'Merged into org-zz-ville' }).waitFor();
    const former = page.locator('#duplicates-former li[data-former="org-zz-mairie"]');
    await former.waitFor();
    expect(await former.textContent()).toContain('The press release says the mairie is the city itself');
    const merged = await server.gql('{ node(id: "org-zz-mairie") { id ... on Entity { mergedIds } } }');
    expect(merged.data.node).toEqual({ id: 'org-zz-ville', mergedIds: ['org-zz-mairie'] });

    await former.locator('button.undo-judgement').click();
    await page.locator('#duplicates-status', { hasText: 'the nodes are separate again' }).waitFor();
    await idle(page);
    expect((await graphContent(server.db)).hash).toBe(before.hash);
    expect(pageErrors).toEqual([]);
  });
});
