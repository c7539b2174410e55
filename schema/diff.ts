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

function supergraphAt(ref: string): string | null {
  try {
    return execFileSync('git', ['show', `${ref}:${SUPERGRAPH}`], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string', default: 'HEAD~1' } } });
  const base = values.base ?? 'HEAD~1';
  const before = supergraphAt(base);
  if (before === null) {
    process.stdout.write(`No ${SUPERGRAPH} at ${base} (first commit or shallow clone): nothing to compare.\n`);
    return;
  }
  const after = readFileSync(path.join(PROJECT_ROOT, SUPERGRAPH), 'utf8');
  const changes = await compareSupergraphs(before, after);
  const print = (title: string, list: Change[]) => {
    process.stdout.write(
      `${title} (${list.length})\n${list.map((change) => `  - ${change.message}`).join('\n')}${list.length ? '\n' : ''}`,
    );
  };
  process.stdout.write(`Schema changes since ${base}:\n`);
  print('Breaking', changes.breaking);
  print('Dangerous', changes.dangerous);
  print('Safe', changes.safe);
  let recorded = '';
  try {
    recorded = readFileSync(path.join(PROJECT_ROOT, INTENDED), 'utf8');
  } catch {
    recorded = '';
  }
  const missing = unrecorded(changes.breaking, recorded);
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
