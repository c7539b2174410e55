import type { SubgraphName } from '../platform/subgraph-names.js';

// What launcher/start.ts and its subgraph process (launcher/subgraph-process.ts) say over their IPC channel.

/** Launcher → subgraph process: drain and exit (sent once the gateway has stopped). */
export const STOP_SUBGRAPHS = 'tidelink:stop-subgraphs';

/** Launcher → subgraph process: where each subgraph's database is (resolved by the launcher) and its port. */
export interface SubgraphProcessStart {
  type: 'start';
  databaseUrls: Record<SubgraphName, string>;
  ports: Record<SubgraphName, number>;
}

/** Subgraph process → launcher: all three subgraphs serve (their URLs), or they could not start. */
export type SubgraphProcessMessage = { type: 'ready'; urls: Record<SubgraphName, string> } | { type: 'failed'; message: string };
