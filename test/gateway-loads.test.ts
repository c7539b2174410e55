import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The gateway's process loads no TypeORM, type-graphql or class-validator: a plain node process loads
// every module the gateway's entry points import and lists what ended up in its module cache. The same
// probe on a subgraph finds all three, so the probe can see them when they are there.
const ROOT = path.join(__dirname, '..');
const SUBGRAPH_ONLY = /node_modules\/(typeorm|type-graphql|class-validator)\//;
const ENTRY_POINTS = ['gateway/main.ts', 'gateway/signing-proxy-main.ts'];

/** The packages of `pattern` that end up loaded when a fresh node process requires `modules`. */
function loadedPackages(modules: string[]): string[] {
  const script = `
    for (const module of ${JSON.stringify(modules)}) require(module);
    const files = Object.keys(require.cache).filter((file) => ${SUBGRAPH_ONLY.toString()}.test(file));
    console.log(JSON.stringify({ total: Object.keys(require.cache).length, packages: [...new Set(files.map((file) => ${SUBGRAPH_ONLY.toString()}.exec(file)[1]))].sort() }));`;
  const output = execFileSync(process.execPath, ['--require', './test/support/register-ts.cjs', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NODE_ENV: 'development', LOG_LEVEL: 'silent' },
  });
  const { total, packages } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { total: number; packages: string[] };
  // A probe that loaded nearly nothing would prove nothing.
  expect(total).toBeGreaterThan(200);
  return packages;
}

/** What the entry points import (they start servers when loaded, so their imports are loaded instead). */
function gatewayModules(): string[] {
  const imports = ENTRY_POINTS.flatMap((entry) =>
    [...readFileSync(path.join(ROOT, entry), 'utf8').matchAll(/^import (?:.* from )?'([^']+)';$/gm)].map(([, source]) =>
      source.startsWith('.') ? `./${path.join(path.dirname(entry), source)}` : source,
    ),
  );
  // Every module of gateway/ and platform/, whether an entry point reaches it today or not.
  const gatewayFiles = ['gateway', 'platform']
    .flatMap((folder) => readdirSync(path.join(ROOT, folder)).map((file) => `${folder}/${file}`))
    .filter((file) => file.endsWith('.ts') && !ENTRY_POINTS.includes(file))
    .map((file) => `./${file}`);
  return [...new Set([...imports, ...gatewayFiles])];
}

describe("the gateway's process", () => {
  it('loads no TypeORM, type-graphql or class-validator', () => {
    const modules = gatewayModules();
    expect(modules).toEqual(expect.arrayContaining(['./gateway/gateway.js', './platform/instrument.js', './platform/config.js']));
    expect(loadedPackages(modules)).toEqual([]);
  }, 60_000);

  it('while a subgraph loads all three (the probe sees them)', () => {
    expect(loadedPackages(['./subgraphs/police/police.subgraph.ts'])).toEqual(['class-validator', 'type-graphql', 'typeorm']);
  }, 60_000);
});
