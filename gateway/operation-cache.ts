import { createRequire } from 'node:module';
import type { operationFromDocument } from '@apollo/federation-internals';
import type { DefinitionNode } from 'graphql';

type OperationFromDocument = typeof operationFromDocument;
type Operation = ReturnType<OperationFromDocument>;
type Schema = Parameters<OperationFromDocument>[0];

/**
 * @apollo/gateway's executor caches the query plan of each operation, but builds federation's own
 * model of the operation again on every request, only to shape the result (executeQueryPlan calls
 * `operationFromDocument(apiSchema, …, { validate: false })`): 4% of the gateway's CPU per FollowCase
 * in the bench's profile. The operation is the same as long as the document is, and Apollo Server
 * hands the same parsed document back for a text it has seen (its document cache), so that one call
 * is memoised here per schema and per parsed definitions. The model is immutable (its methods return
 * new operations), so requests can share one. Planning (`validate` not false) is not memoised.
 *
 * The executor reads the function through the package's index on every call, which resolves it from
 * the `operations` module each time: replacing it there is what makes the cache reach the executor.
 * If a release lays its modules out otherwise, `installed` says so and the gateway runs uncached.
 */
interface Cached {
  definitions: readonly DefinitionNode[];
  operationName: string | undefined;
  operation: Operation;
}

const bySchema = new WeakMap<Schema, WeakMap<DefinitionNode, Cached[]>>();

function sameDefinitions(a: readonly DefinitionNode[], b: readonly DefinitionNode[]): boolean {
  return a.length === b.length && a.every((definition, i) => definition === b[i]);
}

function memoised(original: OperationFromDocument): OperationFromDocument {
  return (schema, document, options) => {
    const first = document.definitions[0];
    if (options?.validate !== false || first === undefined) return original(schema, document, options);
    let byDefinition = bySchema.get(schema);
    if (!byDefinition) {
      byDefinition = new WeakMap();
      bySchema.set(schema, byDefinition);
    }
    const entries = byDefinition.get(first) ?? [];
    const hit = entries.find(
      (entry) => entry.operationName === options.operationName && sameDefinitions(entry.definitions, document.definitions),
    );
    if (hit) return hit.operation;
    const operation = original(schema, document, options);
    // A handful per definition at most (say, the same operation with its fragments in another order).
    if (entries.length < 8) {
      byDefinition.set(first, [...entries, { definitions: [...document.definitions], operationName: options.operationName, operation }]);
    }
    return operation;
  };
}

const MARK = Symbol.for('tidelink.operationFromDocument.memoised');

const load = createRequire(__filename);
type Marked = OperationFromDocument & { [MARK]?: true };

/** Installs the memoised operationFromDocument, once per process (configureGatewayProcess). */
export function cacheGatewayOperations(): void {
  const operations = load('@apollo/federation-internals/dist/operations') as { operationFromDocument: Marked };
  if (operations.operationFromDocument[MARK]) return;
  operations.operationFromDocument = Object.assign(memoised(operations.operationFromDocument), { [MARK]: true as const });
}

/** Whether the executor reaches the memoised function (false: not installed, or another module layout). */
export function gatewayOperationsCached(): boolean {
  return (load('@apollo/federation-internals') as { operationFromDocument: Marked }).operationFromDocument[MARK] === true;
}
