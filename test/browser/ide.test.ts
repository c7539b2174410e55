/// <reference lib="dom" />
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expectPageHeaders, watchPage } from '../support/page-security.js';
import { ARTIFACTS, describeWithChromium, launchChromium } from '../support/chromium.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const describeWithBrowser = describeWithChromium();

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

describeWithBrowser('GraphiQL served by the gateway, offline, in a real browser', () => {
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

  it('loads with no network beyond localhost, runs FollowCase with the token given, and keeps the token out of URLs and storage', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    const requested: string[] = [];
    // Every request goes through here: anything not on the loopback is refused and recorded.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requested.push(url);
      if (LOOPBACK.has(new URL(url).hostname)) return route.continue();
      outside.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const watch = await watchPage(page);
    const origin = new URL(tidelink.stack.gateway.url).origin;
    const response = await page.goto(`${origin}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expectPageHeaders(response?.headers() ?? {});
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    await page.waitForFunction(() => /example operations/.test(document.getElementById('status')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    // The example operations are open, one tab each, FollowCase first (the README's examples too).
    const tabs = await page.locator('.graphiql-tab').allTextContents();
    expect(tabs[0]).toMatch(/FollowCase/);
    expect(tabs.join(' ')).toMatch(/FullChain/);
    expect(tabs.join(' ')).toMatch(/AccessLogRefusals/);

    const token = await tidelink.token('POLICE', 'DOM');
    await page.fill('#token', token);
    const answered = page.waitForResponse((answer) => answer.url() === `${origin}/graphql` && answer.request().method() === 'POST');
    await page.click('.graphiql-execute-button');
    const answer = await answered;
    const body = (await answer.json()) as { data?: { case?: { reference?: string } }; errors?: Array<{ extensions?: { code?: string } }> };
    expect(answer.status()).toBe(200);
    // A police officer gets the case; the migrants' assistance fields are withheld (FORBIDDEN), as for any client.
    expect(new Set((body.errors ?? []).map((error) => error.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(answer.request().headers().authorization).toBe(`Bearer ${token}`);
    expect(body.data?.case?.reference).toBe('DOM-2026-0142');
    // The answer is shown in GraphiQL's result pane (CodeMirror draws only the lines in view: read its text).
    await page.waitForFunction(
      () => {
        const pane = document.querySelector<Element & { CodeMirror?: { getValue(): string } }>('.result-window .CodeMirror');
        return /"reference": "DOM-2026-0142"/.test(pane?.CodeMirror?.getValue() ?? '');
      },
      null,
      { timeout: 20_000 },
    );

    // The schema came from schema/api.graphql: no introspection query went to /graphql.
    const posts = requested.filter((url) => url === `${origin}/graphql`);
    expect(posts).toHaveLength(2); // the page itself (GET) and FollowCase (POST)
    expect(requested.some((url) => url.endsWith('/ide/schema.json'))).toBe(true);
    // The token is in no URL and in no storage of the browser.
    expect(requested.filter((url) => url.includes(token) || url.includes(token.split('.')[2] ?? token))).toEqual([]);
    const stored = await page.evaluate(() =>
      [localStorage, sessionStorage]
        .flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`))
        .join('\n'),
    );
    expect(stored).not.toContain(token.split('.')[2]);
    expect((await context.cookies()).length).toBe(0);

    // GraphiQL's dialogs (settings, shortcuts) and the docs explorer work under the CSP too.
    await page.click('.graphiql-sidebar button[aria-label="Open settings dialog"]');
    await page.waitForSelector('.graphiql-dialog', { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.click('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer', { timeout: 10_000 });

    expect(outside).toEqual([]);
    expect(await watch.violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'ide.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await context.close();
  });

  it('serves its scripts and styles with the page headers', async () => {
    const origin = new URL(tidelink.stack.gateway.url).origin;
    for (const file of ['graphiql.js', 'graphiql.min.js', 'graphiql.min.css', 'ide.css', 'react.production.min.js', 'schema.json']) {
      const response = await fetch(`${origin}/ide/${file}`);
      expect({ file, status: response.status }).toEqual({ file, status: 200 });
      expectPageHeaders(Object.fromEntries(response.headers));
    }
  });
});
