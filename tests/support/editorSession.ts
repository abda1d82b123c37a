import type { Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web';
import { launchBrowser, type TestBrowser } from './browser';
import { startTestServer, type TestServer } from './server';
import { removeTestTokens, tokenHeaders } from './tokens';
import { changeLogMark } from './writes';

/**
 * The explorer as an editor meets it: the built web client served by the real server, an editor's token, the
 * change log's mark before the test (to undo its writes), and a Chromium page whose script errors are kept.
 */
export interface EditorSession {
  server: TestServer;
  browser: TestBrowser;
  page: Page;
  editor: { authorization: string; id: string };
  mark: number;
  pageErrors: string[];
  /** Signs in through the explorer's form with `token` (the editor's by default). */
  signIn(token?: string): Promise<void>;
  /** Closes the page, the browser and the server, and removes the test's tokens (undo the writes before). */
  close(): Promise<void>;
}

export async function startEditorSession(tokenName: string): Promise<EditorSession> {
  await buildWeb();
  const server = await startTestServer();
  const editor = await tokenHeaders(server.db, 'editor', tokenName);
  const mark = await changeLogMark(server.db);
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return {
    server,
    browser,
    page,
    editor,
    mark,
    pageErrors,
    async signIn(token = editor.authorization.replace('Bearer ', '')) {
      if (!(await page.locator('#editor-token').isVisible())) await page.click('#editor-toggle');
      await page.fill('#editor-token', token);
      await page.click('#sign-in-form button[type=submit]');
    },
    async close() {
      await page.close().catch(() => undefined);
      await browser.close();
      await removeTestTokens(server.db);
      await server.close();
    },
  };
}
