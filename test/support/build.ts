import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..', '..');
const LOCK = path.join(ROOT, '.data', 'tsc.lock');
const STALE_MS = 5 * 60_000;

/**
 * Compiles the project into dist/ (`tsc -p .`) for tests that run it as separate processes, as in
 * production. One compile at a time across jest workers: two concurrent compiles could rewrite files
 * another test's processes are loading, whereas a compile after another is incremental and writes
 * nothing.
 */
export async function buildDist(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run would otherwise block every later one.
      if (Date.now() - lockCreatedAt() > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], { cwd: ROOT });
  } catch (error) {
    // tsc prints its errors on stdout.
    throw new Error(`tsc failed:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function lockCreatedAt(): number {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now();
  }
}
