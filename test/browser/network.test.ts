/// <reference lib="dom" />
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { EL_CAPITAN_PERSON_ID, RECURRING_VESSEL_ID, demoId, kind } from '../../subgraphs/demo/ids.js';
import { expectPageHeaders, watchPage } from '../support/page-security.js';
import { ARTIFACTS, describeWithChromium, launchChromium } from '../support/chromium.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const describeWithBrowser = describeWithChromium();

const CURACAO = demoId(kind.case, 3);

interface Drawn {
  drawn: number;
  nodes: number;
  edges: number;
  withheld: number;
  hits: string[];
  ids: string[];
}

describeWithBrowser('the network page of the example dashboard in a real browser', () => {
  let tidelink: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    tidelink = await startTestStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await tidelink?.stop();
  });

  it('draws the picture around the Curaçao case with Cytoscape.js served locally, hits drawn as withheld and counted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    const watch = await watchPage(page);
    const origin = new URL(tidelink.stack.gateway.url).origin;
    // Everything the page loads comes from the gateway: no CDN.
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) outside.push(request.url());
    });
    const headers: Record<string, Record<string, string>> = {};
    page.on('response', (response) => {
      headers[new URL(response.url()).pathname] = response.headers();
    });
    await page.goto(`${origin}/dashboard/network`);
    await page.fill('#token', await tidelink.token('POLICE', 'CUW'));
    await page.fill('#case', CURACAO);
    await page.click('#load');
    await page.waitForFunction(() => (window as unknown as { __tidelinkNetwork: Drawn }).__tidelinkNetwork.drawn >= 1, null, {
      timeout: 20_000,
    });
    const drawn = await page.evaluate(() => (window as unknown as { __tidelinkNetwork: Drawn }).__tidelinkNetwork);
    expect(drawn.nodes).toBeGreaterThanOrEqual(5);
    expect(drawn.edges).toBeGreaterThanOrEqual(4);
    expect(drawn.withheld).toBeGreaterThanOrEqual(2);
    expect(drawn.hits).toEqual(expect.arrayContaining(['DOM-2026-0142', 'TCA-2026-0031']));
    expect(await page.textContent('#withheld')).toMatch(/cases withheld \(hits: .*DOM-2026-0142, owner DOM/);
    // Cytoscape draws on canvases inside the container.
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    // The recurring yola and El Capitán are drawn as nodes of their own.
    expect(drawn.ids).toEqual(expect.arrayContaining([CURACAO, RECURRING_VESSEL_ID, EL_CAPITAN_PERSON_ID]));
    expect(outside).toEqual([]);
    // Served with the page headers and drawn under them (Cytoscape's container rule is in network.css,
    // not a <style> element of its own): no CSP violation, no error, nothing kept in the browser's storage.
    for (const file of ['/dashboard/network', '/dashboard/network.css', '/dashboard/network.js', '/dashboard/cytoscape.min.js']) {
      expect(headers[file]).toBeDefined();
      expectPageHeaders(headers[file] ?? {});
    }
    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'network.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('says clearly when the token may not draw the picture', async () => {
    const page = await browser.newPage();
    await page.goto(`${new URL(tidelink.stack.gateway.url).origin}/dashboard/network`);
    await page.fill('#token', await tidelink.token('PARTNER', 'DOM'));
    await page.click('#load');
    await page.waitForFunction(() => document.getElementById('status')?.className === 'error', null, { timeout: 20_000 });
    expect(await page.textContent('#status')).toMatch(/FORBIDDEN/);
  });
});
