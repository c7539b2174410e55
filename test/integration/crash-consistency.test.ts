import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { startTestStack, type TestStack } from '../support/stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Crash consistency (issue 17, item 4): the police subgraph runs as its own process, as in
 * production; several clients send creating mutations with idempotency keys through the gateway;
 * the subgraph is SIGKILLed mid-burst and started again on the same port; every client retries
 * what failed with the same key until it succeeds. Then SQL says: each key made exactly one record
 * with everything that belongs to it (case, detection, vessel link, write-log rows, key row), and
 * nothing was left half-written.
 */

const ROOT = path.join(__dirname, '..', '..');
const CLIENTS = 6;
const KEYS_PER_CLIENT = 12;
/** The kill comes once this many keys have succeeded, so some are done, some in flight, some to come. */
const KILL_AFTER = Math.floor((CLIENTS * KEYS_PER_CLIENT) / 3);

const RECORD_DETECTION = `mutation Record($input: RecordDetectionInput!, $key: String) {
  recordDetection(input: $input, idempotencyKey: $key) { id case { id reference } }
}`;
const OPEN_CASE = `mutation Open($input: OpenCaseInput!, $key: String) {
  openCase(input: $input, idempotencyKey: $key) { id reference }
}`;

/** Errors a client may see while the subgraph is down or starting: anything else fails the test. */
const RETRYABLE = new Set(['SUBGRAPH_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);

let tidelink: TestStack;
let policeUrl: string;
let policePort: number;
let child: ChildProcess | null = null;
const childOutput: string[] = [];

function startPolice(): ChildProcess {
  const { config } = tidelink;
  const started = spawn(process.execPath, [path.join(ROOT, 'dist', 'subgraphs', 'police', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      POLICE_PORT: String(policePort),
      POLICE_DATABASE_URL: policeUrl,
      DATABASE_APP_PASSWORD: config.DATABASE_APP_PASSWORD ?? '',
      SEED_DEMO: 'false',
      JWT_SECRET: config.JWT_SECRET ?? '',
      SUBGRAPH_SIGNING_SECRET: config.SUBGRAPH_SIGNING_SECRET,
      POLICE_URL: tidelink.stack.subgraphs.police.url,
      ASSISTANCE_URL: tidelink.stack.subgraphs.assistance.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.stdout?.setEncoding('utf8').on('data', (chunk: string) => childOutput.push(chunk));
  started.stderr?.setEncoding('utf8').on('data', (chunk: string) => childOutput.push(chunk));
  return started;
}

async function policeReady(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${policePort}/ready`)).ok;
  } catch {
    return false;
  }
}

async function waitForPolice(): Promise<void> {
  await waitFor(policeReady, {
    what: `the police subgraph process (${childOutput.join('').slice(-1500)})`,
    timeout: 40_000,
    interval: 100,
  });
}

beforeAll(async () => {
  tidelink = await startTestStack();
  const inProcess = tidelink.stack.subgraphs.police;
  policeUrl = inProcess.databaseUrl;
  policePort = inProcess.port;
  // The in-process police subgraph gives way to a process of its own on the same port: the gateway
  // keeps the URL it has, and reaches the subgraph over HTTP as in production.
  await inProcess.stop();
  child = startPolice();
  await waitForPolice();
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  await tidelink?.stop();
});

interface Outcome {
  key: string;
  operation: 'recordDetection' | 'openCase';
  reference: string;
  id: string;
  attempts: number;
}

describe('a subgraph killed mid-burst of keyed mutations', () => {
  it('leaves exactly one whole record per key, and retries get the same ids', async () => {
    const token = await tidelink.token('POLICE', 'DOM');
    let succeeded = 0;
    let inFlight = 0;
    let killedInFlight = 0;
    let failedAttempts = 0;
    const unexpected: unknown[] = [];
    // Set by whichever client sees the KILL_AFTER-th success (a holder, as closures assign it).
    const crash: { restarted: Promise<void> | null } = { restarted: null };
    let killedAt = 0;

    /** SIGKILL, then a new process on the same port (the clients keep retrying meanwhile). */
    const crashAndRestart = async () => {
      const victim = child as ChildProcess;
      const exited = new Promise((resolve) => victim.once('exit', resolve));
      killedInFlight = inFlight;
      killedAt = Date.now();
      victim.kill('SIGKILL');
      await exited;
      child = startPolice();
      await waitForPolice();
    };

    const send = async (operation: Outcome['operation'], key: string, reference: string) => {
      const openCase = { reference, leadCountry: 'DOM', offences: ['SMUGGLING_OF_MIGRANTS'] };
      const variables =
        operation === 'openCase'
          ? { key, input: openCase }
          : {
              key,
              input: {
                openCase,
                detectedAt: '2026-09-01T03:00:00Z',
                seaArea: 'Mona Passage',
                position: { latitude: 18.3, longitude: -67.8 },
                detectingCountry: 'DOM',
                outcome: 'INTERCEPTED',
                personsOnBoard: 12,
                deaths: 0,
                // No identifier: every detection records a vessel of its own, so each key has one to check.
                vessel: { name: `Yola ${key}`, type: 'WOODEN_BOAT', registryStatus: 'STATELESS', boardingAuthorization: 'OWN_FLAG' },
              },
            };
      inFlight += 1;
      try {
        const { status, body } = await tidelink.query<Record<string, { id: string } | null>>(
          operation === 'openCase' ? OPEN_CASE : RECORD_DETECTION,
          { token, variables },
        );
        const id = body.data?.[operation]?.id;
        if (status === 200 && id && !body.errors) return id;
        const codes = (body.errors ?? []).map((error) => error.extensions?.code);
        if (codes.length === 0 || codes.some((code) => typeof code !== 'string' || !RETRYABLE.has(code))) {
          unexpected.push({ key, status, errors: body.errors });
        }
        return null;
      } catch (error) {
        // The gateway runs in this process and stays up: a failure here is the test's own, kept to report.
        unexpected.push({ key, error: String(error) });
        return null;
      } finally {
        inFlight -= 1;
      }
    };

    const client = async (index: number): Promise<Outcome[]> => {
      const outcomes: Outcome[] = [];
      for (let k = 0; k < KEYS_PER_CLIENT; k += 1) {
        const operation = (index + k) % 3 === 0 ? 'openCase' : 'recordDetection';
        const key = `crash-${index}-${k}`;
        const reference = `DOM-2026-9${String(index).padStart(2, '0')}${String(k).padStart(2, '0')}`;
        let attempts = 0;
        for (;;) {
          attempts += 1;
          const id = await send(operation, key, reference);
          if (id) {
            outcomes.push({ key, operation, reference, id, attempts });
            succeeded += 1;
            if (succeeded === KILL_AFTER && !crash.restarted) crash.restarted = crashAndRestart();
            break;
          }
          failedAttempts += 1;
          if (unexpected.length > 0 || attempts > 400) throw new Error(`client ${index} gives up on ${key}: ${JSON.stringify(unexpected)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      return outcomes;
    };

    const outcomes = (await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)))).flat();
    await crash.restarted;
    expect(unexpected).toEqual([]);
    expect(crash.restarted).not.toBeNull();
    expect(outcomes).toHaveLength(CLIENTS * KEYS_PER_CLIENT);

    // Replays, once everything is up: the same key and input answer the id the first success got.
    const replays = await Promise.all(outcomes.map((outcome) => send(outcome.operation, outcome.key, outcome.reference)));
    expect(replays).toEqual(outcomes.map((outcome) => outcome.id));

    const sql = new Client({ connectionString: policeUrl });
    await sql.connect();
    try {
      const keys = (
        await sql.query<{ key: string; operation: string; result_id: string | null }>(
          "SELECT key, operation, result_id FROM idempotency_keys WHERE key LIKE 'crash-%' ORDER BY key",
        )
      ).rows;
      // One key row per key, each naming the id its client got.
      expect(keys).toEqual(
        [...outcomes]
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .map((outcome) => ({ key: outcome.key, operation: outcome.operation, result_id: outcome.id })),
      );

      // Exactly one case per key (references are the keys' own), none left over from a lost attempt.
      const cases = (
        await sql.query<{ reference: string; id: string }>("SELECT reference, id FROM cases WHERE reference LIKE 'DOM-2026-9%'")
      ).rows;
      expect(cases).toHaveLength(outcomes.length);

      const detectionsOut = outcomes.filter((outcome) => outcome.operation === 'recordDetection');
      const detections = (
        await sql.query<{ id: string; reference: string; vessel_id: string | null; vessel_exists: boolean }>(
          `SELECT d.id, c.reference, d.vessel_id, v.id IS NOT NULL AS vessel_exists
             FROM detections d JOIN cases c ON c.id = d.case_id LEFT JOIN vessels v ON v.id = d.vessel_id
            WHERE c.reference LIKE 'DOM-2026-9%'`,
        )
      ).rows;
      // One detection per recordDetection key, with its vessel; none on an openCase key's case.
      expect(detections.map((row) => row.id).sort()).toEqual(detectionsOut.map((outcome) => outcome.id).sort());
      for (const row of detections) expect(row.vessel_exists).toBe(true);
      const vessels = (await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM vessels WHERE name LIKE 'Yola crash-%'")).rows[0].n;
      expect(vessels).toBe(detectionsOut.length);
      const orphanVessels = (
        await sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM vessels v WHERE name LIKE 'Yola crash-%' AND NOT EXISTS (SELECT 1 FROM detections d WHERE d.vessel_id = v.id)",
        )
      ).rows[0].n;
      expect(orphanVessels).toBe(0);

      // Every record written has its WRITE row in the access log, from the mutation that made it, once.
      const unlogged = (
        await sql.query<{ entity_type: string; id: string; writes: number }>(
          `WITH written AS (
             SELECT 'Case' AS entity_type, id FROM cases WHERE reference LIKE 'DOM-2026-9%'
             UNION ALL SELECT 'Detection', d.id FROM detections d JOIN cases c ON c.id = d.case_id WHERE c.reference LIKE 'DOM-2026-9%'
             UNION ALL SELECT 'Vessel', id FROM vessels WHERE name LIKE 'Yola crash-%')
           SELECT w.entity_type, w.id,
                  (SELECT count(*)::int FROM access_log l WHERE l.kind = 'WRITE' AND l.entity_type = w.entity_type AND l.entity_id = w.id) AS writes
             FROM written w`,
        )
      ).rows.filter((row) => row.writes !== 1);
      expect(unlogged).toEqual([]);
      const idOf = new Map(cases.map((row) => [row.reference, row.id]));
      for (const outcome of outcomes.filter((o) => o.operation === 'openCase')) expect(idOf.get(outcome.reference)).toBe(outcome.id);

      const retried = outcomes.filter((outcome) => outcome.attempts > 1).length;
      // Keys whose first attempt committed before the kill but whose answer was lost: the retry was a replay.
      const retriedKeys = outcomes.filter((outcome) => outcome.attempts > 1).map((outcome) => outcome.key);
      const committedUnanswered = (
        await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ANY($1) AND created_at < $2', [
          retriedKeys,
          new Date(killedAt),
        ])
      ).rows[0].n;
      console.log(
        `crash consistency: ${outcomes.length} keys from ${CLIENTS} clients, ${outcomes.length + failedAttempts} requests, ` +
          `${killedInFlight} in flight at the SIGKILL, ${failedAttempts} failed attempts retried over ${retried} keys, ` +
          `${committedUnanswered} of them committed before the kill (answered by replay), ` +
          `${outcomes.length} replays all the same id; in SQL ${cases.length} cases, ${detections.length} detections, ` +
          `${vessels} vessels, ${keys.length} key rows, 0 partial`,
      );
      expect(retried).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }
  }, 120_000);
});
