/** The three agency subgraphs (a module of its own, so the gateway need not load the database layer). */
export type SubgraphName = 'police' | 'assistance' | 'prosecution';
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ['police', 'assistance', 'prosecution'];
