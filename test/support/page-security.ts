/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** The CSP directives of a response, by name. */
export function cspDirectives(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

/**
 * The headers every page the gateway serves must send (issue 17 item 5): a CSP with no inline
 * script and no remote origin, nosniff, no referrer, never framed, no X-Powered-By.
 */
export function expectPageHeaders(headers: Record<string, string>): void {
  const csp = cspDirectives(headers['content-security-policy']);
  expect(Object.fromEntries(csp)).toMatchObject({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
  // Nothing but the gateway itself (and data: for images and fonts): no CDN, no inline script or eval;
  // style elements only with the response's nonce (the IDE's dialogs), never 'unsafe-inline'.
  for (const [name, values] of csp) {
    for (const value of values) {
      const allowed =
        ["'self'", "'none'", 'data:'].includes(value) || (name === 'style-src' && /^'nonce-[A-Za-z0-9+/]{20,}={0,2}'$/.test(value));
      expect({ name, value, allowed }).toEqual({ name, value, allowed: true });
    }
  }
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
}

export interface PageWatch {
  /** CSP violations the page reported (`securitypolicyviolation` events), as "directive blocked-uri". */
  violations(): Promise<string[]>;
  /** Console errors, uncaught exceptions and failed loads. */
  errors: string[];
}

/** Listens to a page for CSP violations and errors from before its first script runs. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const errors: string[] = [];
  page.on('console', (message) => {
    // A failed load is recorded by its response below, with its URL (the console's line has none).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    // Browsers ask for /favicon.ico on their own; the pages have none.
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico')
      errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // An init script runs through the DevTools protocol, so the page's own CSP does not stop it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}
