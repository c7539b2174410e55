import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../bench/processes.js';
import path from 'node:path';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { waitFor } from '../support/wait-for.js';

const ROOT = path.join(__dirname, '..', '..');
let tidelink: TestStack;
let primary: ChildProcess;
let port: number;

const workersOf = (pid: number | undefined): number[] => {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};

const ready = async () => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ready`)).ok;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  tidelink = await startTestStack();
  port = await freePort();
  const { police, assistance, prosecution } = tidelink.stack.subgraphs;
  // The compiled gateway (jest's global setup builds dist/), as `npm run start:gateway` runs it.
  primary = spawn(process.execPath, [path.join(ROOT, 'dist', 'gateway', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      GATEWAY_WORKERS: '2',
      POLICE_URL: police.url,
      ASSISTANCE_URL: assistance.url,
      PROSECUTION_URL: prosecution.url,
    },
    stdio: 'ignore',
    // Its own process group, so that the test can send Ctrl-C's SIGINT to primary and workers at once.
    detached: true,
  });
  await waitFor(ready, { what: 'the gateway workers', timeout: 30_000, interval: 100 });
}, 60_000);

afterAll(async () => {
  if (primary?.exitCode === null) primary.kill('SIGKILL');
  await tidelink?.stop();
});

async function followCase(): Promise<{ status: number; reference: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tidelink.token('PROSECUTOR', 'DOM')}` },
    body: JSON.stringify({ query: FOLLOW_CASE, variables: { id: MONA_PASSAGE_CASE_ID } }),
  });
  const body = (await response.json()) as { data?: { case?: { reference?: unknown } } };
  return { status: response.status, reference: body.data?.case?.reference };
}

describe('GATEWAY_WORKERS: the gateway as several processes on one port', () => {
  it('answers from two workers, replaces one that dies, and stops cleanly on Ctrl-C', async () => {
    expect(workersOf(primary.pid)).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 12 }, followCase));
    expect(answers).toEqual(Array.from({ length: 12 }, () => ({ status: 200, reference: 'DOM-2026-0142' })));

    // A worker killed outright is replaced; requests meanwhile are served by the other.
    const [victim] = workersOf(primary.pid);
    process.kill(victim, 'SIGKILL');
    await waitFor(
      () => {
        const workers = workersOf(primary.pid);
        return workers.length === 2 && !workers.includes(victim);
      },
      { what: 'a replacement worker', timeout: 30_000, interval: 100 },
    );
    await waitFor(ready, { what: 'readiness after the replacement', timeout: 30_000, interval: 100 });
    expect(await followCase()).toEqual({ status: 200, reference: 'DOM-2026-0142' });

    const workers = workersOf(primary.pid);
    expect(workers).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    // As a terminal's Ctrl-C: SIGINT to the whole group. Workers leave the decision to the primary,
    // which tells each to drain once; a worker stopping twice would exit 1.
    process.kill(-(primary.pid as number), 'SIGINT');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
