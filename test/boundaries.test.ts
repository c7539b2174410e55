import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

// Each planted violation in test/fixtures/boundaries/ is linted as if it stood at its `lint-as:` path,
// with the boundary blocks eslint.config.mjs uses, and must fail with the message of its rule; the clean
// fixtures must pass. The blocks need no type information, so the fixtures stay out of the TS project.
const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'boundaries');

// eslint.boundaries.cjs is plain CommonJS shared with eslint.config.mjs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const boundaryBlocks = require('../eslint.boundaries.cjs') as Linter.Config[];

const BOUNDARY_RULES = ['boundaries/dependencies', 'no-restricted-syntax'];

interface Fixture {
  file: string;
  lintAs: string;
  expected: string;
  code: string;
}

const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.ts'))
  .sort()
  .map((file) => {
    const code = readFileSync(path.join(FIXTURES, file), 'utf8');
    const lintAs = /^\/\/ lint-as: (\S+)$/m.exec(code)?.[1];
    const expected = /^\/\/ expect: (.+)$/m.exec(code)?.[1];
    if (!lintAs || !expected) throw new Error(`${file}: needs "// lint-as:" and "// expect:" lines`);
    return { file, lintAs, expected, code };
  });

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, ...boundaryBlocks],
});

async function messagesOf(fixture: Fixture): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(fixture.code, { filePath: path.join(ROOT, fixture.lintAs) });
  return result.messages;
}

describe('import boundaries and SQL-in-stores, on planted violations', () => {
  const planted = fixtures.filter((fixture) => fixture.expected !== 'nothing');
  const clean = fixtures.filter((fixture) => fixture.expected === 'nothing');

  it('has a planted violation for each rule and clean files', () => {
    expect(planted.length).toBeGreaterThanOrEqual(11);
    expect(clean.length).toBeGreaterThanOrEqual(3);
  });

  it.each(planted.map((fixture) => [fixture.file, fixture] as const))('%s fails with its rule', async (_file, fixture) => {
    const messages = await messagesOf(fixture);
    expect(messages.map((message) => message.message)).toContain(fixture.expected);
    expect(messages.every((message) => message.severity === 2)).toBe(true);
    // The rule fires on the planted line, not on something else in the file.
    expect(messages.map((message) => message.ruleId)).toEqual(
      expect.arrayContaining([fixture.expected.startsWith('Only stores') ? 'no-restricted-syntax' : 'boundaries/dependencies']),
    );
  });

  it.each(clean.map((fixture) => [fixture.file, fixture] as const))('%s passes', async (_file, fixture) => {
    expect(await messagesOf(fixture)).toEqual([]);
  });

  it('the same rules pass on the real tree: platform/, the gateway, every subgraph, shared/, the launcher and tools/', async () => {
    // lintText file by file: lintFiles' glob search needs dynamic import(), which jest's runtime lacks.
    const files = ['platform', 'gateway', 'subgraphs', 'launcher', 'tools'].flatMap((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => path.join(folder, file)),
    );
    expect(files.length).toBeGreaterThan(150);
    const findings: string[] = [];
    for (const file of files) {
      const [result] = await eslint.lintText(readFileSync(path.join(ROOT, file), 'utf8'), { filePath: path.join(ROOT, file) });
      // Only these blocks' rules (and parse errors, ruleId null) count: the tree's eslint-disable comments
      // name typescript-eslint rules that this boundaries-only config does not load.
      const relevant = result.messages.filter((message) => message.ruleId === null || BOUNDARY_RULES.includes(message.ruleId));
      findings.push(...relevant.map((message) => `${file}:${message.line} ${message.message}`));
    }
    expect(findings).toEqual([]);
  });

  it('eslint.config.mjs (what npm run lint uses) turns these rules on for the production code', () => {
    // The flat config is an ES module; jest's CommonJS runtime cannot import it, a child process can.
    const script = `
      import { ESLint } from 'eslint';
      const eslint = new ESLint();
      const rules = async (file) => (await eslint.calculateConfigForFile(file)).rules;
      const out = {};
      for (const file of ['gateway/gateway.ts', 'subgraphs/police/case/case.service.ts', 'subgraphs/police/case/case.store.ts']) {
        const r = await rules(file);
        out[file] = { boundaries: r['boundaries/dependencies']?.[0] ?? null, sql: r['no-restricted-syntax']?.[0] ?? null };
      }
      console.log(JSON.stringify(out));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      'gateway/gateway.ts': { boundaries: 2, sql: 2 },
      'subgraphs/police/case/case.service.ts': { boundaries: 2, sql: 2 },
      // Stores may issue SQL; the boundaries still apply.
      'subgraphs/police/case/case.store.ts': { boundaries: 2, sql: null },
    });
  });
});
