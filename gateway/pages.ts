import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Express, Request, RequestHandler, Response } from 'express';
import { buildSchema, introspectionFromSchema, Kind, parse, type IntrospectionQuery, type OperationDefinitionNode } from 'graphql';
import helmet from 'helmet';
import { ideEnabled, type Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { PROJECT_ROOT } from '../platform/paths.js';

/**
 * The Content-Security-Policy of every page the gateway serves: scripts, styles and fetches from the
 * gateway itself only (no inline script, no CDN: agency networks are often offline, and an injected
 * script has nowhere to send what it reads), images and fonts also as data: URIs (GraphiQL's CSS
 * embeds its fonts and icons so), no plugins, no <base>, forms posting only here, never framed.
 * No `upgrade-insecure-requests` (helmet's default): TLS is the deployment's, and on a plain-HTTP
 * agency network it would break every script of the page.
 */
export const PAGE_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * helmet on the pages (dashboard, network picture, IDE, their scripts and styles): the CSP above,
 * `nosniff`, `Referrer-Policy: no-referrer` (the pages link only to each other and call only
 * /graphql, so no one needs to know where a reader came from; and the network page's URL may hold a
 * case id, which must not travel to another site), `X-Frame-Options: DENY` as `frame-ancestors` for
 * older browsers, and helmet's other defaults (HSTS, COOP, CORP same-origin, …).
 */
export const pageHeaders: RequestHandler = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP_DIRECTIVES },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
});

/**
 * The IDE page's own headers: as every page, except that a style element may carry this response's
 * nonce. GraphiQL's dialogs (through react-remove-scroll) add a <style> element when they open,
 * with the nonce read from `__webpack_nonce__`, which the page's bootstrap sets from its
 * <meta name="style-nonce">. Styles only: scripts stay 'self' alone, and no 'unsafe-inline'.
 */
const idePageHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      ...PAGE_CSP_DIRECTIVES,
      'style-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.styleNonce as string}'`],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
});

const DASHBOARD_DIR = path.join(PROJECT_ROOT, 'gateway', 'dashboard');
const IDE_DIR = path.join(PROJECT_ROOT, 'gateway', 'ide');
// Chart.js's own browser build, from the npm package: no CDN (agency networks are often offline).
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
// Cytoscape.js's own browser build (UMD, defines `cytoscape`), from the npm package, for the network page.
const CYTOSCAPE_JS = path.join(path.dirname(require.resolve('cytoscape')), 'cytoscape.min.js');
// GraphiQL 3's UMD build (defines `GraphiQL`, reads `React` and `ReactDOM` from the page) and its CSS,
// with React 18's UMD builds (React 19 ships none): plain files served as they are, no bundler.
const GRAPHIQL_DIR = path.dirname(require.resolve('graphiql/package.json'));
const REACT_JS = path.join(path.dirname(require.resolve('react/package.json')), 'umd', 'react.production.min.js');
const REACT_DOM_JS = path.join(path.dirname(require.resolve('react-dom/package.json')), 'umd', 'react-dom.production.min.js');

/** The public API schema partners generate clients from: the IDE's schema, instead of live introspection. */
const API_SCHEMA = path.join(PROJECT_ROOT, 'schema', 'api.graphql');
/** The example operations the IDE opens with, one tab each: FollowCase and the README's examples. */
const EXAMPLE_OPERATIONS_DIR = path.join(PROJECT_ROOT, 'test', 'queries');
/** Variables an example operation needs to run as it opens (the full-chain demo case). */
const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  FollowCase: { id: 'ca5e0000-0000-4000-8000-000000000001' },
};

/** The dashboard, its network page and (where enabled) the IDE, each with the page headers. */
export function servePages(app: Express, config: Config, logger: Logger): void {
  app.use(['/dashboard', '/ide'], pageHeaders);
  serveDashboard(app);
  if (ideEnabled(config)) serveIde(app, logger);
}

/** The example dashboard for dashboard builders: static HTML, CSS and script, statistics (and the network picture) through /graphql. */
function serveDashboard(app: Express): void {
  const file = (route: string, target: string) => app.get(route, (_req, res) => res.sendFile(target));
  file('/dashboard', path.join(DASHBOARD_DIR, 'index.html'));
  file('/dashboard/dashboard.js', path.join(DASHBOARD_DIR, 'dashboard.js'));
  file('/dashboard/dashboard.css', path.join(DASHBOARD_DIR, 'dashboard.css'));
  file('/dashboard/chart.umd.min.js', CHART_JS);
  file('/dashboard/network', path.join(DASHBOARD_DIR, 'network.html'));
  file('/dashboard/network.js', path.join(DASHBOARD_DIR, 'network.js'));
  file('/dashboard/network.css', path.join(DASHBOARD_DIR, 'network.css'));
  file('/dashboard/cytoscape.min.js', CYTOSCAPE_JS);
}

/** A browser asking for a page (no `query`): GraphQL clients ask for JSON and send a query. */
function wantsPage(req: Request): boolean {
  if ((req.query as { query?: unknown }).query !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

export interface ExampleOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Each example file's text as written, named by its first operation; FollowCase first. */
export async function exampleOperations(dir = EXAMPLE_OPERATIONS_DIR): Promise<ExampleOperation[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  const operations = await Promise.all(
    files.map(async (file) => {
      const query = await readFile(path.join(dir, file), 'utf8');
      const operation = parse(query).definitions.find(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      const name = operation?.name?.value ?? path.basename(file, '.graphql');
      return { name, query, ...(EXAMPLE_VARIABLES[name] ? { variables: EXAMPLE_VARIABLES[name] } : {}) };
    }),
  );
  return operations.sort((a, b) => Number(b.name === 'FollowCase') - Number(a.name === 'FollowCase'));
}

/** The introspection result of schema/api.graphql, which GraphiQL reads instead of asking /graphql. */
export async function apiIntrospection(file = API_SCHEMA): Promise<IntrospectionQuery> {
  return introspectionFromSchema(buildSchema(await readFile(file, 'utf8')), { descriptions: true });
}

/**
 * GraphiQL at GET /graphql for a browser (Accept: text/html), its files under /ide/. The schema and
 * the example operations are computed once, on the first request that needs them (not at start-up,
 * which most gateways never pay for).
 */
function serveIde(app: Express, logger: Logger): void {
  let schema: Promise<string> | undefined;
  let operations: Promise<string> | undefined;
  const once = (compute: () => Promise<unknown>): Promise<string> =>
    compute()
      .then((value) => JSON.stringify(value))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'the IDE could not read its schema or example operations');
        throw error;
      });
  let page: Promise<string> | undefined;
  app.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) return next();
    const nonce = randomBytes(16).toString('base64');
    res.locals.styleNonce = nonce;
    idePageHeaders(req, res, () => {
      (page ??= readFile(path.join(IDE_DIR, 'index.html'), 'utf8')).then(
        (html) => res.type('text/html').send(html.replace('STYLE_NONCE', nonce)),
        (error: unknown) => next(error),
      );
    });
  });
  const file = (route: string, target: string) => app.get(route, (_req, res) => res.sendFile(target));
  file('/ide/graphiql.js', path.join(IDE_DIR, 'graphiql.js'));
  file('/ide/ide.css', path.join(IDE_DIR, 'ide.css'));
  file('/ide/graphiql.min.js', path.join(GRAPHIQL_DIR, 'graphiql.min.js'));
  file('/ide/graphiql.min.css', path.join(GRAPHIQL_DIR, 'graphiql.min.css'));
  file('/ide/react.production.min.js', REACT_JS);
  file('/ide/react-dom.production.min.js', REACT_DOM_JS);
  const json = (route: string, value: () => Promise<string>) =>
    app.get(route, (_req, res) => {
      value().then(
        (text) => res.type('application/json').send(text),
        () => res.status(500).json({ errors: [{ message: 'The IDE is unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      );
    });
  json('/ide/schema.json', () => (schema ??= once(apiIntrospection)));
  json('/ide/operations.json', () => (operations ??= once(() => exampleOperations())));
}
