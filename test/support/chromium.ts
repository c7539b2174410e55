import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// Debian's chromium, which .ci/run installs. Without it, a developer's machine skips the browser
// tests (and says so); CI (CI set, as .ci/run sets it) fails them: CI must not go green without them.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

/** Where the browser tests write their screenshots. */
export const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

/**
 * `describe` when Chromium is here, else `describe.skip` with a line saying so; on CI a missing
 * Chromium adds a failing test instead. Call once per test file, at its top level.
 */
export function describeWithChromium(): jest.Describe {
  if (!available && inCi)
    it('has a Chromium to run in (CI is set)', () => {
      throw new Error(`no Chromium at ${CHROMIUM}: CI must run the browser test (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    });
  if (!available) process.stdout.write(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  return available ? describe : describe.skip;
}

/** Headless Chromium with nothing of its own reaching the network (updates, sync, QUIC), so a test can tell every request is the page's. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
