// Smoke check used by .ci/smoke-embedded: FollowCase on the full-chain demo case through the
// gateway; every section must be present and non-empty. Usage: node follow-case.mjs <url> <token>
import { readFileSync } from 'node:fs';

const [url, token] = process.argv.slice(2);
const query = readFileSync(new URL('../queries/follow-case.graphql', import.meta.url), 'utf8');
const started = performance.now();
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query, variables: { id: 'ca5e0000-0000-4000-8000-000000000001' } }),
});
const body = await response.json();
const ms = Math.round(performance.now() - started);
const c = body.data?.case;
const sections = {
  detections: c?.detections,
  vessel: c?.detections?.[0]?.vessel,
  suspects: c?.suspects,
  intelligence: c?.intelligence,
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
const empty = Object.entries(sections)
  .filter(([, value]) => value == null || (Array.isArray(value) && value.length === 0))
  .map(([name]) => name);
if (response.status !== 200 || body.errors || empty.length > 0) {
  console.error(`FollowCase failed (HTTP ${response.status}); empty: ${empty.join(', ') || 'none'}`);
  console.error(JSON.stringify(body.errors ?? null, null, 2));
  process.exit(1);
}
console.log(`FollowCase OK in ${ms} ms: every section non-empty (${Object.keys(sections).length} checked)`);
