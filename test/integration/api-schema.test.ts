import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { SCHEMA_DIR } from '../../schema/compose.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** schema/api.graphql is what partners generate clients from: it must be what the gateway serves, and nothing more. */
describe('schema/api.graphql, the public API schema', () => {
  const apiFile = readFileSync(path.join(SCHEMA_DIR, 'api.graphql'), 'utf8');
  // The header comment names what is left out; the checks below read the schema itself.
  const apiSdl = apiFile.replace(/^#.*\n/gm, '');
  const supergraphSdl = readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
  let tidelink: TestStack;

  beforeAll(async () => {
    tidelink = await startTestStack();
  });
  afterAll(async () => {
    await tidelink.stop();
  });

  it('is the schema the gateway serves, type for type and field for field', async () => {
    const response = await tidelink.query<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {
      token: await tidelink.token('POLICE', 'DOM'),
    });
    expect(response.body.errors).toBeUndefined();
    const served = printSchema(lexicographicSortSchema(buildClientSchema(response.body.data as IntrospectionQuery)));
    expect(printSchema(lexicographicSortSchema(buildSchema(apiSdl)))).toBe(served);
  });

  it('holds no @inaccessible element and none of the federation machinery', () => {
    expect(apiSdl).not.toMatch(/@inaccessible|@join__|join__|link__|@link\b|_Entity|_Service|_entities/);
    // The supergraph does hold the machinery: the file above was stripped of it, not printed without it by accident.
    expect(supergraphSdl).toMatch(/join__Graph/);
  });

  it('keeps the root fields partners use', () => {
    const api = buildSchema(apiSdl);
    const queryFields = Object.keys(api.getQueryType()?.getFields() ?? {});
    expect(queryFields).toEqual(
      expect.arrayContaining(['case', 'cases', 'detectionStatistics', 'migrantStatistics', 'search', 'networkGraph']),
    );
  });
});
