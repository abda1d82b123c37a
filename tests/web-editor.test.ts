import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../src/config';
import { contentHash } from '../src/writes/sources';
import { idle, nodeIdByLabel } from './support/browser';
import { startEditorSession, type EditorSession } from './support/editorSession';
import type { TestServer } from './support/server';
import { undoWrites } from './support/writes';

const TEXT = fs.readFileSync(path.join(ROOT, 'examples', 'writes', 'document.txt'), 'utf8');
const SOURCE = `src-${contentHash(TEXT).slice(0, 16)}`;
const QUOTE = "La convention a été signée par Mme Claire Martin, maire d'Essai, au nom de la commune.";
const SIGNED = 'per-claire-martin|SIGNED|agr-essai-logiciels-2008';

describe('an editor in the explorer adds a signature with the words of the document that state it', () => {
  let session: EditorSession;
  let server: TestServer;
  let page: Page;
  let editor: EditorSession['editor'];
  let pageErrors: string[];

  beforeAll(async () => {
    session = await startEditorSession('explorer-editor');
    ({ server, page, editor, pageErrors } = session);
    // The document and the three nodes, through the API (examples/writes/02 without the signature).
    const as = { authorization: editor.authorization };
    await server.gql('mutation($t: String!) { addSource(input: { text: $t, title: "Communiqué (exemple fictif)" }) { created } }', { t: TEXT }, as);
    const node = (kind: string, id: string, fields: Record<string, unknown>, quote: string) =>
      server.gql('mutation($i: CreateNodeInput!) { createNode(input: $i) { id } }', { i: { kind, id, fields, evidence: [{ sourceId: SOURCE, quote }] } }, as);
    await node('Organisation', 'org-commune-d-essai', { name: "Commune d'Essai", type: 'local_authority' }, "La commune d'Essai");
    await node('Agreement', 'agr-essai-logiciels-2008', { title: 'Convention Essai–Logiciels Exemplaires', type: 'convention' }, 'une convention de partenariat');
    await node('Person', 'per-claire-martin', { name: 'Claire Martin' }, 'Mme Claire Martin');
  }, 120_000);
  afterAll(async () => {
    if (!session) return;
    await undoWrites(server.db, session.mark, [SOURCE, 'org-commune-d-essai', 'agr-essai-logiciels-2008', 'per-claire-martin']);
    await session.close();
  });

  it('signs in, opens the text, selects the sentence, adds SIGNED, and sees it in the graph and its history', async () => {
    await page.goto(server.url);
    await session.signIn('acc_wrong');
    await page.locator('#editor-who', { hasText: 'not valid' }).waitFor();
    await session.signIn();
    await page.locator('#editor-who', { hasText: 'Signed in as' }).waitFor();
    // The token is not kept anywhere a script could find it later.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)).not.toContain('acc_');
    expect(await page.inputValue('#editor-token')).toBe('');

    await page.fill('#editor-source', SOURCE);
    await page.click('#editor-open');
    await page.locator('#editor-text', { hasText: 'Claire Martin' }).waitFor();
    // Select the sentence in the text, as a reader would with the mouse.
    await page.evaluate((quote) => {
      const text = document.getElementById('editor-text')!.firstChild!;
      const start = text.textContent!.indexOf(quote);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + quote.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, QUOTE);
    await page.waitForFunction((quote) => (document.getElementById('editor-quote') as HTMLTextAreaElement).value === quote, QUOTE);

    await page.selectOption('#editor-type', 'SIGNED');
    await page.fill('#editor-from', 'per-claire-martin');
    await page.fill('#editor-to', 'agr-essai-logiciels-2008');
    await page.fill('#editor-fields', '{"onBehalfOf": "org-commune-d-essai"}');
    await page.click('#editor-form button[type=submit]');
    await page.locator('#editor-status', { hasText: `Added ${SIGNED}` }).waitFor();
    await page.locator('#editor-history li', { hasText: 'create by test-token:explorer-editor' }).waitFor();

    // At once in the graph: the explorer shows the signatory's network, the agreement drawn beside her.
    await page.locator('#panel h2', { hasText: 'Claire Martin' }).waitFor();
    await idle(page);
    expect(await nodeIdByLabel(page, /^Convention Essai–Logiciels Exemplaires$/)).toBe('agr-essai-logiciels-2008');
    const read = await server.gql('{ agreement(id: "agr-essai-logiciels-2008") { signatories { person { id } onBehalfOf { id } evidence { quote } } } }');
    expect(read.data.agreement.signatories).toEqual([{ person: { id: 'per-claire-martin' }, onBehalfOf: { id: 'org-commune-d-essai' }, evidence: [{ quote: QUOTE }] }]);
  });

  it('shows the server’s refusal when the selected words are not in the document', async () => {
    await page.fill('#editor-quote', 'signée par M. Personne');
    await page.fill('#editor-to', 'org-commune-d-essai');
    await page.selectOption('#editor-type', 'HOLDS_ROLE');
    await page.fill('#editor-fields', '{"title": "maire"}');
    await page.click('#editor-form button[type=submit]');
    await page.locator('#editor-status.problem', { hasText: 'quote not found byte for byte' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
