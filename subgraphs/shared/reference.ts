import type DataLoader from 'dataloader';
import { isId } from './pagination.js';

/**
 * A `__resolveReference` that goes through the request's DataLoader, so the gateway's `_entities`
 * call for N representations costs one statement. A malformed id is a dangling reference: null.
 */
export function resolveByLoader<Row>(reference: { id: string }, loader: DataLoader<string, Row | null>): Promise<Row | null> | null {
  return isId(reference.id) ? loader.load(reference.id.toLowerCase()) : null;
}
