import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { assistanceSubgraph } from '../subgraphs/assistance/assistance.subgraph.js';
import { printFederatedSchema } from '../subgraphs/shared/federated-schema.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import type { SubgraphModule } from '../subgraphs/shared/subgraph.js';
import { policeSubgraph } from '../subgraphs/police/police.subgraph.js';
import { prosecutionSubgraph } from '../subgraphs/prosecution/prosecution.subgraph.js';

/** Default routing URLs in the supergraph; deployments override them (POLICE_URL etc.). */
const SUBGRAPHS: Array<{ module: SubgraphModule; url: string }> = [
  { module: policeSubgraph, url: 'http://localhost:4001/graphql' },
  { module: assistanceSubgraph, url: 'http://localhost:4002/graphql' },
  { module: prosecutionSubgraph, url: 'http://localhost:4003/graphql' },
];

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

export interface PrintedSchemas {
  files: Map<string, string>;
  errors: string[];
  /** Composition hints (inconsistent descriptions and the like): reported, and tests keep them at zero. */
  hints: string[];
}

/** Prints each subgraph's SDL from code and composes the supergraph with @apollo/composition. */
export async function printSchemas(): Promise<PrintedSchemas> {
  const files = new Map<string, string>();
  const services = [];
  for (const { module, url } of SUBGRAPHS) {
    const sdl = printFederatedSchema(await module.buildSchema());
    files.set(`${module.name}.graphql`, sdl);
    services.push({ name: module.name, url, typeDefs: parse(sdl) });
  }
  const composition = composeServices(services);
  const hints = (composition.hints ?? []).map((hint) => `${hint.definition.code}: ${hint.message}`);
  if (composition.errors) {
    return { files, errors: composition.errors.map((error) => error.message), hints };
  }
  files.set('supergraph.graphql', `${composition.supergraphSdl.trim()}\n`);
  return { files, errors: [], hints };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== '--write' && mode !== '--check') {
    process.stderr.write('Usage: node dist/schema/compose.js --write | --check\n');
    process.exit(2);
  }
  const { files, errors, hints } = await printSchemas();
  for (const hint of hints) process.stderr.write(`composition hint: ${hint}\n`);
  if (errors.length > 0) {
    process.stderr.write(`Composition failed:\n${errors.map((error) => `  - ${error}`).join('\n')}\n`);
    process.exit(1);
  }
  const stale: string[] = [];
  for (const [name, content] of files) {
    const target = path.join(SCHEMA_DIR, name);
    if (mode === '--write') {
      await writeFile(target, content);
      continue;
    }
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current !== content) stale.push(`schema/${name}`);
  }
  if (stale.length > 0) {
    process.stderr.write(`Out of date with the code (run npm run schema:print and commit): ${stale.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    mode === '--write'
      ? `Wrote ${[...files.keys()].map((name) => `schema/${name}`).join(', ')}\n`
      : 'schema/ matches the code; composition succeeded (Federation 2)\n',
  );
}

if (require.main === module) void main();
