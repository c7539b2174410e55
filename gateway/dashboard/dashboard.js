// Tidelink example dashboard: one GraphQL request for all charts (the README holds the same query).
const QUERY = `query Dashboard {
  byMonthAndOutcome: detectionStatistics(groupBy: [MONTH, OUTCOME]) { k buckets { month outcome suppressed detections } }
  byMonth: detectionStatistics(groupBy: [MONTH]) { buckets { month suppressed deaths missing } }
  byNationality: migrantStatistics(groupBy: [NATIONALITY]) { k buckets { nationality suppressed migrants } }
  byVulnerability: migrantStatistics(groupBy: [VULNERABILITY]) { buckets { vulnerability suppressed migrants } }
  prosecutionStatistics(groupBy: [STAGE, VERDICT]) { k buckets { stage verdict suppressed charges } }
}`;

const COLOURS = ['#0b3d5c', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#8d99ae', '#6a4c93', '#1982c4'];
const charts = {};
// Read by the browser test and handy when debugging: what was drawn and what was suppressed.
window.__tidelinkDashboard = { rendered: 0, suppressed: {}, points: {} };

function status(text, isError) {
  const element = document.getElementById('status');
  element.textContent = text;
  element.className = isError ? 'error' : '';
}

function showSuppressed(id, buckets, label, k) {
  const hidden = buckets.filter((bucket) => bucket.suppressed).map(label);
  window.__tidelinkDashboard.suppressed[id] = hidden.length;
  document.getElementById(`${id}-suppressed`).textContent = hidden.length
    ? `Not published (empty, or withheld so that no group of fewer than ${k} people shows): ${hidden.join(', ')}`
    : 'No group withheld.';
}

function draw(id, type, labels, datasets, stacked) {
  if (charts[id]) charts[id].destroy();
  charts[id] = new Chart(document.getElementById(id), {
    type,
    data: { labels, datasets },
    options: { animation: false, responsive: true, scales: { x: { stacked }, y: { stacked, beginAtZero: true } } },
  });
  window.__tidelinkDashboard.points[id] = datasets.reduce((sum, dataset) => sum + dataset.data.filter((value) => value !== null).length, 0);
  window.__tidelinkDashboard.rendered += 1;
}

/** A stacked series per value of `series` across the values of `axis`, published buckets only. */
function stackedSeries(buckets, axis, series, value) {
  const published = buckets.filter((bucket) => !bucket.suppressed);
  const labels = [...new Set(published.map((bucket) => bucket[axis] ?? 'unknown'))].sort();
  const names = [...new Set(published.map((bucket) => bucket[series] ?? 'none'))].sort();
  const datasets = names.map((name, index) => ({
    label: name,
    backgroundColor: COLOURS[index % COLOURS.length],
    data: labels.map((label) => {
      const bucket = published.find((candidate) => (candidate[axis] ?? 'unknown') === label && (candidate[series] ?? 'none') === name);
      return bucket ? bucket[value] : null;
    }),
  }));
  return { labels, datasets };
}

function render(data) {
  const k = data.byMonthAndOutcome.k;
  const detections = stackedSeries(data.byMonthAndOutcome.buckets, 'month', 'outcome', 'detections');
  draw('detections', 'bar', detections.labels, detections.datasets, true);
  showSuppressed('detections', data.byMonthAndOutcome.buckets, (bucket) => `${bucket.month} ${bucket.outcome}`, k);

  const months = data.byMonth.buckets.filter((bucket) => !bucket.suppressed);
  draw(
    'deaths',
    'line',
    months.map((bucket) => bucket.month),
    [
      { label: 'deaths', borderColor: COLOURS[4], backgroundColor: COLOURS[4], data: months.map((bucket) => bucket.deaths) },
      { label: 'missing', borderColor: COLOURS[5], backgroundColor: COLOURS[5], data: months.map((bucket) => bucket.missing) },
    ],
    false,
  );
  showSuppressed('deaths', data.byMonth.buckets, (bucket) => bucket.month, k);

  for (const [id, field] of [
    ['nationality', 'nationality'],
    ['vulnerability', 'vulnerability'],
  ]) {
    const buckets = id === 'nationality' ? data.byNationality.buckets : data.byVulnerability.buckets;
    const published = buckets.filter((bucket) => !bucket.suppressed);
    draw(
      id,
      'bar',
      published.map((bucket) => bucket[field] ?? 'none'),
      [{ label: 'migrants', backgroundColor: COLOURS[1], data: published.map((bucket) => bucket.migrants) }],
      false,
    );
    showSuppressed(id, buckets, (bucket) => bucket[field] ?? 'none', k);
  }

  const prosecutions = stackedSeries(data.prosecutionStatistics.buckets, 'stage', 'verdict', 'charges');
  draw('prosecutions', 'bar', prosecutions.labels, prosecutions.datasets, true);
  showSuppressed('prosecutions', data.prosecutionStatistics.buckets, (bucket) => `${bucket.stage} ${bucket.verdict ?? 'no charge'}`, k);
}

async function load(token) {
  status('Loading…');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, operationName: 'Dashboard' }),
  });
  const body = await response.json();
  const missing = !body.data || Object.values(body.data).some((part) => part === null);
  if (body.errors || missing) {
    const error = body.errors?.[0];
    status(`Could not load: ${error?.message ?? response.statusText} (${error?.extensions?.code ?? response.status})`, true);
    return;
  }
  render(body.data);
  status(`Loaded. Every figure is k-anonymous (k = ${body.data.byMonthAndOutcome.k}).`);
}

document.getElementById('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  // The token stays in this page's memory only: never in a URL or the browser's storage (a reload asks again).
  const token = document.getElementById('token').value.trim();
  load(token).catch((error) => status(`Could not load: ${error.message}`, true));
});
