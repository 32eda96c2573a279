import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';

// No Docker engine (nor nginx) runs here or in CI: the cluster's files are checked structurally.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

const ROOT = join(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  secrets?: string[];
  volumes?: string[];
}
interface Compose {
  services: Record<string, Service>;
  secrets?: Record<string, { file?: string }>;
  volumes?: Record<string, unknown>;
}

/** YAML merge keys (`<<: *anchor`), which compose applies and js-yaml 5 leaves as a `<<` key. */
function merged(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(merged);
  if (!node || typeof node !== 'object') return node;
  const { '<<': base, ...rest } = node as Record<string, unknown>;
  const own = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, merged(v)]));
  return base === undefined ? own : { ...(merged(base) as object), ...own };
}

/** `${VAR:-default}` as compose substitutes it, with the operator's `values` first. */
const substitute = (text: string, values: Record<string, string>) =>
  text.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, fallback: string) => values[name] ?? fallback);

/** Every environment variable the service reads: the names src/config and the start-up code look up. */
function configVariables(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\b(?:env|process\.env)\.([A-Z][A-Z0-9_]+)|\bv\.\w+\('([A-Z][A-Z0-9_]+)'/g))
          names.add(m[1] ?? m[2]);
      }
    }
  };
  walk(join(ROOT, 'src'));
  return names;
}

const ONE_SHOT = 'service_completed_successfully';

/** What is wrong with a cluster compose file: one line per problem. */
export function clusterProblems(compose: Compose, known: Set<string>): string[] {
  const problems: string[] = [];
  const services = compose.services;
  for (const [name, s] of Object.entries(services)) {
    const oneShot = Object.values(services).some((o) => o.depends_on?.[name]?.condition === ONE_SHOT);
    if (!oneShot && !s.healthcheck) problems.push(`${name} has no healthcheck`);
    for (const [on, { condition }] of Object.entries(s.depends_on ?? {})) {
      const target = services[on];
      if (!target) problems.push(`${name} depends on ${on}, which is no service`);
      else if (condition === 'service_healthy' && !target.healthcheck)
        problems.push(`${name} waits for ${on} to be healthy, which has no healthcheck`);
      else if (condition !== 'service_healthy' && condition !== ONE_SHOT)
        problems.push(`${name} depends on ${on} with condition ${condition}`);
    }
    for (const secret of s.secrets ?? [])
      if (!compose.secrets?.[secret]?.file) problems.push(`${name} uses secret ${secret}, which is not declared`);
    for (const [variable, value] of Object.entries(s.environment ?? {})) {
      const inSecrets = /^\/run\/secrets\/(.+)$/.exec(String(value))?.[1];
      if (inSecrets && !s.secrets?.includes(inSecrets))
        problems.push(`${name}: ${variable} points at secret ${inSecrets}, which it is not given`);
      if (s.build && !known.has(variable)) problems.push(`${name}: ${variable} is not a variable the service reads`);
    }
    for (const volume of s.volumes ?? []) {
      const source = volume.split(':')[0];
      if (!source.startsWith('.') && !source.startsWith('/') && !(compose.volumes && source in compose.volumes))
        problems.push(`${name} mounts volume ${source}, which is not declared`);
    }
  }
  return problems;
}

/** What is wrong with the load balancer's nginx.conf, as far as it can be told without nginx. */
export function nginxProblems(conf: string, instances: string[]): string[] {
  const problems: string[] = [];
  const code = conf.replace(/#.*$/gm, '');
  let depth = 0;
  for (const ch of code) {
    depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push('braces do not balance');
  // Every statement ends in `;` or opens a block: a line that does neither is a missing semicolon.
  code.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line && !/[;{}]$/.test(line)) problems.push(`line ${i + 1} does not end with ; { or }: ${line}`);
  });
  const upstream = /upstream\s+(\w+)\s*\{([^}]*)\}/.exec(code);
  if (!upstream) return [...problems, 'no upstream block'];
  const servers = [...upstream[2].matchAll(/server\s+([\w.-]+):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
  const expected = instances.map((i) => `${i}:3000`);
  if (servers.sort().join() !== expected.sort().join())
    problems.push(`upstream servers ${servers.join(', ')} are not the instances ${expected.join(', ')}`);
  const passes = [...code.matchAll(/proxy_pass\s+http:\/\/([\w.-]+)\s*;/g)].map((m) => m[1]);
  if (passes.length === 0 || passes.some((p) => p !== upstream[1]))
    problems.push(`proxy_pass must name upstream ${upstream[1]}`);
  if (!/location ~ \/stream\$ \{[^}]*proxy_buffering off;/.test(code))
    problems.push('live streams (SSE) must not be buffered');
  return problems;
}

describe('docker-compose.cluster.yml: three EventStoreDB nodes, PostgreSQL, two instances and a load balancer', () => {
  const file = readFileSync(join(ROOT, 'docker-compose.cluster.yml'), 'utf8');
  const compose = merged(yaml.load(file)) as Compose;
  const nginx = readFileSync(join(ROOT, 'deploy', 'cluster', 'nginx.conf'), 'utf8');
  const known = configVariables();
  const ledgers = Object.keys(compose.services).filter((n) => compose.services[n].build);
  const nodes = Object.keys(compose.services).filter((n) =>
    compose.services[n].image?.startsWith('eventstore/eventstore'),
  );

  it('given the file, then it has a three-node EventStoreDB cluster, PostgreSQL, two ledger instances and nginx, with nothing dangling', () => {
    expect({ nodes: nodes.length, ledgers: ledgers.length }).toEqual({ nodes: 3, ledgers: 2 });
    expect(compose.services.postgres?.image).toMatch(/^postgres:15/);
    expect(compose.services['load-balancer']?.image).toMatch(/^nginx:/);
    expect(clusterProblems(compose, known)).toEqual([]);
  });

  it('given the nodes use TLS, then each has its own certificate made by the one-shot cert-gen, and gossip seeds name all three', () => {
    const certGen = compose.services['cert-gen'];
    expect(certGen.image).toMatch(/^eventstore\/es-gencert-cli:/);
    for (const [i, node] of nodes.entries()) {
      const env = compose.services[node].environment!;
      expect(compose.services[node].depends_on?.['cert-gen']).toEqual({ condition: ONE_SHOT });
      expect(env.EVENTSTORE_CERTIFICATE_FILE).toBe(`/certs/node${i + 1}/node.crt`);
      expect(String(env.EVENTSTORE_GOSSIP_SEED).split(',').sort()).toEqual(nodes.map((n) => `${n}:2113`));
    }
    expect(certGen.command?.join(' ')).toMatch(/create-ca[\s\S]*for n in 1 2 3; do es-gencert-cli create-node/);
  });

  it('given each ledger instance, then its environment is a valid configuration for the cluster, its keys and database password are secrets, and it sees the CA’s certificate, not its key', () => {
    for (const name of ledgers) {
      const s = compose.services[name];
      const env = Object.fromEntries(
        Object.entries(s.environment!).map(([k, v]) => [
          k,
          substitute(String(v), { NODE_ENV: 'development', AUTH_MODE: 'dev' }),
        ]),
      );
      const start = s.command!.join(' ');
      expect(start).toContain('$(cat /run/secrets/db-password)');
      const databaseUrl = /DATABASE_URL="([^"]+)"/.exec(start)![1].replace('$(cat /run/secrets/db-password)', 'secret');
      const config = loadConfig({ ...env, DATABASE_URL: databaseUrl });
      expect(config).toMatchObject({ store: 'esdb', sharedState: { kind: 'postgres', databaseUrl } });
      for (const node of nodes) expect(config.esdbConnectionString).toContain(`${node}:2113`);
      // The CA's certificate alone is mounted where tlsCAFile looks, never the volume holding its key.
      expect(config.esdbConnectionString).toContain('tlsCAFile=/certs/ca/ca.crt');
      expect(s.volumes).toContain('eventstore-ca:/certs/ca:ro');
      expect(s.volumes?.filter((v) => v.startsWith('eventstore-certs:'))).toEqual([]);
      expect(s.secrets?.sort()).toEqual(['db-password', 'ledger-signing-key', 'personal-data-master-key']);
      expect(s.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    }
    expect(compose.services.postgres.environment?.POSTGRES_PASSWORD_FILE).toBe('/run/secrets/db-password');
    expect(Object.values(compose.secrets!).map((s) => s.file)).toEqual(
      ['ledger-signing-key.pem', 'personal-data-master.key', 'db-password'].map(
        (f) => `\${LEDGER_SECRETS_DIR:-./secrets}/${f}`,
      ),
    );
  });

  it('given the load balancer, then its nginx.conf balances over exactly the ledger instances, with SSE unbuffered and the health path its check uses', () => {
    const lb = compose.services['load-balancer'];
    expect(lb.volumes).toContain('./deploy/cluster/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(nginxProblems(nginx, ledgers)).toEqual([]);
    expect(lb.healthcheck?.test.join(' ')).toContain('/lb-health');
    expect(nginx).toMatch(/location = \/lb-health \{/);
    for (const name of ledgers) expect(lb.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
  });

  it('given the single-node file, then it is still there, unchanged in what it runs', () => {
    const single = yaml.load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as Compose;
    expect(Object.keys(single.services).sort()).toEqual(['eventstore', 'ledger', 'ledger-secrets']);
    expect(existsSync(join(ROOT, 'docker-compose.cluster.yml'))).toBe(true);
  });

  it.each<[string, (c: Compose) => void, string]>([
    [
      'a node without its healthcheck',
      (c) => delete c.services['node2.eventstore'].healthcheck,
      'node2.eventstore has no healthcheck',
    ],
    [
      'a dependency on a missing service',
      (c) => (c.services['ledger-1'].depends_on!.redis = { condition: 'service_healthy' }),
      'depends on redis',
    ],
    [
      'an undeclared secret',
      (c) => c.services['ledger-2'].secrets!.push('api-key'),
      'secret api-key, which is not declared',
    ],
    [
      'a misspelt variable',
      (c) => (c.services['ledger-1'].environment!.LEDGER_STOR = 'esdb'),
      'LEDGER_STOR is not a variable',
    ],
    [
      'a key file outside its secrets',
      (c) => (c.services.postgres.environment!.X_FILE = '/run/secrets/ledger-signing-key'),
      'which it is not given',
    ],
  ])('given %s, then the check names it', (_, spoil, problem) => {
    const spoilt = structuredClone(compose);
    spoil(spoilt);
    expect(clusterProblems(spoilt, known).join('; ')).toContain(problem);
  });

  it.each([
    ['a missing semicolon', (t: string) => t.replace('keepalive 32;', 'keepalive 32'), 'does not end with'],
    ['an unbalanced brace', (t: string) => t.replace('events {', 'events {{'), 'braces do not balance'],
    ['an instance left out', (t: string) => t.replace(/server ledger-2:3000[^;]*;/, ''), 'are not the instances'],
    ['buffered streams', (t: string) => t.replace('proxy_buffering off;', ''), 'SSE'],
  ])('given nginx.conf with %s, then the check names it', (_, spoil, problem) => {
    expect(nginxProblems(spoil(nginx), ledgers).join('; ')).toContain(problem);
  });
});
