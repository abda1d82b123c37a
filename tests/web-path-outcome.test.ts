import type { Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web';
import { launchBrowser, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

/**
 * When no path is found the panel says why, from how the API's bounded search ended (`pathSearch`): no path
 * within the length searched, rather than a bare empty result. In a real browser against the real server.
 */
describe("the explorer's path panel says how the search ended", () => {
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    await buildWeb();
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** How many relationships from `from` each node is (absent: unreachable), read from the graph itself. */
  async function distancesFrom(from: string): Promise<Map<string, number>> {
    const rows = await server.db.read<{ a: string; b: string }>('MATCH (x:Entity)-[]->(y:Entity) RETURN x.id AS a, y.id AS b');
    const next = new Map<string, string[]>();
    for (const { a, b } of rows) {
      next.set(a, [...(next.get(a) ?? []), b]);
      next.set(b, [...(next.get(b) ?? []), a]);
    }
    const distance = new Map([[from, 0]]);
    for (let frontier = [from]; frontier.length; ) {
      const reached: string[] = [];
      for (const id of frontier) {
        for (const n of next.get(id) ?? []) {
          if (distance.has(n)) continue;
          distance.set(n, distance.get(id)! + 1);
          reached.push(n);
        }
      }
      frontier = reached;
    }
    return distance;
  }

  it('between Martin Malvy and a node no path of 8 relationships reaches: "no path within 8 relationships", and nothing highlighted', async () => {
    const distance = await distancesFrom('per-martin-malvy');
    const [far] = await server.db.read<{ id: string; label: string }>(
      'MATCH (n:Entity) WHERE NOT n.id IN $near RETURN n.id AS id, coalesce(n.name, n.title) AS label ORDER BY n.id LIMIT 1',
      { near: [...distance].filter(([, d]) => d <= 8).map(([id]) => id) },
    );
    expect(far).toBeDefined();
    const api = await server.gql(`query ($to: ID!) { pathSearch(from: "per-martin-malvy", to: $to, maxLength: 8) { outcome paths { length } } }`, { to: far!.id });
    expect(api.data.pathSearch).toEqual({ outcome: 'NO_PATH', paths: [] });

    page = await browser.context.newPage();
    await page.goto(`${server.url}/?path=per-martin-malvy,${encodeURIComponent(far!.id)}`);
    const status = page.locator('#panel [data-outcome="NO_PATH"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toBe(`No path within 8 relationships between Martin Malvy and ${far!.label}.`);
    expect(await page.evaluate(() => (window as any).accords.cy.$('.on-path').length)).toBe(0);
    await page.close();
  }, 120_000);
});
