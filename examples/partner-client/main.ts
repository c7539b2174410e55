import { run, TidelinkError, type ClientOptions } from './client.js';

/**
 * The example client as a program: `TIDELINK_TOKEN=… TIDELINK_URL=… node dist/examples/partner-client/main.js`.
 * Progress goes to stderr, the report (JSON) to stdout; exit 1 when the hub refused a request as a whole.
 */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv): ClientOptions {
  const token = env.TIDELINK_TOKEN;
  if (!token) throw new TidelinkError('TIDELINK_TOKEN is not set: the bearer token to send', 'NO_TOKEN');
  const pageSize = env.TIDELINK_PAGE_SIZE ? Number(env.TIDELINK_PAGE_SIZE) : undefined;
  return { url: env.TIDELINK_URL ?? 'http://localhost:4000/graphql', token, pageSize };
}

async function main(): Promise<void> {
  const options = optionsFromEnvironment(process.env);
  const report = await run({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const code = error instanceof TidelinkError ? error.code : 'ERROR';
    process.stderr.write(`tidelink partner client: ${code}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
