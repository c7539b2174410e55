import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiSchemaOf, baseRefOf, compareSupergraphs, planComparisons, unrecorded } from '../schema/diff.js';
import { SCHEMA_DIR } from '../schema/compose.js';

const supergraph = readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');

describe('schema governance (npm run schema:diff)', () => {
  it('finds nothing between a supergraph and itself', async () => {
    const changes = await compareSupergraphs(supergraph, supergraph);
    expect([changes.breaking, changes.dangerous, changes.safe].map((list) => list.length)).toEqual([0, 0, 0]);
  });

  it('classifies a removed field as breaking, and an added one as safe', async () => {
    const withoutSeaArea = supergraph.replace(
      / {2}"""\n {2}Named sea area.*\n {2}"""\n {2}seaArea: String! @join__field\(graph: POLICE\)\n/,
      '',
    );
    expect(withoutSeaArea).not.toBe(supergraph);
    const removed = await compareSupergraphs(supergraph, withoutSeaArea);
    expect(removed.breaking.map((change) => change.message)).toEqual(["Field 'seaArea' was removed from object type 'Detection'"]);
    const added = await compareSupergraphs(withoutSeaArea, supergraph);
    expect(added.breaking).toEqual([]);
    expect(added.safe.map((change) => change.message)).toContain("Field 'seaArea' was added to object type 'Detection'");
  });

  it('lets a breaking change through only when recorded in schema/BREAKING_CHANGES.md', async () => {
    const withoutSeaArea = supergraph.replace(
      / {2}"""\n {2}Named sea area.*\n {2}"""\n {2}seaArea: String! @join__field\(graph: POLICE\)\n/,
      '',
    );
    const { breaking } = await compareSupergraphs(supergraph, withoutSeaArea);
    expect(unrecorded(breaking, '# nothing here')).toHaveLength(1);
    expect(unrecorded(breaking, "- Field 'seaArea' was removed from object type 'Detection'\n")).toHaveLength(0);
  });

  it('leaves out federation machinery, and no internal field remains for callers to reach', () => {
    // `Prosecution.witnessMigrants` (@inaccessible, fed by caller-supplied @requires data) is gone: consents are looked up by id.
    expect(supergraph).not.toContain('witnessMigrants');
    const api = apiSchemaOf(supergraph);
    expect(Object.keys((api.getType('Prosecution') as unknown as { getFields(): Record<string, unknown> }).getFields())).toContain(
      'verdicts',
    );
    expect(api.getType('join__Graph')).toBeUndefined();
  });
});

describe('schema:diff compares with the merge base, so an earlier commit of a change is checked too', () => {
  const withoutSeaArea = supergraph.replace(
    / {2}"""\n {2}Named sea area.*\n {2}"""\n {2}seaArea: String! @join__field\(graph: POLICE\)\n/,
    '',
  );
  const removal = "Field 'seaArea' was removed from object type 'Detection'";
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  const write = (file: string, content: string) => writeFileSync(path.join(repo, file), content);
  /** The breaking changes schema:diff would report unrecorded, and how many comparisons it made. */
  const check = async (baseRef: string) => {
    const plan = planComparisons(repo, baseRef);
    const recorded = readFileSync(path.join(repo, 'schema', 'BREAKING_CHANGES.md'), 'utf8');
    const missing: string[] = [];
    for (const { before, after } of plan.comparisons) {
      missing.push(...unrecorded((await compareSupergraphs(before.sdl, after.sdl)).breaking, recorded).map((change) => change.message));
    }
    return { missing, comparisons: plan.comparisons.length };
  };

  beforeEach(() => {
    expect(withoutSeaArea).not.toBe(supergraph);
    // main: the schema as released; then a two-commit change on a branch whose *first* commit breaks it.
    repo = mkdtempSync(path.join(os.tmpdir(), 'tidelink-schema-diff-'));
    git('init', '--quiet', '--initial-branch=main');
    mkdirSync(path.join(repo, 'schema'));
    write('schema/BREAKING_CHANGES.md', '# Intended breaking changes\n');
    write('schema/supergraph.graphql', supergraph);
    git('add', '.');
    git('commit', '--quiet', '-m', 'released');
    git('checkout', '--quiet', '-b', 'change');
    write('schema/supergraph.graphql', withoutSeaArea);
    git('commit', '--quiet', '-am', 'first commit: drops Detection.seaArea');
    write('NOTES.md', 'second commit: no schema change\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'second commit');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it("on the branch: catches the first commit's break, which the previous commit alone does not show", async () => {
    const previous = git('show', 'HEAD~1:schema/supergraph.graphql');
    expect((await compareSupergraphs(previous, withoutSeaArea)).breaking).toEqual([]);
    expect(await check('main')).toEqual({ missing: [removal], comparisons: 1 });
    // Recorded, it passes.
    write('schema/BREAKING_CHANGES.md', `# Intended breaking changes\n\n- ${removal}\n`);
    expect(await check('main')).toEqual({ missing: [], comparisons: 1 });
  });

  it('on main after a merge commit, and after a fast-forward: catches it there too (CI runs on main)', async () => {
    git('checkout', '--quiet', 'main');
    git('merge', '--quiet', '--no-ff', '-m', 'merge the change', 'change');
    expect(await check('main')).toEqual({ missing: [removal], comparisons: 1 });
    git('reset', '--quiet', '--hard', 'HEAD~1');
    git('merge', '--quiet', '--ff-only', 'change');
    expect(git('rev-parse', 'HEAD')).toBe(git('rev-parse', 'change'));
    expect(await check('main')).toEqual({ missing: [removal], comparisons: 1 });
  });

  it('takes the base from --base, else SCHEMA_DIFF_BASE, else origin/main when known, else main', () => {
    expect(baseRefOf(repo, 'v1', { SCHEMA_DIFF_BASE: 'release' })).toBe('v1');
    expect(baseRefOf(repo, undefined, { SCHEMA_DIFF_BASE: 'release' })).toBe('release');
    expect(baseRefOf(repo, undefined, {})).toBe('main');
    git('update-ref', 'refs/remotes/origin/main', 'main');
    expect(baseRefOf(repo, undefined, {})).toBe('origin/main');
  });
});
