import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { badUserInput, type FieldProblem } from '../../platform/errors.js';

/** PostgreSQL refuses U+0000 in text: refused here, once per request, with the field it stood in. */
const NUL = '\u0000';
const REASON = 'NUL_CHARACTER';

/** Where a variable's value holds a NUL: `input.identity.givenName`, `ids[2]`. */
function inVariables(value: unknown, at: string, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(at);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => inVariables(item, `${at}[${index}]`, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) inVariables(item, `${at}.${key}`, found);
  }
}

/**
 * Where the strings written in each document hold a NUL, per parsed document: Apollo Server hands
 * the same parsed document to every request with the same text (its document cache), and walking
 * it on each request was a visible share of a subgraph's CPU.
 */
const documentFindings = new WeakMap<DocumentNode, readonly string[]>();

function inDocument(document: DocumentNode, found: string[]): void {
  let known = documentFindings.get(document);
  if (!known) documentFindings.set(document, (known = walkDocument(document)));
  found.push(...known);
}

/** Where a string written in the document holds a NUL: the argument and object fields that lead to it. */
function walkDocument(document: DocumentNode): string[] {
  const found: string[] = [];
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (!node.value.includes(NUL)) return;
      const names = [...ancestors, parent].flatMap((ancestor) =>
        ancestor !== undefined && 'kind' in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD)
          ? [ancestor.name.value]
          : [],
      );
      found.push(names.length > 0 ? names.join('.') : 'query');
    },
  });
  return found;
}

/**
 * Refuses a request with a NUL character in any string it carries (variables or the document) as
 * BAD_USER_INPUT (HTTP 400) before execution: no resolver, store or filter sees one, whatever field
 * it is in, and the database never answers it with an internal error.
 */
export function refuseNulCharacters<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const found: string[] = [];
          for (const [name, value] of Object.entries(request.variables ?? {})) inVariables(value, name, found);
          inDocument(document, found);
          if (found.length === 0) return;
          const fields: FieldProblem[] = [...new Set(found)].map((field) => ({ field, reasons: [REASON] }));
          throw new GraphQLError(`Invalid input: ${fields.map((problem) => problem.field).join(', ')} must not contain a NUL character`, {
            extensions: { ...badUserInput(fields), http: { status: 400 } },
          });
        },
      };
    },
  };
}
