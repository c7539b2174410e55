/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { expectPageHeaders, watchPage } from '../support/page-security.js';
import { ARTIFACTS, describeWithChromium, launchChromium } from '../support/chromium.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const describeWithBrowser = describeWithChromium();

describeWithBrowser('the example dashboard in a real browser', () => {
  let tidelink: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    tidelink = await startTestStack();
    // Enough synthetic cases that the common groups clear k = 11 in their month-and-country cells
    // (1,500 cases over two years; at 300, no vulnerability cell did).
    const dataSources = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
    ) as Record<SubgraphName, DataSource>;
    await seedSynthetic(dataSources, 1500);
    browser = await launchChromium();
    // Seeding 1,500 cases takes most of a minute on a shared 2-core machine.
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await tidelink?.stop();
  });

  it('signs in with a token, draws every chart from the statistics, and shows suppressed groups as such', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const watch = await watchPage(page);
    const origin = new URL(tidelink.stack.gateway.url).origin;
    const headers: Record<string, Record<string, string>> = {};
    page.on('response', (response) => {
      headers[new URL(response.url()).pathname] = response.headers();
    });
    await page.goto(`${origin}/dashboard`);
    const token = await tidelink.token('ANALYST', 'DOM');
    await page.fill('#token', token);
    await page.click('#load');
    await page.waitForFunction(
      () => (window as unknown as { __tidelinkDashboard: { rendered: number } }).__tidelinkDashboard.rendered >= 5,
      null,
      {
        timeout: 20_000,
      },
    );
    const state = await page.evaluate(
      () =>
        (window as unknown as { __tidelinkDashboard: { points: Record<string, number>; suppressed: Record<string, number> } })
          .__tidelinkDashboard,
    );
    for (const chart of ['detections', 'deaths', 'nationality', 'vulnerability']) {
      expect(state.points[chart]).toBeGreaterThan(0);
      expect(typeof state.suppressed[chart]).toBe('number');
    }
    // Prosecutions are few: no month-and-jurisdiction cell of a stage and verdict reaches 11
    // defendants, so every group is withheld and listed as such (none drawn as 0).
    expect(state.points.prosecutions).toBe(0);
    expect(state.suppressed.prosecutions).toBeGreaterThan(0);
    // Small groups (rare vulnerabilities such as PREGNANT, from the demo stories) are named as suppressed, never drawn as 0.
    expect(state.suppressed.vulnerability).toBeGreaterThan(0);
    expect(await page.textContent('#vulnerability-suppressed')).toMatch(
      /Not published \(empty, or withheld so that no group of fewer than 11 people shows\): .*PREGNANT/,
    );
    expect(await page.textContent('#status')).toMatch(/k = 11/);
    // The page, its styles and scripts came with the page headers, and drew under them: no CSP
    // violation, no error. The token went in a header only, and the browser keeps it nowhere.
    for (const file of ['/dashboard', '/dashboard/dashboard.css', '/dashboard/dashboard.js', '/dashboard/chart.umd.min.js']) {
      expect(headers[file]).toBeDefined();
      expectPageHeaders(headers[file] ?? {});
    }
    expect(headers['/graphql']?.['x-content-type-options']).toBe('nosniff');
    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(page.url()).not.toContain(token.split('.')[2]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  it('asks for the token again after a reload (it was kept in memory only)', async () => {
    const page = await browser.newPage();
    await page.goto(`${new URL(tidelink.stack.gateway.url).origin}/dashboard`);
    await page.fill('#token', await tidelink.token('ANALYST', 'DOM'));
    await page.click('#load');
    await page.waitForFunction(() => /Loaded|Could not/.test(document.getElementById('status')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    await page.reload();
    expect(await page.inputValue('#token')).toBe('');
  });

  it('says clearly when the token may not read a statistic', async () => {
    const page = await browser.newPage();
    await page.goto(`${new URL(tidelink.stack.gateway.url).origin}/dashboard`);
    await page.fill('#token', await tidelink.token('AUDITOR', 'DOM'));
    await page.click('#load');
    await page.waitForFunction(() => document.getElementById('status')?.className === 'error', null, { timeout: 20_000 });
    expect(await page.textContent('#status')).toMatch(/FORBIDDEN/);
  });
});
