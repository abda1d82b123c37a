import type { Page, Request } from 'playwright-core';
import { buildWeb } from '../scripts/build-web';
import { idle, launchBrowser, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

/**
 * A hub's details come a page at a time: the panel asks each list's first items with how many there are in
 * all, and "show all 18" asks for the rest. In a real browser against the real server.
 */
describe("the explorer's panel pages a hub's lists", () => {
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    await buildWeb();
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.context.newPage();
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterEach(async () => {
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  const operation = (r: Request) => (r.url().endsWith('/graphql') ? (/^\s*query (\w+)/.exec(r.postDataJSON()?.query ?? '')?.[1] ?? null) : null);

  it("Microsoft's shared view: the programmes it runs, 10 of 18 at first, then all 18 as the API lists them", async () => {
    const api = await server.gql(`{ organisation(id: "org-microsoft") { runs { node { id } } runsTotal } }`);
    const all: string[] = api.data.organisation.runs.map((l: { node: { id: string } }) => l.node.id);
    expect(api.data.organisation.runsTotal).toBe(all.length);
    expect(all.length).toBeGreaterThan(10);

    const sent: string[] = [];
    const answers: Array<{ name: string | null; body: Promise<string> }> = [];
    page.on('request', (r) => {
      const name = operation(r);
      if (name) sent.push(name);
    });
    page.on('response', (r) => {
      const name = operation(r.request());
      if (name) answers.push({ name, body: r.text() });
    });

    await page.goto(`${server.url}/?expanded=org-microsoft&selected=org-microsoft`);
    const runs = page.locator('#panel [data-field="runs"]');
    await runs.waitFor();
    await idle(page);
    expect(await runs.locator('h3 .count').textContent()).toBe(` ${all.length}`);
    expect(await runs.locator('li button.node-link').count()).toBe(10);
    // The first page is the list's first items, in the API's order.
    const firstPage = await runs.locator('li button.node-link').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
    expect(firstPage).toEqual(all.slice(0, 10));
    // The details were asked once (prefetch.js sent them with the neighbourhood; the app took that answer), a page of each list.
    expect(sent.filter((n) => n === 'OrganisationDetail')).toEqual(['OrganisationDetail']);
    const detail = JSON.parse(await answers.find((a) => a.name === 'OrganisationDetail')!.body);
    for (const [field, value] of Object.entries(detail.data.node)) {
      if (Array.isArray(value) && field !== 'aliases' && field !== 'evidence') expect({ field, length: value.length <= 10 }).toEqual({ field, length: true });
    }

    await runs.locator('button.show-more', { hasText: `Show all ${all.length}` }).click();
    await runs.locator('li button.node-link').nth(all.length - 1).waitFor();
    const shown = await page
      .locator('#panel [data-field="runs"] li button.node-link')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
    expect(shown).toEqual(all);
    expect(await page.locator('#panel [data-field="runs"] button.show-more').count()).toBe(0);
    expect(sent).toContain('OrganisationRunsPage');
    // A list that fits in its first page has no button.
    const people = page.locator('#panel [data-field="people"]');
    expect(Number((await people.locator('h3 .count').textContent())?.trim())).toBeLessThanOrEqual(10);
    expect(await people.locator('button.show-more').count()).toBe(0);
  });

  it("the most quoted node's own quotes: 10 at first with how many there are, then all of them as the API lists them", async () => {
    const [most] = await server.db.read<{ id: string }>('MATCH (n:Entity) RETURN n.id AS id ORDER BY size(n.evidenceQuotes) DESC, n.id LIMIT 1');
    const api = await server.gql(`query($id: ID!) { node(id: $id) { ... on Entity { evidence(first: 1000) { quote } evidenceTotal } } }`, { id: most!.id });
    const quotes: string[] = api.data.node.evidence.map((e: { quote: string }) => e.quote);
    expect(api.data.node.evidenceTotal).toBe(quotes.length);
    expect(quotes.length).toBeGreaterThan(10);

    await page.goto(`${server.url}/?expanded=${most!.id}&selected=${most!.id}`);
    const section = page.locator('#panel section.evidence-section');
    await section.waitFor();
    await idle(page);
    expect(await section.locator('h3 .count').textContent()).toBe(` ${quotes.length}`);
    expect(await section.locator('ol.evidence > li').count()).toBe(10);

    await section.locator('button.show-more', { hasText: `Show all ${quotes.length}` }).click();
    await page.locator('#panel section.evidence-section ol.evidence > li').nth(quotes.length - 1).waitFor();
    const shown = page.locator('#panel section.evidence-section ol.evidence > li');
    expect(await shown.count()).toBe(quotes.length);
    // Each quote in the API's order, and no button left.
    const texts = await shown.allTextContents();
    quotes.forEach((q, i) => expect(texts[i]).toContain(q.slice(0, 40)));
    expect(await page.locator('#panel section.evidence-section button.show-more').count()).toBe(0);
  });
});
