import { DataSource } from 'typeorm';
import { ConsentRecipient1765000000401 } from '../../subgraphs/assistance/migrations/1765000000401-consent-recipient.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** Consent bound to recipient (agency, one country or any), purpose and expiry; through the gateway. */
let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

const MIGRANT = (n: number) => `a1a00000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const IDENTITY = (id: string) => `query Identity { migrant(id: "${id}") { identity { givenName } traffickingStatus testimonyConsent } }`;
const RECORD =
  'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id recipient recipientAgency recipientCountry expiresAt } }';

async function read(id: string, agency: 'POLICE' | 'PROSECUTOR', country: string) {
  const { body } = await tidelink.query<{ migrant: { identity: { givenName: string } | null; testimonyConsent: boolean | null } }>(
    IDENTITY(id),
    {
      token: await tidelink.token(agency, country),
    },
  );
  const reason = (field: string) => body.errors?.find((error) => error.path?.join('.') === `migrant.${field}`)?.extensions?.reason ?? null;
  return {
    identity: body.data?.migrant.identity?.givenName ?? null,
    identityReason: reason('identity'),
    testimony: body.data?.migrant.testimonyConsent ?? null,
  };
}

async function record(input: Record<string, unknown>) {
  return tidelink.query<{ recordConsent: Record<string, unknown> }>(RECORD, {
    token: await tidelink.token('IOM', 'DOM'),
    variables: { input },
  });
}

describe('consent names its recipient', () => {
  it('the demo: a consent to the Dominican police opens the identity to a DOM officer, not to a USA officer', async () => {
    expect(await read(MIGRANT(1), 'POLICE', 'DOM')).toMatchObject({ identity: 'Juan Carlos', identityReason: null });
    expect(await read(MIGRANT(1), 'POLICE', 'USA')).toMatchObject({ identity: null, identityReason: 'CONSENT_REQUIRED' });
  });

  it('prosecutors: the Dominican consents open to DOM prosecutors only, and testimonyConsent follows the same rule', async () => {
    expect(await read(MIGRANT(2), 'PROSECUTOR', 'DOM')).toEqual({ identity: 'Mirlande', identityReason: null, testimony: true });
    expect(await read(MIGRANT(2), 'PROSECUTOR', 'ITA')).toEqual({ identity: null, identityReason: 'CONSENT_REQUIRED', testimony: false });
  });

  it('refuses a recipient agency that does not fit the scope, and an expiry before the consent is given', async () => {
    const wrong = await record({
      migrantId: MIGRANT(4),
      scope: 'SHARE_WITH_POLICE',
      recipientAgency: 'PROSECUTOR',
      recipientCountry: 'DOM',
      purpose: 'Investigation',
    });
    expect(wrong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'recipientAgency' }] });
    const early = await record({
      migrantId: MIGRANT(4),
      scope: 'SHARE_WITH_POLICE',
      recipientAgency: 'POLICE',
      purpose: 'Investigation',
      givenAt: '2026-05-01T00:00:00Z',
      expiresAt: '2026-04-01T00:00:00Z',
    });
    expect(early.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'expiresAt' }] });
    const country = await record({
      migrantId: MIGRANT(4),
      scope: 'SHARE_WITH_POLICE',
      recipientAgency: 'POLICE',
      recipientCountry: 'usa',
      purpose: 'Investigation',
    });
    expect(country.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.recipientCountry', reasons: ['INVALID_COUNTRY'] }],
    });
    // None of them opened anything.
    expect(await read(MIGRANT(4), 'POLICE', 'DOM')).toMatchObject({ identity: null, identityReason: 'CONSENT_REQUIRED' });
  });

  it('an expired consent opens nothing; one that has not expired yet does; "any country" opens every country of that agency', async () => {
    const expired = await record({
      migrantId: MIGRANT(4),
      scope: 'SHARE_WITH_POLICE',
      recipientAgency: 'POLICE',
      recipientCountry: 'DOM',
      purpose: 'Investigation of case DOM-2026-0142',
      givenAt: '2026-03-20T00:00:00Z',
      expiresAt: '2026-04-20T00:00:00Z',
    });
    expect(expired.body.errors).toBeUndefined();
    expect(expired.body.data?.recordConsent).toMatchObject({
      recipientAgency: 'POLICE',
      recipientCountry: 'DOM',
      recipient: 'POLICE (DOM)',
      expiresAt: '2026-04-20T00:00:00.000Z',
    });
    expect(await read(MIGRANT(4), 'POLICE', 'DOM')).toMatchObject({ identity: null, identityReason: 'CONSENT_REQUIRED' });

    const live = await record({
      migrantId: MIGRANT(4),
      scope: 'SHARE_WITH_POLICE',
      recipientAgency: 'POLICE',
      purpose: 'Joint investigation',
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    });
    expect(live.body.errors).toBeUndefined();
    expect(live.body.data?.recordConsent).toMatchObject({ recipientCountry: null, recipient: 'POLICE (any country)' });
    expect(await read(MIGRANT(4), 'POLICE', 'ITA')).toMatchObject({ identity: 'Yuleisy', identityReason: null });
    // Police consent opens nothing to prosecutors.
    expect(await read(MIGRANT(4), 'PROSECUTOR', 'DOM')).toMatchObject({ identity: null, identityReason: 'CONSENT_REQUIRED' });
  });
});

describe('the migration carries free-text recipients over honestly', () => {
  it('parses "(XXX)" with the scope\'s agency; a text naming no country opens nothing', async () => {
    // Migrations run as the database's owner; the subgraph's own pool is the application role, which owns nothing.
    const dataSource = await new DataSource({ type: 'postgres', url: tidelink.stack.subgraphs.assistance.databaseUrl }).initialize();
    const runner = dataSource.createQueryRunner();
    const migration = new ConsentRecipient1765000000401();
    try {
      // Back to the old shape, with the texts partners wrote, then forward again.
      await migration.down(runner);
      // Migrant 5's texts name a country; migrant 6's do not.
      const legacy: Array<[number, string, string]> = [
        [5, 'SHARE_WITH_POLICE', 'Policía Nacional (DOM)'],
        [5, 'SHARE_WITH_PROSECUTION', 'Procura della Repubblica di Agrigento (ITA)'],
        [5, 'TESTIMONY', 'Procuraduría General de la República (DOM) '],
        [6, 'SHARE_WITH_POLICE', 'Authorities of DOM'],
        [6, 'SHARE_WITH_POLICE', 'Police (dom)'],
        [5, 'RESEARCH', 'IOM data collaborative'],
        [6, 'RESEARCH', 'University research group'],
      ];
      await runner.query('/* test.legacyConsents */ DELETE FROM consents');
      for (const [migrantN, scope, recipient] of legacy) {
        await runner.query(
          `/* test.legacyConsent */ INSERT INTO consents (migrant_id, scope, recipient, purpose, given_at) VALUES ($1, $2, $3, 'Legacy', '2026-03-01T00:00:00Z')`,
          [MIGRANT(migrantN), scope, recipient],
        );
      }
      await migration.up(runner);
      const rows: Array<{ recipient: string; recipient_agency: string | null; recipient_country: string | null; expires_at: Date | null }> =
        await runner.query(
          '/* test.migratedConsents */ SELECT recipient, recipient_agency, recipient_country, expires_at FROM consents ORDER BY created_at, recipient',
        );
      const byText = Object.fromEntries(rows.map((row) => [row.recipient, [row.recipient_agency, row.recipient_country]]));
      expect(byText).toEqual({
        'Policía Nacional (DOM)': ['POLICE', 'DOM'],
        'Procura della Repubblica di Agrigento (ITA)': ['PROSECUTOR', 'ITA'],
        'Procuraduría General de la República (DOM) ': ['PROSECUTOR', 'DOM'],
        'Authorities of DOM': [null, null],
        'Police (dom)': [null, null],
        'IOM data collaborative': ['IOM', null],
        'University research group': [null, null],
      });
      for (const row of rows) expect(row.expires_at).toBeNull();
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
    // A parsed consent opens to the country it named; the unparsed ones open nothing to anyone.
    expect(await read(MIGRANT(5), 'POLICE', 'DOM')).toMatchObject({ identity: 'Jean-Robert', identityReason: null });
    expect(await read(MIGRANT(5), 'POLICE', 'USA')).toMatchObject({ identity: null, identityReason: 'CONSENT_REQUIRED' });
    for (const country of ['DOM', 'USA'])
      expect(await read(MIGRANT(6), 'POLICE', country)).toMatchObject({ identity: null, identityReason: 'CONSENT_REQUIRED' });
  });
});
