import { BadUserInputError } from '../../platform/errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Page size from `first`: bounded so no caller can ask for an unbounded list. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first', 'OUT_OF_RANGE');
  }
  return first;
}

/** A keyset position: the sort value and the id that breaks ties. Opaque to callers. */
export interface Position {
  sortKey: string;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor's sort key is an instant (most lists: newest first) or a short text (migrants: by code). */
const SORT_KEYS = {
  instant: (key: string) => !Number.isNaN(Date.parse(key)),
  text: (key: string) => key.length <= 200,
} as const;

export function decodeCursor(cursor: string, field = 'after', sortKey: keyof typeof SORT_KEYS = 'instant'): Position {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      SORT_KEYS[sortKey](decoded[0]) &&
      typeof decoded[1] === 'string' &&
      UUID.test(decoded[1])
    ) {
      return { sortKey: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through to the typed error
  }
  throw new BadUserInputError(`${field} is not a cursor this API issued`, field, 'INVALID_CURSOR');
}

export function isId(value: string): boolean {
  return UUID.test(value);
}

/** Ids are UUIDs: anything else is refused before it reaches SQL. */
export function assertId(id: string, field = 'id'): string {
  if (!UUID.test(id)) throw new BadUserInputError(`${field} must be a UUID`, field, 'INVALID_ID');
  return id.toLowerCase();
}
