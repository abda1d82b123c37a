import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile, thrown away on close. */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  const userDataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'accords-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    acceptDownloads: true,
    locale: 'en-GB',
  });
  return {
    context,
    async close() {
      await context.close();
      await fs.promises.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the page has no request, layout or animation under way. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.busy === 'false');
}

/** The id of the drawn node whose label matches. */
export async function nodeIdByLabel(page: Page, label: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    ([source, flags]) => {
      const cy = (window as any).accords.cy;
      const re = new RegExp(source, flags);
      const hit = cy.nodes().filter((n: any) => !n.hasClass('more') && re.test(n.data('label')))[0];
      return hit ? hit.id() : null;
    },
    [label.source, label.flags] as const,
  );
  return (await handle.jsonValue()) as string;
}

/** Clicks a drawn node where it is on screen, as a reader would (the view is first centred on it). */
export async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate(async (id) => {
    const cy = (window as any).accords.cy;
    const node = cy.getElementById(id);
    if (node.empty()) throw new Error(`node ${id} is not drawn`);
    cy.center(node);
    const p = node.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

/** Clicks the middle of a drawn relationship. */
export async function clickEdge(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((id) => {
    const cy = (window as any).accords.cy;
    const edge = cy.getElementById(id);
    if (edge.empty()) throw new Error(`relationship ${id} is not drawn`);
    cy.center(edge);
    const p = edge.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
