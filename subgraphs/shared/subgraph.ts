import type { GraphQLSchema } from 'graphql';
import type { DataSource, DataSourceOptions } from 'typeorm';
import type { SubgraphContext } from './context.js';
import type { SubgraphName } from './database.js';
import type { LookupHandlers } from './lookup/lookup.server.js';

/** What one agency's subgraph contributes; the shared server turns it into a running service. */
export interface SubgraphModule<Context extends SubgraphContext = SubgraphContext> {
  name: SubgraphName;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  buildSchema(): Promise<GraphQLSchema>;
  /** A fresh context per request: the shared part (caller, access log) plus the subgraph's loaders and services. */
  createContext(base: SubgraphContext): Context;
  /** Loads the demo stories when the database holds none of this subgraph's data. */
  seedDemo(dataSource: DataSource): Promise<boolean>;
  /** The reference checks this subgraph answers for the records it owns (`POST /lookup`); none when omitted. */
  lookups?: LookupHandlers<Context>;
}
