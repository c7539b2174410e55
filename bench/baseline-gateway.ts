import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loadConfigOrExit } from '../platform/config.js';
import { signRequest } from '../platform/request-signing.js';

/**
 * The baseline: plain @apollo/gateway with default settings on the same supergraph and subgraphs.
 * It only passes the caller's token on (the subgraphs refuse anyone without one) and signs each call
 * (they refuse unsigned ones): a custom fetcher around the default fetch, nothing else changed.
 */
function signing(stock: Fetcher, secret: string): Fetcher {
  return (url, init) => {
    const headers = init?.headers ?? {};
    const signature = signRequest(secret, {
      method: init?.method ?? 'POST',
      path: new URL(url).pathname,
      authorization: headers.authorization ?? headers.Authorization,
      body: init?.body ?? '',
    });
    return stock(url, { ...init, headers: { ...headers, ...signature } });
  };
}

async function main(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const { SUBGRAPH_SIGNING_SECRET } = loadConfigOrExit();
  const urls: Record<string, string | undefined> = {
    police: process.env.POLICE_URL,
    assistance: process.env.ASSISTANCE_URL,
    prosecution: process.env.PROSECUTION_URL,
  };
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH ?? 'schema/supergraph.graphql', 'utf8'),
    buildService: ({ name, url }) =>
      new (class extends RemoteGraphQLDataSource<{ authorization: string }> {
        constructor(options: { url?: string }) {
          super(options);
          // The stock fetcher, only signed.
          this.fetcher = signing(this.fetcher, SUBGRAPH_SIGNING_SECRET);
        }
        override willSendRequest({
          request,
          context,
        }: Parameters<RemoteGraphQLDataSource<{ authorization: string }>['willSendRequest'] & object>[0]) {
          if ('authorization' in context) request.http?.headers.set('authorization', (context as { authorization: string }).authorization);
        }
      })({ url: urls[name] ?? url }),
  });
  const server = new ApolloServer<{ authorization: string }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4304), host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization ?? '' }),
  });
  process.stdout.write(`baseline ready ${url}\n`);
}

void main();
