import http from 'node:http';
import type { ApolloGateway } from '@apollo/gateway';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from './config.js';
import { createErrorFormatter } from './errors.js';
import type { Logger } from './logger.js';

export interface Readiness {
  ready: boolean;
  details: Record<string, unknown>;
}

export interface GraphQLHttpServerOptions<Context extends BaseContext> {
  config: Config;
  logger: Logger;
  port: number;
  host?: string;
  /** A subgraph's schema, or the gateway. */
  source: { schema: GraphQLSchema } | { gateway: ApolloGateway };
  plugins?: ApolloServerPlugin<Context>[];
  /** Builds the request context; throwing an AuthenticationError refuses the request with 401. */
  context(request: Request): Promise<Context>;
  /** What GET /ready reports; GET /health only says the process answers. */
  readiness(): Promise<Readiness>;
}

export interface GraphQLHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Apollo Server on express with /graphql, /health and /ready: the one way every Tidelink process serves. */
export async function serveGraphQL<Context extends BaseContext>(options: GraphQLHttpServerOptions<Context>): Promise<GraphQLHttpServer> {
  const { config } = options;
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    ...options.source,
    csrfPrevention: true,
    // Signals are handled once for the whole process (lifecycle.ts), which stops servers in order.
    stopOnTerminationSignals: false,
    introspection: config.NODE_ENV !== 'production',
    formatError: createErrorFormatter(options.logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Tidelink never reports to Apollo's cloud, even if an APOLLO_KEY is around.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const { ready, details } = await options.readiness();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', ...details });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: ({ req }) => options.context(req) }));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/graphql`, port, stop: () => apollo.stop() };
}
