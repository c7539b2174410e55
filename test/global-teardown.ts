import type { EmbeddedPostgres } from '../subgraphs/shared/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __tidelinkTestPostgres?: EmbeddedPostgres }).__tidelinkTestPostgres;
  if (embedded) await embedded.stop();
}
