import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

/** A sample line whatever the order of its labels. */
function sample(name: string, labels: Record<string, string>, value = '[0-9.e+-]+'): RegExp {
  const parts = Object.entries(labels)
    .map(([key, val]) => `(?=[^}]*${key}="${val}")`)
    .join('');
  return new RegExp(`^${name}\\{${parts}[^}]*\\} ${value}$`, 'm');
}

async function metricsOf(graphqlUrl: string): Promise<string> {
  const response = await fetch(new URL('/metrics', graphqlUrl));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/plain/);
  return response.text();
}

describe('Prometheus metrics', () => {
  it('count requests, errors and subgraph latency at the gateway and in each subgraph', async () => {
    await tidelink.query(FOLLOW_CASE, {
      variables: { id: MONA_PASSAGE_CASE_ID },
      operationName: 'FollowCase',
      token: await tidelink.token('PROSECUTOR', 'DOM'),
    });
    await tidelink.query('{ case(id: "not-a-uuid") { id } }');

    const gateway = await metricsOf(tidelink.stack.gateway.url);
    // A prosecutor's FollowCase has fields withheld (FORBIDDEN): an answer with errors.
    expect(gateway).toMatch(
      sample('tidelink_graphql_requests_total', { operation: 'FollowCase', outcome: 'error', service: 'gateway' }, '1'),
    );
    expect(gateway).toMatch(sample('tidelink_graphql_errors_total', { code: 'FORBIDDEN', service: 'gateway' }));
    expect(gateway).toMatch(sample('tidelink_graphql_errors_total', { code: 'BAD_USER_INPUT', service: 'gateway' }, '1'));
    for (const subgraph of ['police', 'assistance', 'prosecution']) {
      expect(gateway).toMatch(sample('tidelink_subgraph_request_duration_seconds_count', { subgraph, service: 'gateway' }, '[1-9][0-9]*'));
    }
    expect(gateway).toMatch(sample('process_resident_memory_bytes', { service: 'gateway' }));

    const police = await metricsOf(tidelink.stack.subgraphs.police.url);
    expect(police).toMatch(sample('tidelink_graphql_request_duration_seconds_count', { service: 'police' }, '[1-9][0-9]*'));
    expect(police).toMatch(sample('tidelink_db_pool_connections', { state: 'idle', service: 'police' }, '[0-9]+'));
    expect(police).toMatch(sample('tidelink_db_pool_connections', { state: 'waiting', service: 'police' }, '0'));
  });

  it('bounds the operation label: a caller cannot flood it with names', async () => {
    await tidelink.query('query Weird_name_1 { __typename }', { operationName: 'Weird_name_1' });
    await tidelink.query('{ __typename }');
    // Past the bound of 200 names: every further name is counted as "other".
    for (let n = 0; n < 230; n += 1) {
      await tidelink.query(`query Flood_${n} { __typename }`, { operationName: `Flood_${n}` });
    }
    const gateway = await metricsOf(tidelink.stack.gateway.url);
    expect(gateway).toMatch(/operation="Weird_name_1"/);
    expect(gateway).toMatch(/operation="anonymous"/);
    expect(gateway).toMatch(/operation="other"/);
    expect(gateway).not.toMatch(/operation="Flood_229"/);
    const labels = new Set([...gateway.matchAll(/tidelink_graphql_requests_total\{[^}]*operation="([^"]+)"/g)].map((match) => match[1]));
    // The bound is reached exactly: 200 names, "anonymous" and "other".
    expect(labels.size).toBe(202);
    // Every flood request is counted once: under its own name while there was room, else as "other".
    const floodNames = [...labels].filter((label) => label.startsWith('Flood_')).length;
    const countedAsOther = [...gateway.matchAll(/^tidelink_graphql_requests_total\{[^}]*operation="other"[^}]*\} ([0-9]+)$/gm)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
    expect(floodNames).toBeLessThan(200);
    expect(floodNames + countedAsOther).toBe(230);
  });
});
