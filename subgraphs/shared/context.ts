import type { Viewer } from './auth.js';

/** What every subgraph resolver receives: the verified caller and the operation's name. */
export interface SubgraphContext {
  viewer: Viewer;
  operationName: string | null;
}
