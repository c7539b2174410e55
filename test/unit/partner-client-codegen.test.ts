import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The partner client's generated code is checked in; it must be what GraphQL Code Generator writes
 * from today's schema/api.graphql and operations. Stale: run `npm run codegen:partner-client`.
 * Codegen runs in its own Node process (it loads ES modules jest's CommonJS runtime cannot), with
 * the config the global setup compiled to dist/, and returns its files instead of writing them.
 */
const ROOT = path.join(__dirname, '..', '..');
const CONFIG = path.join(ROOT, 'dist', 'examples', 'partner-client', 'codegen.js');

const GENERATE = `
const { generate } = require('@graphql-codegen/cli');
const config = require(process.argv[1]).default;
generate({ ...config, cwd: process.cwd(), silent: true }, false).then((files) => process.stdout.write(JSON.stringify(files)));
`;

it('examples/partner-client/generated is what codegen writes from schema/api.graphql and the operations', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', GENERATE, CONFIG], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const files = JSON.parse(stdout) as Array<{ filename: string; content: string }>;
  expect(files.map((file) => path.basename(file.filename)).sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
  for (const file of files) {
    const checkedIn = readFileSync(path.resolve(ROOT, file.filename), 'utf8');
    expect({ file: file.filename, content: checkedIn }).toEqual({ file: file.filename, content: file.content });
  }
}, 120_000);
