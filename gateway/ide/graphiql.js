'use strict';
// Tidelink's GraphiQL: everything from the gateway (no CDN), the schema from schema/api.graphql (no live
// introspection, which production turns off), the example operations from their .graphql files, and
// the token in this page's memory only: sent as `Authorization: Bearer …` on each request, never put
// in a URL or in the browser's storage (GraphiQL's storage is a Map here; a reload asks again).

// GraphiQL's dialogs add a <style> element (react-remove-scroll) with the nonce found in this global;
// the CSP allows a style element only with this response's nonce.
window.__webpack_nonce__ = document.querySelector('meta[name="style-nonce"]').content;

let token = '';
const field = document.getElementById('token');
field.addEventListener('input', () => {
  token = field.value.trim();
});

function status(text, error = false) {
  const element = document.getElementById('status');
  element.textContent = text;
  element.className = error ? 'error' : '';
}

/** What GraphiQL keeps (tabs, queries, variables): in memory, gone with the page. */
function memoryStorage() {
  const items = new Map();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
    clear: () => items.clear(),
  };
}

async function fetcher(params) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
}

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

async function main() {
  const [schema, operations] = await Promise.all([json('/ide/schema.json'), json('/ide/operations.json')]);
  const defaultTabs = operations.map((operation) => ({
    query: operation.query,
    variables: operation.variables ? JSON.stringify(operation.variables, null, 2) : undefined,
  }));
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      schema,
      storage: memoryStorage(),
      defaultTabs,
      // GraphiQL 3 fills the variables editor from this, not from the first tab, on opening.
      variables: defaultTabs[0]?.variables,
      // The token field above is the one place for it: no headers editor to paste it into.
      isHeadersEditorEnabled: false,
      defaultEditorToolsVisibility: 'variables',
    }),
  );
  status(`Schema: schema/api.graphql. ${operations.length} example operations, one tab each. Paste a token to run them.`);
}

main().catch((error) => status(`The IDE could not start: ${error.message}`, true));
