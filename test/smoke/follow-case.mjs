// Smoke check used by .ci/smoke-embedded: FollowCase on the full-chain demo case through the
// gateway, once per token given. No single agency may see everything (IOM keeps assistance
// records, prosecutors the MLA requests), so every section must be non-empty for at least one of
// them, and every error must be an access denial. Usage: node follow-case.mjs <url> <token>...
import { readFileSync } from 'node:fs';

const [url, ...tokens] = process.argv.slice(2);
const query = readFileSync(new URL('../queries/follow-case.graphql', import.meta.url), 'utf8');

function sections(c) {
  return {
    detections: c?.detections,
    vessel: c?.detections?.[0]?.vessel,
    suspects: c?.suspects,
    intelligence: c?.intelligence?.filter(Boolean),
    migrants: c?.migrants,
    identity: c?.migrants?.find((m) => m.identity)?.identity,
    assistance: c?.migrants?.flatMap((m) => m.assistance ?? []),
    assistanceSummary: c?.assistanceSummary,
    prosecution: c?.prosecution,
    defendants: c?.prosecution?.defendants,
    charges: c?.prosecution?.defendants?.flatMap((d) => d.charges),
    witnesses: c?.prosecution?.witnesses,
    mlaRequests: c?.prosecution?.mlaRequests,
    caseLaw: c?.prosecution?.caseLaw,
  };
}

const seen = new Set();
let names = [];
for (const token of tokens) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, operationName: 'FollowCase', variables: { id: 'ca5e0000-0000-4000-8000-000000000001' } }),
  });
  const body = await response.json();
  const ms = Math.round(performance.now() - started);
  const unexpected = (body.errors ?? []).filter((error) => error.extensions?.code !== 'FORBIDDEN');
  if (response.status !== 200 || unexpected.length > 0 || !body.data?.case) {
    console.error(`FollowCase failed (HTTP ${response.status}):`, JSON.stringify(unexpected.length ? unexpected : body, null, 2));
    process.exit(1);
  }
  const found = sections(body.data.case);
  names = Object.keys(found);
  for (const [name, value] of Object.entries(found)) {
    if (value != null && !(Array.isArray(value) && value.length === 0)) seen.add(name);
  }
  const agency = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).agency;
  console.log(`FollowCase as ${agency}: HTTP 200 in ${ms} ms, ${(body.errors ?? []).length} fields withheld (FORBIDDEN)`);
}
const missing = names.filter((name) => !seen.has(name));
if (missing.length > 0) {
  console.error(`sections empty for every agency: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`FollowCase OK: all ${names.length} sections non-empty across the agencies`);
