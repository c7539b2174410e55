import type { Config } from '../platform/config.js';
import type { SubgraphName } from '../platform/subgraph-names.js';

/** What the launcher hands a subgraph thread (structured-cloned: plain data only). */
export interface SubgraphThreadData {
  name: SubgraphName;
  config: Config;
  databaseUrl: string;
  port: number;
}

/** Launcher → thread. */
export type ThreadOrder = { kind: 'peers'; urls: { police?: string; assistance?: string } } | { kind: 'stop' };

/** Thread → launcher. */
export type ThreadMessage = { kind: 'ready'; url: string; port: number } | { kind: 'failed'; message: string } | { kind: 'stopped' };
