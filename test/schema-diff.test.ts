import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiSchemaOf, compareSupergraphs, unrecorded } from '../schema/diff.js';
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
