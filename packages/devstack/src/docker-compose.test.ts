import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadEconomyConfig } from '@helhed/economy';
import { loadEmploymentConfig } from '@helhed/employment';
import { loadFamilyConfig } from '@helhed/family';
import { loadGatewayConfig, SUBGRAPHS, SUPERGRAPH_PATH } from '@helhed/gateway';
import { loadHealthConfig } from '@helhed/health';
import { loadRemindersConfig } from '@helhed/reminders';
import { REPO_ROOT } from './infrastructure';

/**
 * No Docker engine runs on our machines, so docker-compose.yml is checked
 * against the code instead: every process has an image, a healthcheck and the
 * environment its own configuration loader accepts in production, and the
 * ports line up with the committed supergraph.
 */
type ComposeService = {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  expose?: string[];
  ports?: string[];
  command?: string[];
};

/** Compose's `${NAME:-default}` with nothing set in the environment: the defaults. */
const interpolate = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;
const envOf = (name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(services[name]?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

describe('docker-compose.yml', () => {
  const processes = ['family', 'employment', 'health', 'economy', 'reminders', 'gateway'];

  it.each(Object.keys(services))('%s has an image or a build, and a healthcheck', (name) => {
    const service = services[name]!;
    expect(service.image ?? service.build).toBeTruthy();
    expect(service.healthcheck?.test?.length).toBeGreaterThan(0);
  });

  it.each(processes)('%s is built from this repository with its own entry point', (name) => {
    const dir = services[name]!.build?.args?.SERVICE_DIR;
    expect(dir).toBeDefined();
    expect(() => readFileSync(join(REPO_ROOT, dir!, 'src', 'main.ts'))).not.toThrow();
  });

  it('gives every process the settings its configuration requires in production', () => {
    expect(() => loadFamilyConfig(envOf('family'))).not.toThrow();
    expect(() => loadEmploymentConfig(envOf('employment'))).not.toThrow();
    expect(() => loadHealthConfig(envOf('health'))).not.toThrow();
    expect(() => loadEconomyConfig(envOf('economy'))).not.toThrow();
    expect(() => loadRemindersConfig(envOf('reminders'))).not.toThrow();
    expect(() => loadGatewayConfig(envOf('gateway'))).not.toThrow();
    for (const name of processes) expect(envOf(name).NODE_ENV).toBe('production');
  });

  /** The notifications subgraph is served by the reminders service. */
  const composeServiceOf = (subgraph: string) => (subgraph === 'notifications' ? 'reminders' : subgraph);

  it('shares one identity signing secret between the gateway and the subgraphs', () => {
    const secret = envOf('gateway').IDENTITY_SIGNING_SECRET;
    for (const s of SUBGRAPHS) expect(envOf(composeServiceOf(s.name)).IDENTITY_SIGNING_SECRET).toBe(secret);
  });

  it('runs each subgraph on the port the committed supergraph points to, and points the gateway at it', () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
    for (const s of SUBGRAPHS) {
      const url = new RegExp(`@join__graph\\(name: "${s.name}", url: "http://localhost:(\\d+)/graphql"\\)`).exec(
        supergraph,
      );
      expect(Number(url?.[1])).toBe(s.port);
      const service = composeServiceOf(s.name);
      expect(envOf(service)[s.name === 'notifications' ? 'NOTIFICATIONS_PORT' : 'PORT']).toBe(String(s.port));
      expect(services[service]!.expose).toContain(String(s.port));
      expect(envOf('gateway')[`${s.name.toUpperCase()}_URL`]).toBe(`http://${service}:${s.port}/graphql`);
    }
  });

  it('lets the employment subgraph reach the family subgraph by its service name', () => {
    expect(envOf('employment').FAMILY_SUBGRAPH_URL).toBe('http://family:4001/graphql');
  });

  it('runs Redis with AOF and noeviction, and the worker against Redis and the SMTP catcher', () => {
    const redis = services.redis!.command!.join(' ');
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
    expect(envOf('reminders').REDIS_URL).toBe('redis://redis:6379');
    expect(envOf('reminders').SMTP_URL).toBe('smtp://mail:1025');
  });

  it('gives each service its own database', () => {
    const databases = ['family', 'employment', 'health', 'economy', 'reminders'].map(
      (s) => new URL(envOf(s).DATABASE_URL!).pathname,
    );
    expect(new Set(databases).size).toBe(databases.length);
  });
});
