// Tidelink example: the network picture around a case, drawn with Cytoscape.js (served by the gateway from npm).
const QUERY = `query NetworkPicture($around: GraphAnchor!, $depth: Int) {
  networkGraph(around: $around, depth: $depth) {
    withheld truncated
    nodes { id kind label releasable ownerCountry }
    edges { from to kind }
  }
}`;

const EDGE_LABELS = { SUSPECT_IN: 'suspect in', DETECTED_IN: 'detected in', MEMBER_OF: 'member of', ATTRIBUTED_TO: 'attributed to' };
let drawing = null;
// Read by the browser test and handy when debugging: what was drawn.
window.__tidelinkNetwork = { drawn: 0, nodes: 0, edges: 0, withheld: 0, hits: [], ids: [] };

function status(text, isError) {
  const element = document.getElementById('status');
  element.textContent = text;
  element.className = isError ? 'error' : '';
}

function elements(graph) {
  const nodes = graph.nodes.map((node) => ({
    data: {
      id: node.id,
      kind: node.kind,
      label: node.releasable ? node.label : `${node.label} (${node.ownerCountry ?? '?'}) — withheld`,
    },
    classes: `${node.kind.toLowerCase()}${node.releasable ? '' : ' withheld'}`,
  }));
  const edges = graph.edges.map((edge, index) => ({
    data: { id: `edge-${index}`, source: edge.from, target: edge.to, label: EDGE_LABELS[edge.kind] ?? edge.kind },
  }));
  return [...nodes, ...edges];
}

const STYLE = [
  {
    selector: 'node',
    style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 6, width: 34, height: 34, color: '#1d2733' },
  },
  { selector: 'node.case', style: { shape: 'round-rectangle', 'background-color': '#0b3d5c' } },
  { selector: 'node.person', style: { shape: 'ellipse', 'background-color': '#e76f51' } },
  { selector: 'node.vessel', style: { shape: 'triangle', 'background-color': '#2a9d8f' } },
  { selector: 'node.network', style: { shape: 'diamond', 'background-color': '#6a4c93' } },
  {
    selector: 'node.withheld',
    style: { 'background-color': '#e0e3e8', 'border-width': 2, 'border-style': 'dashed', 'border-color': '#6b7785', color: '#6b7785' },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#8d99ae',
      'target-arrow-color': '#8d99ae',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 9,
      color: '#6b7785',
      'text-rotation': 'autorotate',
    },
  },
];

function draw(graph, anchorId) {
  if (drawing) drawing.destroy();
  drawing = cytoscape({
    container: document.getElementById('graph'),
    elements: elements(graph),
    style: STYLE,
    layout: { name: 'breadthfirst', roots: [anchorId], directed: false, spacingFactor: 1.2, animate: false },
  });
  const hits = graph.nodes.filter((node) => !node.releasable);
  document.getElementById('withheld').textContent = graph.withheld
    ? `${graph.withheld} case${graph.withheld === 1 ? '' : 's'} withheld (hits: ${hits.map((node) => `${node.label}, owner ${node.ownerCountry}`).join('; ')}). Contact the owning bureau.`
    : 'Nothing withheld.';
  document.getElementById('truncated').textContent = graph.truncated ? 'The picture stopped at 200 nodes.' : '';
  window.__tidelinkNetwork = {
    drawn: window.__tidelinkNetwork.drawn + 1,
    nodes: drawing.nodes().length,
    edges: drawing.edges().length,
    withheld: graph.withheld,
    hits: hits.map((node) => node.label),
    ids: drawing.nodes().map((node) => node.id()),
  };
}

async function load(token, caseId, depth) {
  status('Loading…');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, operationName: 'NetworkPicture', variables: { around: { caseId }, depth } }),
  });
  const body = await response.json();
  if (body.errors || !body.data?.networkGraph) {
    const error = body.errors?.[0];
    status(`Could not load: ${error?.message ?? response.statusText} (${error?.extensions?.code ?? response.status})`, true);
    return;
  }
  const graph = body.data.networkGraph;
  draw(graph, caseId);
  status(`Drawn: ${graph.nodes.length} nodes, ${graph.edges.length} links, ${graph.withheld} withheld.`);
}

const params = new URLSearchParams(window.location.search);
if (params.get('case')) document.getElementById('case').value = params.get('case');

document.getElementById('ask').addEventListener('submit', (event) => {
  event.preventDefault();
  // The token stays in this page's memory only: never in a URL or the browser's storage (a reload asks again).
  const token = document.getElementById('token').value.trim();
  const caseId = document.getElementById('case').value.trim();
  const depth = Number(document.getElementById('depth').value);
  load(token, caseId, depth).catch((error) => status(`Could not load: ${error.message}`, true));
});
