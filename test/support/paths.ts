import type { GraphQLResponse } from './stack.js';

export type Path = Array<string | number>;

/** The value at a response path, or undefined when a parent is missing. */
export function valueAt(data: unknown, path: Path): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The error reported for exactly this path, if any. */
export function errorAt(body: GraphQLResponse['body'], path: Path) {
  return (body.errors ?? []).find((error) => JSON.stringify(error.path) === JSON.stringify(path));
}
