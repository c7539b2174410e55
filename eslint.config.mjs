// ESLint 9 flat config: typescript-eslint's type-checked strict set, the import boundaries, and
// eslint-config-prettier last so that formatting stays Prettier's alone.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaryBlocks from './eslint.boundaries.cjs';

export default defineConfig(
  globalIgnores([
    'dist/**',
    'node_modules/**',
    'coverage/**',
    'bench/results/**',
    // Planted violations, linted one by one by test/boundaries.test.ts as if at their pretend paths.
    'test/fixtures/**',
    // Written by GraphQL Code Generator (npm run codegen:partner-client); test/unit/partner-client-codegen.test.ts checks it is current.
    'examples/partner-client/generated/**',
  ]),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans in template literals print as expected (counts, ports, flags in messages
      // and SQL names); objects and nullish values stay forbidden.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `return next()` and `return refuse(res, …)` end an Express or http handler early (void on both
      // sides), and one-line arrow callbacks (`.then(() => resolve())`) are the house style.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // type-graphql object types are classes that resolvers and services fill as plain objects, the way
      // type-graphql documents it (fields only, no constructor logic); TypeORM hands back entities the same way.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Without noUncheckedIndexedAccess, `rows[0]` and `record[key]` look always defined to the checker,
      // so this rule would strip the checks that guard real empty results and missing keys.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Apollo Server plugin hooks, TypeORM migrations' down() and fetch-like text() implement interfaces
      // that return promises: `async` without `await` there is how they keep that contract (and throw as
      // rejections, which dropping `async` would change).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['platform/tracing.ts'],
    // The OpenTelemetry SDK is require()d only when tracing is on, so that a process without tracing
    // loads none of it (a static import would load it always).
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['launcher/start.ts'],
    // The launcher forks the subgraph process first, then require()s the database layer and the
    // gateway, so that both processes load their modules at once (static imports would load them first).
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // jest's asymmetric matchers (expect.any, expect.objectContaining, expect.stringMatching…) are typed
      // `any` by @types/jest, so every toEqual/toMatchObject that uses one would be flagged.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['eslint.boundaries.cjs', 'jest.config.js', 'test/support/*.cjs', 'test/smoke/**/*.mjs', 'tools/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    // CommonJS config files: require() is how they load.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['gateway/dashboard/**/*.js'],
    // The dashboard runs in the browser, with Chart.js and Cytoscape.js loaded by their own <script> tags.
    languageOptions: { globals: { ...globals.browser, Chart: 'readonly', cytoscape: 'readonly' } },
  },
  {
    files: ['gateway/ide/**/*.js'],
    // The IDE's bootstrap runs in the browser, after React's, ReactDOM's and GraphiQL's UMD builds.
    languageOptions: { globals: { ...globals.browser, React: 'readonly', ReactDOM: 'readonly', GraphiQL: 'readonly' } },
  },
  {
    // Plain JavaScript outside the TypeScript project: the config files, jest's config, the dashboard's
    // browser script and the smoke client. No type information there.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  boundaryBlocks,
  prettier,
);
