import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { PROJECT_ROOT } from '../platform/paths.js';
import { sha256, type Manifest } from '../gateway/trusted-documents.js';

/** Where the known clients keep their operations (folders that do not exist yet are skipped). */
const GRAPHQL_FOLDERS = ['test/queries', 'examples/partner-client/operations'];
/** The example dashboard keeps its one operation per page in its script, as `const QUERY = `…``. */
const DASHBOARD_DIR = 'gateway/dashboard';
export const MANIFEST_PATH = 'schema/trusted-documents.json';

interface Source {
  file: string;
  text: string;
}

function sources(root: string): Source[] {
  const found: Source[] = [];
  for (const folder of GRAPHQL_FOLDERS) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.graphql') || name.endsWith('.gql'))
        found.push({ file: `${folder}/${name}`, text: readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  for (const name of readdirSync(path.join(root, DASHBOARD_DIR)).sort()) {
    if (!name.endsWith('.js')) continue;
    const script = readFileSync(path.join(root, DASHBOARD_DIR, name), 'utf8');
    for (const match of script.matchAll(/const QUERY = `([^`]*)`/g)) found.push({ file: `${DASHBOARD_DIR}/${name}`, text: match[1] });
  }
  return found;
}

/** The fragments an operation spreads, directly or through other fragments. */
function fragmentsOf(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  file: string,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop() as DefinitionNode, {
      FragmentSpread(node) {
        const name = node.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${file}: fragment ${name} is not defined in the same file`);
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

/**
 * The persisted-operation manifest of every known client's operations: one entry per named
 * operation, its body the operation and the fragments it uses as graphql-js prints them (the
 * normal form the gateway compares a sent text in), its id the sha256 hex of that body.
 */
export function buildManifest(root: string = PROJECT_ROOT): Manifest {
  const operations = new Map<string, Manifest['operations'][number] & { file: string }>();
  for (const { file, text } of sources(root)) {
    const document = parse(text, { noLocation: true });
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = definition.name?.value;
      if (!name) throw new Error(`${file}: every registered operation needs a name`);
      const body = print({ kind: Kind.DOCUMENT, definitions: [definition, ...fragmentsOf(definition, fragments, file)] });
      const entry = { id: sha256(body), body, name, type: definition.operation, file };
      const earlier = operations.get(name);
      if (earlier && earlier.id !== entry.id) throw new Error(`operation ${name} differs between ${earlier.file} and ${file}`);
      operations.set(name, entry);
    }
  }
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...operations.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ id, body, name, type }) => ({ id, body, name, type })),
  };
}

export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** `npm run documents:build` writes the manifest; `-- --check` fails when the checked-in one is stale. */
function main(): void {
  const file = path.join(PROJECT_ROOT, MANIFEST_PATH);
  const text = manifestText(buildManifest());
  if (process.argv.includes('--check')) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      process.stderr.write(`${MANIFEST_PATH} is stale: run npm run documents:build\n`);
      process.exit(1);
    }
    process.stdout.write(`${MANIFEST_PATH} is up to date\n`);
    return;
  }
  writeFileSync(file, text);
  process.stdout.write(`wrote ${MANIFEST_PATH}\n`);
}

if (require.main === module) main();
