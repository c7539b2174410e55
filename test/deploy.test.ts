import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ENVIRONMENT_VARIABLES, loadConfig } from '../platform/config.js';

const ROOT = path.join(__dirname, '..');
const K8S = path.join(ROOT, 'deploy', 'k8s');

interface Container {
  command: string[];
  ports: Array<{ containerPort: number }>;
  env: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }>;
  readinessProbe: { httpGet: { path: string; port: number } };
  livenessProbe: { httpGet: { path: string; port: number } };
  resources: { requests: Record<string, string> };
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
  stringData?: Record<string, string>;
}

const manifests: Manifest[] = readdirSync(K8S)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .flatMap((file) => parseAllDocuments(readFileSync(path.join(K8S, file), 'utf8')).map((document) => document.toJS() as Manifest));
const byKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const defaults = loadConfig({});

const SERVICES = {
  gateway: { entry: 'gateway/main.js', port: defaults.PORT },
  police: { entry: 'subgraphs/police/main.js', port: defaults.POLICE_PORT },
  assistance: { entry: 'subgraphs/assistance/main.js', port: defaults.ASSISTANCE_PORT },
  prosecution: { entry: 'subgraphs/prosecution/main.js', port: defaults.PROSECUTION_PORT },
} as const;

function containerOf(name: string): Container {
  const deployment = byKind('Deployment').find((manifest) => manifest.metadata.name === `tidelink-${name}`);
  expect(deployment).toBeDefined();
  return (deployment?.spec.template as { spec: { containers: Container[] } }).spec.containers[0];
}

describe('Kubernetes manifests agree with the code', () => {
  it.each(Object.entries(SERVICES))('%s: entry point, port, probes, resources and a Service', (name, expected) => {
    const container = containerOf(name);
    expect(container.command).toEqual(['node', `dist/${expected.entry}`]);
    expect(existsSync(path.join(ROOT, expected.entry.replace(/\.js$/, '.ts')))).toBe(true);
    expect(container.ports).toEqual([{ containerPort: expected.port }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: expected.port });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: expected.port });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    const service = byKind('Service').find((manifest) => manifest.metadata.name === `tidelink-${name}`);
    expect(service?.spec.ports).toEqual([{ port: expected.port, targetPort: expected.port }]);
  });

  it.each(Object.keys(SERVICES))('%s: sets only variables the code reads, from values or the secret', (name) => {
    const container = containerOf(name);
    const secret = byKind('Secret')[0];
    for (const variable of container.env) {
      expect(ENVIRONMENT_VARIABLES).toContain(variable.name);
      if (variable.valueFrom) expect(Object.keys(secret.stringData ?? {})).toContain(variable.valueFrom.secretKeyRef.key);
    }
    const values = Object.fromEntries(
      container.env.map((variable) => [
        variable.name,
        variable.value ?? secret.stringData?.[variable.valueFrom?.secretKeyRef.key ?? ''] ?? '',
      ]),
    );
    expect(() => loadConfig(values)).not.toThrow();
  });

  it.each(Object.keys(SERVICES))('%s: takes METRICS_TOKEN from the Secret, and Prometheus scrapes it with that token', (name) => {
    const metricsToken = containerOf(name).env.find((variable) => variable.name === 'METRICS_TOKEN');
    expect(metricsToken?.valueFrom?.secretKeyRef).toEqual({ name: 'tidelink-secrets', key: 'METRICS_TOKEN' });
    const scrape = parse(readFileSync(path.join(ROOT, 'deploy', 'prometheus', 'scrape.yaml'), 'utf8')) as {
      scrape_configs: Array<{
        authorization: { type: string; credentials_file: string };
        relabel_configs: Array<{ regex?: string; action?: string }>;
      }>;
    };
    const [job] = scrape.scrape_configs;
    expect(job.authorization.type).toBe('Bearer');
    expect(job.authorization.credentials_file).toMatch(/METRICS_TOKEN$/);
    const keep = job.relabel_configs.find((rule) => rule.action === 'keep');
    expect(new RegExp(`^${keep?.regex ?? ''}$`).test(`tidelink-${name}`)).toBe(true);
  });

  it('points the gateway at each subgraph Service, mounts the supergraph ConfigMap, and autoscales it', () => {
    const env = Object.fromEntries(containerOf('gateway').env.map((variable) => [variable.name, variable.value]));
    for (const name of ['police', 'assistance', 'prosecution'] as const) {
      expect(env[`${name.toUpperCase()}_URL`]).toBe(`http://tidelink-${name}:${SERVICES[name].port}/graphql`);
    }
    expect(env.SUPERGRAPH_PATH).toBe('/etc/tidelink/supergraph.graphql');
    const kustomization = parse(readFileSync(path.join(K8S, 'kustomization.yaml'), 'utf8')) as {
      configMapGenerator: Array<{ name: string; files: string[] }>;
      resources: string[];
    };
    const [generator] = kustomization.configMapGenerator;
    expect(generator.name).toBe('tidelink-supergraph');
    const [key, file] = generator.files[0].split('=');
    expect(key).toBe(path.basename(env.SUPERGRAPH_PATH as string));
    expect(existsSync(path.join(K8S, file))).toBe(true);
    for (const resource of kustomization.resources) expect(existsSync(path.join(K8S, resource))).toBe(true);
    const [hpa] = byKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'tidelink-gateway' });
  });

  it('the Apollo Router configuration routes through the signing sidecar to the same Services and forwards the token', () => {
    const text = readFileSync(path.join(ROOT, 'deploy', 'router.yaml'), 'utf8');
    const router = parse(text) as {
      override_subgraph_url: Record<string, string>;
      headers: { all: { request: Array<{ propagate: { named: string } }> } };
    };
    // Subgraphs refuse unsigned calls: Router reaches them through the loopback sidecar, which is
    // pointed at the Services (named in the file's instructions).
    for (const name of ['police', 'assistance', 'prosecution'] as const) {
      expect(router.override_subgraph_url[name]).toBe(`http://127.0.0.1:${defaults.SIGNING_PROXY_PORT}/${name}`);
      expect(text).toContain(`${name.toUpperCase()}_URL=http://tidelink-${name}:${SERVICES[name].port}/graphql`);
    }
    expect(existsSync(path.join(ROOT, 'gateway', 'signing-proxy-main.ts'))).toBe(true);
    expect(router.headers.all.request.map((rule) => rule.propagate.named)).toContain('authorization');
  });
});
