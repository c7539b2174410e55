import { readFileSync } from 'node:fs';
import path from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type DocumentNode } from 'graphql';
import { cacheGatewayOperations, gatewayOperationsCached } from '../../gateway/operation-cache.js';

const root = path.resolve(__dirname, '..', '..');
const apiSchema = Supergraph.build(readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8')).apiSchema();
const followCase = parse(readFileSync(path.join(root, 'test', 'queries', 'follow-case.graphql'), 'utf8'));
/** As executeQueryPlan builds it: a new document object per request around the same parsed definitions. */
const asExecutorBuildsIt = (document: DocumentNode): DocumentNode => ({ kind: Kind.DOCUMENT, definitions: [...document.definitions] });

describe('the gateway executor operation cache', () => {
  beforeAll(() => cacheGatewayOperations());

  it('reaches the function the executor calls', () => {
    expect(gatewayOperationsCached()).toBe(true);
  });

  it('builds the operation of a parsed document once, the same as uncached', () => {
    const first = operationFromDocument(apiSchema, asExecutorBuildsIt(followCase), { validate: false });
    const again = operationFromDocument(apiSchema, asExecutorBuildsIt(followCase), { validate: false });
    expect(again).toBe(first);
    const validated = operationFromDocument(apiSchema, followCase);
    expect(validated).not.toBe(first);
    expect(first.toString()).toBe(validated.toString());
  });

  it('does not share an operation between documents parsed apart, or between operation names', () => {
    const cached = operationFromDocument(apiSchema, asExecutorBuildsIt(followCase), { validate: false });
    const reparsed = parse(readFileSync(path.join(root, 'test', 'queries', 'follow-case.graphql'), 'utf8'));
    expect(operationFromDocument(apiSchema, asExecutorBuildsIt(reparsed), { validate: false })).not.toBe(cached);
    const named = operationFromDocument(apiSchema, asExecutorBuildsIt(followCase), { validate: false, operationName: 'FollowCase' });
    expect(named).not.toBe(cached);
    expect(named.toString()).toBe(cached.toString());
  });
});
