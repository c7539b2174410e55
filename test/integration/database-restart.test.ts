import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../../bench/processes.js';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Agency } from '../../platform/auth.js';
import { SHARED_READ_PATH } from '../../platform/shared-read-protocol.js';
import { signedJsonPost } from '../../platform/signed-post.js';
import type { SubgraphName } from '../../platform/subgraph-names.js';
import { LOOKUP_PATH } from '../../subgraphs/shared/lookup/lookup.protocol.js';
import { startPostgresProcess, type PostgresProcess } from '../support/postgres-process.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * A real database restart (issue 17, item 6): the stack runs on a PostgreSQL cluster of this test's
 * own (the embedded server, on a fresh data folder and a free port). Under a load of reads and
 * writes the server is stopped: each subgraph answers SERVICE_UNAVAILABLE (no stack, no
 * INTERNAL_SERVER_ERROR) and reports itself not ready; the server starts again on the same folder
 * and port, and the stack recovers by itself, with every write made before still there.
 */

let dataRoot: string;
let dataDir: string;
let port: number;
let postgres: PostgresProcess | null = null;
let tidelink: TestStack;

const startPostgres = () => startPostgresProcess({ dataDir, port });

beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(os.tmpdir(), 'tidelink-restart-'));
  // As root the server runs as `postgres`, which must be able to pass through to its folder.
  await chmod(dataRoot, 0o755);
  dataDir = path.join(dataRoot, 'data');
  port = await freePort();
  postgres = await startPostgres();
  tidelink = await startTestStack({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' }, { server: postgres.url });
}, 120_000);

afterAll(async () => {
  // The test's databases are dropped on the server, which a failed check may have left stopped.
  if (!postgres && dataDir) postgres = await startPostgres();
  await tidelink?.stop();
  await postgres?.stop();
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
}, 60_000);

const OPEN_CASE = `mutation Open($input: OpenCaseInput!, $key: String) {
  openCase(input: $input, idempotencyKey: $key) { id reference }
}`;

/** One read per subgraph, sent straight to it (signed as the gateway signs). */
const READS: Record<SubgraphName, { agency: Agency; query: string; variables?: Record<string, unknown> }> = {
  police: { agency: 'POLICE', query: '{ cases(first: 5) { nodes { id reference } } }' },
  assistance: { agency: 'IOM', query: 'query($c: ID!) { migrants(caseId: $c) { id } }', variables: { c: MONA_PASSAGE_CASE_ID } },
  prosecution: { agency: 'PROSECUTOR', query: '{ prosecutions(first: 5) { id } }' },
};

async function readSubgraph(name: SubgraphName): Promise<GraphQLResponse> {
  const read = READS[name];
  return tidelink.subgraphQuery(name, read.query, { variables: read.variables, token: await tidelink.token(read.agency, 'DOM') });
}

async function followCase(): Promise<GraphQLResponse> {
  return tidelink.query(FOLLOW_CASE, { variables: { id: MONA_PASSAGE_CASE_ID }, token: await tidelink.token('PROSECUTOR', 'DOM') });
}

/** The error codes of an answer, less the FORBIDDEN fields a prosecutor is never shown (the case's police detail). */
const codesOf = (response: GraphQLResponse) =>
  (response.body.errors ?? []).map((error) => error.extensions?.code).filter((code) => code !== 'FORBIDDEN');

async function openCase(key: string, reference: string): Promise<GraphQLResponse<{ openCase: { id: string } | null }>> {
  return tidelink.query(OPEN_CASE, {
    variables: { key, input: { reference, leadCountry: 'DOM', offences: ['SMUGGLING_OF_MIGRANTS'] } },
    token: await tidelink.token('POLICE', 'DOM'),
  });
}

async function ready(name: SubgraphName): Promise<number> {
  return (await fetch(new URL('/ready', tidelink.stack.subgraphs[name].url))).status;
}

describe('the database stops and starts again under load', () => {
  it('answers SERVICE_UNAVAILABLE while it is down and recovers by itself, keeping every write', async () => {
    // Writes before the outage, with keys, so that any retry after it would be a replay.
    const written: Array<{ key: string; reference: string; id: string }> = [];
    for (let n = 0; n < 8; n += 1) {
      const key = `restart-${n}`;
      const reference = `DOM-2026-8${String(n).padStart(3, '0')}`;
      const { status, body } = await openCase(key, reference);
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      written.push({ key, reference, id: body.data?.openCase?.id as string });
    }

    // A load of reads through the gateway, running across the outage; every answer is kept.
    let loading = true;
    const seen = { ok: 0, unavailable: 0, other: [] as unknown[] };
    const reader = async () => {
      while (loading) {
        try {
          const response = await followCase();
          const codes = codesOf(response);
          if (codes.length === 0 && response.status === 200) seen.ok += 1;
          else if (codes.every((code) => code === 'SERVICE_UNAVAILABLE')) seen.unavailable += 1;
          else seen.other.push({ status: response.status, errors: response.body.errors });
        } catch (error) {
          seen.other.push(String(error));
        }
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    let okAtStop = 0;
    try {
      await waitFor(() => seen.ok >= 20, { what: 'reads before the outage', timeout: 30_000, interval: 50 });

      await postgres?.stop();
      postgres = null;
      okAtStop = seen.ok;

      // While it is down: every subgraph answers SERVICE_UNAVAILABLE, with no stack or SQL in the body.
      for (const name of ['police', 'assistance', 'prosecution'] as const) {
        const response = await readSubgraph(name);
        expect({ name, codes: codesOf(response) }).toEqual({ name, codes: ['SERVICE_UNAVAILABLE'] });
        expect(response.body.data ?? null).toBeNull();
        const text = JSON.stringify(response.body);
        expect(text).not.toMatch(/stacktrace|ECONNREFUSED|127\.0\.0\.1|Connection terminated|at .*\.js:\d+/);
        expect(await ready(name)).toBe(503);
      }
      // The service routes beside /graphql say the same: the copy of shared reads (the gateway's
      // deduplication) and the reference check (a peer subgraph) answer 503 SERVICE_UNAVAILABLE, not a 500.
      const secret = tidelink.config.SUBGRAPH_SIGNING_SECRET;
      const police = tidelink.stack.subgraphs.police.url;
      const bearer = `Bearer ${await tidelink.token('POLICE', 'DOM')}`;
      const sharedRead = await signedJsonPost(
        new URL(SHARED_READ_PATH, police).toString(),
        { from: randomUUID(), requestIds: ['restart-joiner-0001'] },
        bearer,
        secret,
        5000,
      );
      const lookup = await signedJsonPost(
        new URL(LOOKUP_PATH, police).toString(),
        { kind: 'case', ids: [MONA_PASSAGE_CASE_ID] },
        bearer,
        secret,
        5000,
      );
      expect({ sharedRead, lookup }).toEqual({
        sharedRead: { status: 503, body: { errors: [{ message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } }] } },
        lookup: { status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) } } },
      });
      const whileDown = await followCase();
      expect(whileDown.status).toBe(200);
      expect(new Set(codesOf(whileDown))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      const writeWhileDown = await openCase('restart-down', 'DOM-2026-8999');
      expect(codesOf(writeWhileDown)).toEqual(['SERVICE_UNAVAILABLE']);
      await waitFor(() => seen.unavailable >= 8, { what: 'the readers to meet the outage', timeout: 30_000, interval: 50 });

      // The same cluster again, same folder and port; the stack is not touched.
      postgres = await startPostgres();
      const recovered = async () => {
        const answers = await Promise.all([followCase(), ...(['police', 'assistance', 'prosecution'] as const).map(readSubgraph)]);
        return answers.every((answer) => answer.status === 200 && codesOf(answer).length === 0);
      };
      await waitFor(recovered, { what: 'the stack to recover after the database restart', timeout: 30_000, interval: 200 });
      for (const name of ['police', 'assistance', 'prosecution'] as const) expect(await ready(name)).toBe(200);
      const okAtRecovery = seen.ok;
      await waitFor(() => seen.ok >= okAtRecovery + 20, { what: 'reads after the recovery', timeout: 30_000, interval: 50 });
    } finally {
      // Also when a check fails, so that the readers do not outlive the test.
      loading = false;
      await Promise.all(readers);
    }
    expect(seen.other).toEqual([]);

    // The writes made before are all there, a retry of one is a replay, and new writes work.
    const replay = await openCase(written[0].key, written[0].reference);
    expect(replay.body.data?.openCase?.id).toBe(written[0].id);
    const after = await openCase('restart-after', 'DOM-2026-8998');
    expect(after.body.errors).toBeUndefined();
    const sql = new Client({ connectionString: tidelink.stack.subgraphs.police.databaseUrl });
    await sql.connect();
    try {
      const rows = (
        await sql.query<{ reference: string; id: string }>(
          "SELECT reference, id FROM cases WHERE reference LIKE 'DOM-2026-8%' ORDER BY reference",
        )
      ).rows;
      expect(rows).toEqual(
        [
          ...written.map(({ reference, id }) => ({ reference, id })),
          { reference: 'DOM-2026-8998', id: after.body.data?.openCase?.id },
        ].sort((a, b) => a.reference.localeCompare(b.reference)),
      );
    } finally {
      await sql.end();
    }
    console.log(
      `database restart: ${seen.ok} reads answered (${okAtStop} before the stop), ${seen.unavailable} SERVICE_UNAVAILABLE while down, ` +
        `0 other errors; ${written.length} writes before, all present after`,
    );
  }, 150_000);
});
