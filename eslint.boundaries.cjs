// Import boundaries and "only stores issue SQL", as flat-config blocks. eslint.config.mjs uses them on
// the tree; test/boundaries.test.ts lints the planted violations in test/fixtures/boundaries/ with them.
// They need no type information, so the test can lint a fixture as if it stood at its pretend path.
const boundaries = require('eslint-plugin-boundaries');

/** What the gateway's process must never load (it would drag the subgraphs' ORM and schema builder in). */
const SUBGRAPH_ONLY_PACKAGES = ['typeorm', 'typeorm/**', 'type-graphql', 'type-graphql/**', 'class-validator', 'class-validator/**'];

/**
 * The files that may issue SQL (`.query(`, `createQueryBuilder`): stores (the access log's, the
 * statistics', the idempotency keys', the record locks' included), the generic store, and only what
 * cannot be a store, each with its reason.
 */
const SQL_ALLOWED = [
  '**/*.store.ts',
  // The generic store (selectWhereIn, insertRow, RecordStore) that the stores build on.
  'subgraphs/shared/store.ts',
  // Migrations and the seeds (demo data, the synthetic generator) write their own tables.
  '**/migrations/**',
  '**/*.migration.ts',
  '**/seed/**',
  'subgraphs/seed.ts',
  'subgraphs/demo/**',
  // Database and role creation at start (before any store exists), the readiness ping (`SELECT 1`).
  'subgraphs/shared/database.ts',
  'subgraphs/shared/subgraph-server.ts',
];

const PRODUCTION_CODE = ['platform/**/*.ts', 'gateway/**/*.ts', 'subgraphs/**/*.ts', 'launcher/**/*.ts', 'tools/**/*.ts'];

const SUBGRAPHS = ['police', 'assistance', 'prosecution'];

const dependencies = {
  default: 'allow',
  // Check imports of packages too (by default only local files are checked): rule (a) is about packages.
  checkAllOrigins: true,
  // And imports inside one element (a resolver importing its own subgraph's store; platform to shared).
  checkInternals: true,
  policies: [
    // (a) The gateway loads no TypeORM, type-graphql or class-validator, directly or through a module:
    // it imports only itself and platform/, and platform/ imports only itself.
    {
      from: { element: { type: ['gateway', 'platform'] } },
      disallow: { to: { module: { origin: 'external', source: SUBGRAPH_ONLY_PACKAGES } }, dependency: { kind: 'value' } },
      message: 'The gateway (and the platform files it loads) must not load typeorm, type-graphql or class-validator',
    },
    {
      from: { element: { type: 'gateway' } },
      disallow: { to: { element: { type: [...SUBGRAPHS, 'shared', 'launcher', 'tools'] } } },
      message: 'The gateway imports only gateway/ and platform/ (no subgraph module)',
    },
    {
      from: { element: { type: 'platform' } },
      disallow: { to: { element: { type: [...SUBGRAPHS, 'shared', 'gateway', 'launcher', 'tools'] } } },
      message: 'platform/ (used by the gateway and the subgraphs) imports only platform/',
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
      disallow: { to: { element: { type: ['assistance', 'prosecution', 'gateway', 'launcher', 'tools'] } } },
      message: 'subgraphs/police/ must not import another subgraph, the gateway, the launcher or tools/',
    },
    {
      from: { element: { type: 'assistance' } },
      disallow: { to: { element: { type: ['police', 'prosecution', 'gateway', 'launcher', 'tools'] } } },
      message: 'subgraphs/assistance/ must not import another subgraph, the gateway, the launcher or tools/',
    },
    {
      from: { element: { type: 'prosecution' } },
      disallow: { to: { element: { type: ['police', 'assistance', 'gateway', 'launcher', 'tools'] } } },
      message: 'subgraphs/prosecution/ must not import another subgraph, the gateway, the launcher or tools/',
    },
    {
      from: { element: { type: 'shared' } },
      disallow: { to: { element: { type: [...SUBGRAPHS, 'gateway', 'launcher', 'tools'] } } },
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
      // Folders are elements; the resolver/store/entity roles are file categories (a file may have
      // both: a police resolver is in `police` and a `resolver`).
      'boundaries/elements': [
        { type: 'platform', partialMatch: false, pattern: 'platform' },
        { type: 'gateway', partialMatch: false, pattern: 'gateway' },
        { type: 'launcher', partialMatch: false, pattern: 'launcher' },
        { type: 'tools', partialMatch: false, pattern: 'tools' },
        { type: 'shared', partialMatch: false, pattern: 'subgraphs/shared' },
        { type: 'police', partialMatch: false, pattern: 'subgraphs/police' },
        { type: 'assistance', partialMatch: false, pattern: 'subgraphs/assistance' },
        { type: 'prosecution', partialMatch: false, pattern: 'subgraphs/prosecution' },
      ],
      'boundaries/files': [
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
