import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

describe('FollowCase through the gateway', () => {
  it('follows the full-chain demo case across the three agencies in one request (as a prosecutor)', async () => {
    const { status, body } = await tidelink.query(FOLLOW_CASE, {
      variables: { id: MONA_PASSAGE_CASE_ID },
      operationName: 'FollowCase',
      token: await tidelink.token('PROSECUTOR', 'DOM'),
    });
    expect(status).toBe(200);
    const expected = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'follow-case.prosecutor.json'), 'utf8')) as {
      data: unknown;
      errors: unknown;
    };
    expect(body.data).toEqual(expected.data);
    // What a prosecutor may not see is null, each with its reason: H1 intelligence, IOM-only records,
    // identities without a consent that covers prosecutors.
    const errors = (body.errors ?? [])
      .map((error) => ({ path: error.path, code: error.extensions?.code, reason: error.extensions?.reason }))
      .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
    expect(errors).toEqual(expected.errors);
  });

  it('answers null for a case id that does not exist, without an error', async () => {
    const { body } = await tidelink.query(
      'query { case(id: "ca5e0000-0000-4000-8000-0000000000ff") { id migrants { id } prosecution { id } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ case: null });
  });

  it('refuses a malformed id with BAD_USER_INPUT naming the argument', async () => {
    const { status, body } = await tidelink.query('query { case(id: "1 OR 1=1") { id } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ case: null });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'id', reasons: ['INVALID_ID'] }] });
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts|SELECT/);
  });

  it('resolves the cross-agency references in the other direction too', async () => {
    // Witnesses are for the prosecuting State's prosecutors only (issue 12): asked as a Dominican prosecutor.
    const { body } = await tidelink.query(
      `query {
      migrant(id: "a1a00000-0000-4000-8000-000000000002") {
        code detection { seaArea vessel { type } } case { reference prosecution { stage } }
      }
      prosecution(id: "b40a0000-0000-4000-8000-000000000001") {
        case { reference detections { seaArea } }
        defendants { suspect { alias role } }
        witnesses { migrant { code nationality } }
      }
    }`,
      { token: await tidelink.token('PROSECUTOR', 'DOM') },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      migrant: {
        code: 'MG-DOM-0142-02',
        detection: { seaArea: 'Mona Passage', vessel: { type: 'WOODEN_BOAT' } },
        case: { reference: 'DOM-2026-0142', prosecution: { stage: 'INDICTMENT' } },
      },
      prosecution: {
        case: { reference: 'DOM-2026-0142', detections: [{ seaArea: 'Mona Passage' }] },
        defendants: [{ suspect: { alias: 'El Capi', role: 'CAPTAIN' } }, { suspect: { alias: 'Tío Ramón', role: 'ORGANIZER' } }],
        witnesses: [{ migrant: { code: 'MG-DOM-0142-02', nationality: 'HTI' } }],
      },
    });
  });
});
