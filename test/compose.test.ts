import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES, loadConfig } from '../platform/config.js';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  healthcheck?: { test: string[] };
}

const ROOT = path.join(__dirname, '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const defaults = loadConfig({});

const SERVICES = {
  gateway: { entry: 'gateway/main.ts', portVariable: 'PORT', port: defaults.PORT },
  police: { entry: 'subgraphs/police/main.ts', portVariable: 'POLICE_PORT', port: defaults.POLICE_PORT },
  assistance: { entry: 'subgraphs/assistance/main.ts', portVariable: 'ASSISTANCE_PORT', port: defaults.ASSISTANCE_PORT },
  prosecution: { entry: 'subgraphs/prosecution/main.ts', portVariable: 'PROSECUTION_PORT', port: defaults.PROSECUTION_PORT },
} as const;

describe('docker-compose.yml agrees with the code', () => {
  it('has PostgreSQL, the three subgraphs and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['assistance', 'gateway', 'police', 'postgres', 'prosecution']);
  });

  it.each(Object.entries(SERVICES))('%s: runs its own entry point on its documented port', (name, expected) => {
    const service = compose.services[name];
    expect(service.command).toEqual(['node', `dist/${expected.entry.replace(/\.ts$/, '.js')}`]);
    expect(existsSync(path.join(ROOT, expected.entry))).toBe(true);
    expect(service.environment?.[expected.portVariable]).toBe(String(expected.port));
    // Only the gateway is published; subgraphs are exposed on the compose network so they can scale.
    if (name === 'gateway') expect(service.ports).toEqual([`${expected.port}:${expected.port}`]);
    else {
      expect(service.ports).toBeUndefined();
      expect(service.expose).toEqual([String(expected.port)]);
    }
    // Health checks probe the service's own port.
    expect(service.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${expected.port}/`);
  });

  it.each(Object.keys(SERVICES))('%s: sets only variables the code reads, and they parse', (name) => {
    const environment = compose.services[name].environment ?? {};
    for (const variable of Object.keys(environment)) expect(ENVIRONMENT_VARIABLES).toContain(variable);
    const resolved = Object.fromEntries(
      // The two secrets the operator supplies, distinct as production requires.
      Object.entries(environment).map(([key, value]) => [
        key,
        value.replace(/\$\{JWT_SECRET[^}]*\}/, 'x'.repeat(40)).replace(/\$\{SUBGRAPH_SIGNING_SECRET[^}]*\}/, 'y'.repeat(40)),
      ]),
    );
    expect(() => loadConfig(resolved)).not.toThrow();
  });

  it('points the gateway at each subgraph service by its compose name and port', () => {
    const environment = compose.services.gateway.environment ?? {};
    expect(environment.POLICE_URL).toBe(`http://police:${defaults.POLICE_PORT}/graphql`);
    expect(environment.ASSISTANCE_URL).toBe(`http://assistance:${defaults.ASSISTANCE_PORT}/graphql`);
    expect(environment.PROSECUTION_URL).toBe(`http://prosecution:${defaults.PROSECUTION_PORT}/graphql`);
  });

  it('gives every subgraph a database on the compose PostgreSQL', () => {
    for (const name of ['police', 'assistance', 'prosecution']) {
      expect(compose.services[name].environment?.DATABASE_URL).toMatch(/^postgres:\/\/\w+:\w+@postgres:5432\/tidelink$/);
    }
  });
});
