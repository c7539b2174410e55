import { parseArgs } from 'node:util';
import { AGENCIES, mintToken, type Agency } from '../platform/auth.js';
import { isISO31661Alpha3 } from 'class-validator';
import { loadConfigOrExit } from '../platform/config.js';
import { ORGANISATION } from '../platform/organisation.js';

const USAGE = `Usage: npm run -s token -- --agency <${AGENCIES.join('|')}> --country <ISO alpha-3> [--sub <subject>] [--org <organisation>] [--expires <e.g. 8h>]`;

/** `npm run -s token`: prints a signed demo token and nothing else. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      country: { type: 'string' },
      sub: { type: 'string' },
      org: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const problems: string[] = [];
  const agency = values.agency?.toUpperCase();
  if (!agency || !(AGENCIES as readonly string[]).includes(agency)) problems.push(`--agency must be one of ${AGENCIES.join(', ')}`);
  const country = values.country?.toUpperCase();
  if (!country || !isISO31661Alpha3(country)) problems.push('--country must be an ISO 3166-1 alpha-3 code, e.g. DOM');
  if (values.org !== undefined && !ORGANISATION.test(values.org))
    problems.push('--org must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const token = await mintToken(config, {
    subject: values.sub ?? `demo-${agency?.toLowerCase()}-${country?.toLowerCase()}`,
    agency: agency as Agency,
    country: country as string,
    expiresIn: values.expires,
    organisation: values.org,
  });
  // A token the services would refuse is not printed: say why instead.
  const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
  if (exp - iat > config.JWT_MAX_LIFETIME_SECONDS) {
    process.stderr.write(
      `--expires ${values.expires} exceeds JWT_MAX_LIFETIME_SECONDS (${config.JWT_MAX_LIFETIME_SECONDS} s); the services would refuse it\n${USAGE}\n`,
    );
    process.exit(2);
  }
  process.stdout.write(`${token}\n`);
}

void main();
