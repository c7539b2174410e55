import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../platform/paths.js';

const SUPERGRAPH = 'schema/supergraph.graphql';
/** Breaking changes made on purpose: each listed by its exact message (as this script prints it). */
const INTENDED = 'schema/BREAKING_CHANGES.md';

/** The API partners see: the supergraph without federation's machinery or @inaccessible fields. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export interface SchemaChanges {
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
}

export async function compareSupergraphs(before: string, after: string): Promise<SchemaChanges> {
  const changes = await diff(apiSchemaOf(before), apiSchemaOf(after));
  return {
    breaking: changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking),
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking),
  };
}

/** Breaking changes not recorded in schema/BREAKING_CHANGES.md (one message per line, as a list item). */
export function unrecorded(breaking: readonly Change[], recorded: string): Change[] {
  const lines = new Set(recorded.split('\n').map((line) => line.replace(/^\s*[-*]\s*/, '').trim()));
  return breaking.filter((change) => !lines.has(change.message));
}

/** A supergraph as it stood somewhere: at a commit, or in the working tree. */
export interface SchemaSnapshot {
  label: string;
  sdl: string;
}

export interface SchemaComparison {
  before: SchemaSnapshot;
  after: SchemaSnapshot;
}

export interface ComparisonPlan {
  /** Which comparisons were chosen and why, for the report. */
  explanation: string;
  comparisons: SchemaComparison[];
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function supergraphAt(root: string, commit: string): string | null {
  try {
    return execFileSync('git', ['show', `${commit}:${SUPERGRAPH}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

const short = (commit: string) => commit.slice(0, 10);

/** The landed main to compare with: `--base`, else SCHEMA_DIFF_BASE, else origin/main if known, else main. */
export function baseRefOf(root: string, given: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  if (given) return given;
  if (environment.SCHEMA_DIFF_BASE) return environment.SCHEMA_DIFF_BASE;
  return git(root, ['rev-parse', '--verify', '--quiet', 'origin/main^{commit}']) ? 'origin/main' : 'main';
}

/**
 * What to compare, so that a break made in any commit of a change is seen:
 * - on a branch (HEAD not on `baseRef`): the merge base of HEAD and `baseRef` against the working
 *   tree, every commit of the change at once, as it will land;
 * - on `baseRef` itself (CI runs on a clone of main, where the merge base is HEAD): each change that
 *   landed since schema/BREAKING_CHANGES.md was created, against the commit before it on main's
 *   first-parent line (a merged branch is one step, its merge commit against the main it joined),
 *   then the working tree against HEAD. No release marker to keep up to date, and no long cumulative
 *   diff whose messages (a type changed twice, reported as one change) nobody recorded.
 */
export function planComparisons(root: string, baseRef: string): ComparisonPlan {
  const working: SchemaSnapshot = { label: 'the working tree', sdl: readFileSync(path.join(root, SUPERGRAPH), 'utf8') };
  const head = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head) return { explanation: 'Not a git checkout: nothing to compare.', comparisons: [] };
  const base = git(root, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`]) ? git(root, ['merge-base', 'HEAD', baseRef]) : null;
  if (base && base !== head) {
    const before = supergraphAt(root, base);
    if (before === null) return { explanation: `No ${SUPERGRAPH} at the merge base with ${baseRef}: nothing to compare.`, comparisons: [] };
    return {
      explanation: `Comparing with the merge base of HEAD and ${baseRef} (${short(base)}): all commits of this change.`,
      comparisons: [{ before: { label: `merge base ${short(base)}`, sdl: before }, after: working }],
    };
  }
  const created = git(root, ['log', '--diff-filter=A', '--format=%H', '--', INTENDED])?.split('\n').filter(Boolean).pop();
  const range = created ? `${created}..HEAD` : 'HEAD';
  const landed = (git(root, ['log', '--first-parent', '--reverse', '--format=%H', range, '--', SUPERGRAPH]) ?? '')
    .split('\n')
    .filter(Boolean);
  const comparisons: SchemaComparison[] = [];
  let missingHistory = 0;
  for (const commit of landed) {
    const before = supergraphAt(root, `${commit}^1`);
    const after = supergraphAt(root, commit);
    if (before === null || after === null) {
      missingHistory += 1;
      continue;
    }
    comparisons.push({ before: { label: `${short(commit)}^1`, sdl: before }, after: { label: short(commit), sdl: after } });
  }
  const atHead = supergraphAt(root, 'HEAD');
  if (atHead !== null && atHead !== working.sdl) comparisons.push({ before: { label: 'HEAD', sdl: atHead }, after: working });
  const where = base ? `HEAD is on ${baseRef}` : `${baseRef} is unknown here`;
  return {
    explanation:
      `${where}: comparing each of the ${landed.length} change(s) to ${SUPERGRAPH} landed on main's first-parent line` +
      ` since ${created ? `${INTENDED} was created (${short(created)})` : 'the first commit'} with the commit before it` +
      (missingHistory > 0 ? ` (${missingHistory} skipped: history not in this clone)` : '') +
      '.',
    comparisons,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  const baseRef = baseRefOf(PROJECT_ROOT, values.base);
  const plan = planComparisons(PROJECT_ROOT, baseRef);
  process.stdout.write(`${plan.explanation}\n`);
  let recorded = '';
  try {
    recorded = readFileSync(path.join(PROJECT_ROOT, INTENDED), 'utf8');
  } catch {
    recorded = '';
  }
  const print = (title: string, list: Change[]) => {
    process.stdout.write(
      `${title} (${list.length})\n${list.map((change) => `  - ${change.message}`).join('\n')}${list.length ? '\n' : ''}`,
    );
  };
  const missing: Change[] = [];
  for (const { before, after } of plan.comparisons) {
    const changes = await compareSupergraphs(before.sdl, after.sdl);
    process.stdout.write(`\nSchema changes from ${before.label} to ${after.label}:\n`);
    print('Breaking', changes.breaking);
    print('Dangerous', changes.dangerous);
    print('Safe', changes.safe);
    missing.push(...unrecorded(changes.breaking, recorded));
  }
  if (missing.length > 0) {
    process.stderr.write(
      `\n${missing.length} breaking change(s) not recorded in ${INTENDED}. Deprecate first (@deprecated), or, if the break is intended, add each message as a list item there:\n${missing.map((change) => `- ${change.message}`).join('\n')}\n`,
    );
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`schema:diff failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
