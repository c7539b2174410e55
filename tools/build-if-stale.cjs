// Compiles the production code (tsconfig.build.json) into dist/ only when a source changed since the
// last build: `npm ci` builds once (`prepare`), and `npm start` and the other run scripts then start
// at once. Plain JavaScript, because it runs before anything is compiled.
//
// Why not just `tsc` every time: tsc re-reads and re-checks the whole program even when nothing
// changed (about 5 s here, incremental build info or not). Listing the sources' sizes and
// modification times takes a few milliseconds.
//
//   node tools/build-if-stale.cjs            build if stale (npm start, token, seed, schema:*)
//   node tools/build-if-stale.cjs --prepare  the same, but skip quietly where there is nothing to
//                                            build with (no tsconfig.build.json or no typescript)
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const CONFIG = path.join(ROOT, 'tsconfig.build.json');
/** The fingerprint of the sources the last successful build compiled. */
const STAMP = path.join(ROOT, 'dist', '.build-fingerprint');
/** Files besides the sources whose change can change the output. */
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** Every .ts file under the build's include folders, with its size and modification time. */
function fingerprint(include) {
  const entries = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts')) entries.push(relative);
    }
  };
  for (const dir of include) if (existsSync(path.join(ROOT, dir))) walk(dir);
  entries.push(...INPUTS.filter((file) => existsSync(path.join(ROOT, file))));
  const hash = createHash('sha256');
  for (const file of entries.sort()) {
    const { size, mtimeMs } = statSync(path.join(ROOT, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function main() {
  const prepare = process.argv.includes('--prepare');
  if (!existsSync(CONFIG)) {
    if (prepare) return; // an install without the sources (the Dockerfile's dependency layer)
    throw new Error(`${path.relative(process.cwd(), CONFIG)} is missing`);
  }
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    if (prepare) return; // a production install (npm ci --omit=dev): dist comes from elsewhere
    throw new Error('typescript is not installed: run npm ci (with dev dependencies) to build');
  }
  const { include } = JSON.parse(readFileSync(CONFIG, 'utf8'));
  const current = fingerprint(include);
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === current) return;
  const started = Date.now();
  process.stderr.write('Compiling TypeScript (sources changed since the last build)…\n');
  const result = spawnSync(process.execPath, [tsc, '-p', CONFIG], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, current);
  process.stderr.write(`Compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
