import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, parse, responsePathAsArray, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { ForbiddenError, locatedDenial } from '../../platform/errors.js';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { SubgraphContext } from './context.js';

/**
 * Federation 2 is switched on by this `@link`; without it a subgraph silently composes as
 * Federation 1.
 */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

/**
 * A `__resolveReference`. It must fail asynchronously (return a rejected promise, not throw): a
 * synchronous throw fails the whole `_entities` list instead of the one representation, and the
 * gateway can then no longer place the error on the right path.
 */
export type ReferenceResolver<Context extends SubgraphContext> = (
  reference: { __typename: string; id: string },
  context: Context,
  info: GraphQLResolveInfo,
) => unknown;

export interface FederatedSchemaOptions<Context extends SubgraphContext> {
  // Resolver classes, as type-graphql takes them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type for class lists
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- as above
  orphanedTypes?: Function[];
  /** `__resolveReference` of each entity this subgraph owns or extends, by type name. */
  references: Record<string, ReferenceResolver<Context>>;
}

type FieldResolver = (source: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo) => unknown;

/** A denial thrown by the field's resolver (or its promise), placed on the field here: see locatedDenial. */
function placingDenials(resolve: FieldResolver): FieldResolver {
  const place = (error: unknown, info: GraphQLResolveInfo) =>
    error instanceof ForbiddenError ? locatedDenial(error, info.fieldNodes, responsePathAsArray(info.path)) : error;
  return (source, args, context, info) => {
    try {
      const result = resolve(source, args, context, info);
      return result instanceof Promise
        ? result.catch((error: unknown) => {
            throw place(error, info);
          })
        : result;
    } catch (error) {
      throw place(error, info);
    }
  };
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: print the code-first schema with
 * its directives, add the federation `@link`, and let `@apollo/subgraph` build from that SDL with
 * type-graphql's resolvers plus the entities' reference resolvers.
 */
export async function buildFederatedSchema<Context extends SubgraphContext>(
  options: FederatedSchemaOptions<Context>,
): Promise<GraphQLSchema> {
  const codeFirst = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // Federation directives are declared by the @link, not by type-graphql.
    skipCheck: true,
    validate: { forbidUnknownValues: false },
  });
  const resolvers: Record<string, unknown> = { ...createResolversMap(codeFirst) };
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (!isObjectType(codeFirst.getType(typeName)) || typeof fields !== 'object' || fields === null) continue;
    const map = fields as Record<string, unknown>;
    for (const [fieldName, resolve] of Object.entries(map)) {
      if (typeof resolve === 'function' && !fieldName.startsWith('__')) map[fieldName] = placingDenials(resolve as FieldResolver);
    }
  }
  for (const [typeName, resolveReference] of Object.entries(options.references)) {
    const existing = resolvers[typeName];
    resolvers[typeName] = { ...(typeof existing === 'object' ? existing : {}), __resolveReference: resolveReference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(codeFirst)}`),
    // @apollo/subgraph's map type does not model `__resolveReference`, which it nonetheless calls.
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

/** The SDL a subgraph contributes to composition (what `schema/<name>.graphql` holds). */
export function printFederatedSchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
