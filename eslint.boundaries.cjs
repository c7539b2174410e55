// Import boundaries and "only stores issue SQL", as flat-config blocks. eslint.config.mjs uses them on
// the tree; test/boundaries.test.ts lints the planted violations in test/fixtures/boundaries/ with them.
// They need no type information, so the test can lint a fixture as if it stood at its pretend path.
const boundaries = require('eslint-plugin-boundaries');

/** What the gateway's process must never load (it would drag the subgraphs' ORM and schema builder in). */
const SUBGRAPH_ONLY_PACKAGES = ['typeorm', 'typeorm/**', 'type-graphql', 'type-graphql/**', 'class-validator', 'class-validator/**'];

/**
 * The files of subgraphs/shared/ that the gateway uses (config, auth, errors, HTTP server, logging,
 * tracing, signing): the future platform layer (issue 13, item 3). They may import only each other, so
 * nothing the gateway loads can reach TypeORM, type-graphql or class-validator through them.
 */
const PLATFORM = [
  'subgraphs/shared/access-log/shared-read-protocol.ts',
  'subgraphs/shared/auth.ts',
  'subgraphs/shared/config.ts',
  'subgraphs/shared/errors.ts',
  'subgraphs/shared/http-server.ts',
  'subgraphs/shared/instrument.ts',
  'subgraphs/shared/lifecycle.ts',
  'subgraphs/shared/logger.ts',
  'subgraphs/shared/paths.ts',
  'subgraphs/shared/request-signing.ts',
  'subgraphs/shared/scalars.ts',
  'subgraphs/shared/signed-post.ts',
  'subgraphs/shared/subgraph-names.ts',
  'subgraphs/shared/tracing.ts',
];

/** The files that may issue SQL (`.query(`, `createQueryBuilder`): stores and the plumbing listed here. */
const SQL_ALLOWED = [
  '**/*.store.ts',
  'subgraphs/shared/store.ts',
  // Migrations and the seeds (demo data, the synthetic generator) write their own tables.
  '**/migrations/**',
  '**/*.migration.ts',
  '**/seed/**',
  'subgraphs/seed.ts',
  'subgraphs/demo/**',
  // The access log's recorder and write log are its store.
  'subgraphs/shared/access-log/access-log.recorder.ts',
  'subgraphs/shared/access-log/write-log.ts',
  // The statistics engine: one aggregate query per reader, suppression applied on its rows.
  'subgraphs/shared/statistics/statistics.ts',
  // createOnce / updateVersioned / lockRow: the generic write helpers every store uses.
  'subgraphs/shared/mutation/mutation.ts',
  // Database and role creation at start, the readiness ping.
  'subgraphs/shared/database.ts',
  'subgraphs/shared/subgraph-server.ts',
  // The case's advisory lock; moves into the prosecution store with issue 13, item 4.
  'subgraphs/prosecution/prosecution/prosecution.workflow.ts',
];

const PRODUCTION_CODE = ['gateway/**/*.ts', 'subgraphs/**/*.ts'];

/** The one-process launcher and the token script: tools that start or serve everything, not the gateway. */
const LAUNCHER = ['gateway/stack.ts', 'gateway/start.ts', 'gateway/token.ts'];

const GATEWAY = { element: { type: 'gateway' }, file: { categories: { noneOf: ['launcher'] } } };
const LAUNCHER_FILES = { file: { categories: 'launcher' } };
const PLATFORM_FILES = { file: { categories: 'platform' } };
const NOT_PLATFORM_SHARED = { element: { type: 'shared' }, file: { categories: { noneOf: ['platform'] } } };

const dependencies = {
  default: 'allow',
  // Check imports of packages too (by default only local files are checked): rule (a) is about packages.
  checkAllOrigins: true,
  // And imports inside one element (a resolver importing its own subgraph's store; platform to shared).
  checkInternals: true,
  policies: [
    // (a) The gateway loads no TypeORM, type-graphql or class-validator, directly or through a module:
    // it imports only itself and the platform files, and those import only each other.
    {
      from: [GATEWAY, PLATFORM_FILES],
      disallow: { to: { module: { origin: 'external', source: SUBGRAPH_ONLY_PACKAGES } }, dependency: { kind: 'value' } },
      message: 'The gateway (and the platform files it loads) must not load typeorm, type-graphql or class-validator',
    },
    {
      from: GATEWAY,
      disallow: { to: [{ element: { type: ['police', 'assistance', 'prosecution'] } }, NOT_PLATFORM_SHARED, LAUNCHER_FILES] },
      message: 'The gateway imports only gateway/ and the platform files of subgraphs/shared/ (no subgraph module)',
    },
    {
      from: PLATFORM_FILES,
      disallow: { to: [{ element: { type: ['police', 'assistance', 'prosecution', 'gateway'] } }, NOT_PLATFORM_SHARED] },
      message: 'A platform file (used by the gateway) imports only other platform files',
    },
    // (b) Resolvers stay thin: no store, no entity, no typeorm; they call services.
    {
      from: { file: { categories: 'resolver' } },
      disallow: { to: { file: { categories: ['store', 'entity'] } }, dependency: { kind: 'value' } },
      message: 'A resolver imports no store or entity: it calls a service (type-only imports of entities are allowed)',
    },
    {
      from: { file: { categories: 'resolver' } },
      disallow: { to: { module: { origin: 'external', source: ['typeorm', 'typeorm/**'] } } },
      message: 'A resolver does not import typeorm: SQL and transactions belong to services and stores',
    },
    // (c) No subgraph imports another's internals; subgraphs/shared/ imports no subgraph.
    {
      from: { element: { type: 'police' } },
      disallow: { to: { element: { type: ['assistance', 'prosecution'] } } },
      message: 'subgraphs/police/ must not import another subgraph',
    },
    {
      from: { element: { type: 'assistance' } },
      disallow: { to: { element: { type: ['police', 'prosecution'] } } },
      message: 'subgraphs/assistance/ must not import another subgraph',
    },
    {
      from: { element: { type: 'prosecution' } },
      disallow: { to: { element: { type: ['police', 'assistance'] } } },
      message: 'subgraphs/prosecution/ must not import another subgraph',
    },
    {
      from: { element: { type: 'shared' } },
      disallow: { to: { element: { type: ['police', 'assistance', 'prosecution', 'gateway'] } } },
      message: 'subgraphs/shared/ must not import a subgraph or the gateway',
    },
  ],
};

/** @type {import('eslint').Linter.Config[]} */
module.exports = [
  {
    name: 'tidelink/boundaries',
    files: PRODUCTION_CODE,
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: 'tsconfig.json' } },
      'boundaries/include': PRODUCTION_CODE,
      'boundaries/debug': process.env.BDEBUG ? { enabled: true } : undefined,
      // Folders are elements; the launcher, the platform files and the resolver/store/entity roles are
      // file categories (a file may have several: a police resolver is in `police` and a `resolver`).
      'boundaries/elements': [
        { type: 'gateway', partialMatch: false, pattern: 'gateway' },
        { type: 'shared', partialMatch: false, pattern: 'subgraphs/shared' },
        { type: 'police', partialMatch: false, pattern: 'subgraphs/police' },
        { type: 'assistance', partialMatch: false, pattern: 'subgraphs/assistance' },
        { type: 'prosecution', partialMatch: false, pattern: 'subgraphs/prosecution' },
      ],
      'boundaries/files': [
        { category: 'launcher', pattern: LAUNCHER },
        { category: 'platform', pattern: PLATFORM },
        { category: 'resolver', pattern: '**/*.resolver.ts' },
        { category: 'store', pattern: '**/*.store.ts' },
        { category: 'entity', pattern: '**/*.entity.ts' },
        // Every file has a category, so that `noneOf` selectors see an empty list rather than none.
        { category: 'code', pattern: '**' },
      ],
    },
    rules: { 'boundaries/dependencies': ['error', dependencies] },
  },
  // (d) Only stores (and the files in SQL_ALLOWED) issue SQL.
  {
    name: 'tidelink/sql-in-stores',
    files: PRODUCTION_CODE,
    ignores: SQL_ALLOWED,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'Only stores issue SQL: move this .query() into a *.store.ts (or list the file in eslint.boundaries.cjs)',
        },
        {
          selector: "CallExpression[callee.property.name='createQueryBuilder']",
          message: 'Only stores issue SQL: move this createQueryBuilder() into a *.store.ts',
        },
      ],
    },
  },
];
module.exports.SQL_ALLOWED = SQL_ALLOWED;
module.exports.PLATFORM = PLATFORM;
