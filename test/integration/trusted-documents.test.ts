import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startGateway, type RunningGateway } from '../../gateway/gateway.js';
import { sha256 } from '../../gateway/trusted-documents.js';
import { mintToken, type Agency } from '../../platform/auth.js';
import type { Config } from '../../platform/config.js';
import { buildManifest, MANIFEST_PATH } from '../../tools/documents-build.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, MANIFEST_PATH), 'utf8')) as ReturnType<typeof buildManifest>;
const followCase = manifest.operations.find((operation) => operation.name === 'FollowCase');
const UNREGISTERED = 'query Mine { cases(first: 1) { nodes { id } } }';
const UNKNOWN_ID = sha256(UNREGISTERED);

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  codes: unknown[];
}

async function send(url: string, token: string, body: Record<string, unknown>, accept?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: unknown } }> };
  return { status: response.status, data: answer.data, codes: (answer.errors ?? []).map((error) => error.extensions?.code) };
}

const TRUST_CODES = ['QUERY_NOT_IN_SAFELIST', 'PERSISTED_QUERY_NOT_IN_LIST', 'PERSISTED_QUERY_NOT_FOUND'];
const trustCodes = (answer: Answer) => answer.codes.filter((code) => TRUST_CODES.includes(code as string));
const variables = { id: MONA_PASSAGE_CASE_ID };
const byApolloId = (id: string) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
const byHiveId = (id: string) => ({ variables, documentId: id });

describe('trusted documents', () => {
  let stack: TestStack;
  const gateways: Record<'allow' | 'requireAll', RunningGateway | undefined> = { allow: undefined, requireAll: undefined };
  const token = (agency: Agency) => mintToken(stack.config, { subject: `test-${agency.toLowerCase()}`, agency, country: 'DOM' });
  const gateway = (overrides: Partial<Config>) =>
    startGateway({
      config: { ...stack.config, ...overrides },
      port: 0,
      subgraphUrls: {
        police: stack.stack.subgraphs.police.url,
        assistance: stack.stack.subgraphs.assistance.url,
        prosecution: stack.stack.subgraphs.prosecution.url,
      },
    });

  beforeAll(async () => {
    stack = await startTestStack({ PERSISTED_DOCUMENTS: 'require', PERSISTED_DOCUMENTS_SCOPE: 'partners' });
    gateways.allow = await gateway({ PERSISTED_DOCUMENTS: 'allow' });
    gateways.requireAll = await gateway({ PERSISTED_DOCUMENTS: 'require', PERSISTED_DOCUMENTS_SCOPE: 'all' });
  }, 120_000);
  afterAll(async () => {
    for (const running of Object.values(gateways)) await running?.stop();
    await stack?.stop();
  });

  it('the checked-in manifest is what npm run documents:build writes, each id the sha256 of its body', () => {
    expect(manifest).toEqual(buildManifest(ROOT));
    for (const operation of manifest.operations) expect(operation.id).toBe(sha256(operation.body));
    expect(manifest.operations.map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['FollowCase', 'Dashboard', 'NetworkPicture']),
    );
    expect(followCase).toBeDefined();
  });

  describe('require, for partners', () => {
    it('refuses a document no known client registered, sent by a partner, with QUERY_NOT_IN_SAFELIST', async () => {
      const refused = await send(stack.stack.gateway.url, await token('PARTNER'), { query: UNREGISTERED });
      expect(refused).toEqual({ status: 400, data: undefined, codes: ['QUERY_NOT_IN_SAFELIST'] });
      // As every document refused before execution: 200 for a caller that asks for application/json.
      const json = await send(stack.stack.gateway.url, await token('PARTNER'), { query: UNREGISTERED }, 'application/json');
      expect(json).toMatchObject({ status: 200, codes: ['QUERY_NOT_IN_SAFELIST'] });
    });

    it('refuses an id nobody registered with PERSISTED_QUERY_NOT_IN_LIST, in either form', async () => {
      const partner = await token('PARTNER');
      expect(await send(stack.stack.gateway.url, partner, byApolloId(UNKNOWN_ID))).toMatchObject({
        status: 400,
        codes: ['PERSISTED_QUERY_NOT_IN_LIST'],
      });
      expect(await send(stack.stack.gateway.url, partner, byHiveId(UNKNOWN_ID))).toMatchObject({
        status: 400,
        codes: ['PERSISTED_QUERY_NOT_IN_LIST'],
      });
    });

    it('runs a registered operation by id (Apollo and Hive forms) and as its text', async () => {
      const partner = await token('PARTNER');
      const id = followCase?.id ?? '';
      for (const body of [byApolloId(id), byHiveId(id), byHiveId(`sha256:${id}`), { query: FOLLOW_CASE, variables }]) {
        const answer = await send(stack.stack.gateway.url, partner, body);
        expect(answer.status).toBe(200);
        expect(trustCodes(answer)).toEqual([]);
        expect(answer.data).toHaveProperty('case');
      }
    });

    it('lets other agencies send any document', async () => {
      const answer = await send(stack.stack.gateway.url, await token('POLICE'), { query: UNREGISTERED });
      expect(answer).toMatchObject({ status: 200, codes: [] });
    });
  });

  it('require for all: an officer too runs only registered documents, by id or as text in any layout', async () => {
    const url = gateways.requireAll?.url ?? '';
    const police = await token('POLICE');
    expect(await send(url, police, { query: UNREGISTERED })).toMatchObject({ status: 400, codes: ['QUERY_NOT_IN_SAFELIST'] });
    const byId = await send(url, police, byApolloId(followCase?.id ?? ''));
    expect(byId.status).toBe(200);
    expect(trustCodes(byId)).toEqual([]);
    expect((byId.data?.case as { id?: string } | null)?.id).toBe(MONA_PASSAGE_CASE_ID);
    // The same operation reformatted (comments, another layout) is still the registered one.
    const reformatted = `# the follow-case query\n${FOLLOW_CASE.replace(/\n\s+/g, ' ')}`;
    const asText = await send(url, police, { query: reformatted, variables });
    expect(asText.status).toBe(200);
    expect(trustCodes(asText)).toEqual([]);
    expect((asText.data?.case as { id?: string } | null)?.id).toBe(MONA_PASSAGE_CASE_ID);
  });

  it('allow: any document runs, registered ids run, an unknown APQ hash is APQ as before', async () => {
    const url = gateways.allow?.url ?? '';
    const partner = await token('PARTNER');
    expect(await send(url, partner, { query: UNREGISTERED })).toMatchObject({ status: 200 });
    expect((await send(url, partner, { query: UNREGISTERED })).codes).not.toContain('QUERY_NOT_IN_SAFELIST');
    const byId = await send(url, await token('POLICE'), byHiveId(followCase?.id ?? ''));
    expect((byId.data?.case as { id?: string } | null)?.id).toBe(MONA_PASSAGE_CASE_ID);
    // Apollo's automatic persisted queries: "not found" asks the client for the text, which then registers it.
    expect((await send(url, partner, byApolloId(UNKNOWN_ID))).codes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    // A Hive documentId has no text to fall back on.
    expect((await send(url, partner, byHiveId(UNKNOWN_ID))).codes).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
  });
});
