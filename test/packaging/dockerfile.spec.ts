import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MASTER_KEY_FILE, SIGNING_KEY_FILE } from '../../scripts/make-dev-secrets';

// No Docker engine runs in CI, so the rules an image must keep are checked on the files themselves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

const ROOT = join(__dirname, '..', '..');

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Dockerfile instructions in order, continuation lines joined, comments dropped; split into stages at FROM. */
export function parseDockerfile(text: string): Instruction[][] {
  const stages: Instruction[][] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (!pending) start = i + 1;
    pending += (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) return;
    const [keyword, ...rest] = pending.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' '), line: start };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)!.push(instruction);
    pending = '';
  });
  return stages;
}

/** Problems with the image's final stage: data volume ownership, user, environment. */
export function runtimeProblems(stage: Instruction[]): string[] {
  const problems: string[] = [];
  const index = (keyword: string, test: (args: string) => boolean = () => true) =>
    stage.findIndex((i) => i.keyword === keyword && test(i.args));
  const volume = index('VOLUME', (a) => /(^|[\s"[])\/data([\s",\]]|$)/.test(a));
  const users = stage.filter((i) => i.keyword === 'USER');
  const user = users.at(-1)?.args;
  const chown = index(
    'RUN',
    (a) =>
      /mkdir\b[^&;]*\s\/data\b/.test(a) &&
      new RegExp(`chown\\s+(-R\\s+)?${user}(:${user})?\\s[^&;]*\\/data\\b`).test(a),
  );
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push('the final stage must run as a non-root USER');
  if (volume < 0) problems.push('the final stage must declare VOLUME /data');
  if (chown < 0) problems.push(`/data must be created and chowned to ${user} in a RUN`);
  if (chown >= 0 && volume >= 0 && chown > volume)
    problems.push('/data must be chowned BEFORE VOLUME /data (later changes to a volume path are discarded)');
  const userAt = stage.indexOf(users.at(-1)!);
  if (chown >= 0 && userAt >= 0 && chown > userAt) problems.push('/data must be chowned while still root, before USER');
  const env = stage
    .filter((i) => i.keyword === 'ENV')
    .map((i) => i.args)
    .join(' ');
  if (!/\bLEDGER_DATA_DIR=\/data\b/.test(env)) problems.push('ENV LEDGER_DATA_DIR=/data');
  if (!/\bHOST=0\.0\.0\.0\b/.test(env))
    problems.push('ENV HOST=0.0.0.0 (127.0.0.1 inside a container is unreachable from outside)');
  // What `npm start` runs: the one-file bundle (start-up, BENCHMARKS.md), not tsc's module tree.
  if (!/dist\/service\.js/.test(stage.find((i) => i.keyword === 'CMD')?.args ?? ''))
    problems.push('CMD must start dist/service.js');
  return problems;
}

describe('the Dockerfile', () => {
  const stages = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const all = stages.flat();

  it('given the lockfile npm ci refuses, then it installs with npm install after copying package.json and the lockfile, never npm ci', () => {
    expect(all.filter((i) => i.keyword === 'RUN' && /\bnpm\s+ci\b/.test(i.args))).toEqual([]);
    const copyLock = all.findIndex((i) => i.keyword === 'COPY' && /package-lock\.json/.test(i.args));
    const install = all.findIndex((i) => i.keyword === 'RUN' && /\bnpm\s+install\b/.test(i.args));
    expect(copyLock).toBeGreaterThanOrEqual(0);
    expect(install).toBeGreaterThan(copyLock);
  });

  it('given better-sqlite3 must build its native module (npm 11 runs only allowed scripts), then package.json allows it and the build proves it loads', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
    };
    expect(pkg.allowScripts?.['better-sqlite3']).toBe(true);
    expect(stages[0].some((i) => i.keyword === 'RUN' && /require\('better-sqlite3'\)/.test(i.args))).toBe(true);
  });

  it('given the final stage, then it runs as a non-root user with /data created and owned by that user before VOLUME /data', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtimeProblems(stages.at(-1)!)).toEqual([]);
  });

  it.each([
    [
      'VOLUME before the chown (the shipped bug)',
      'FROM n\nENV LEDGER_DATA_DIR=/data HOST=0.0.0.0\nVOLUME /data\nRUN mkdir -p /data && chown node:node /data\nUSER node\nCMD ["node", "dist/service.js"]',
      'BEFORE VOLUME',
    ],
    [
      'no chown at all',
      'FROM n\nENV LEDGER_DATA_DIR=/data HOST=0.0.0.0\nVOLUME /data\nUSER node\nCMD ["node", "dist/service.js"]',
      'chowned to node',
    ],
    [
      'chowned to another user',
      'FROM n\nENV LEDGER_DATA_DIR=/data HOST=0.0.0.0\nRUN mkdir -p /data && chown app /data\nVOLUME /data\nUSER node\nCMD ["node", "dist/service.js"]',
      'chowned to node',
    ],
    [
      'running as root',
      'FROM n\nENV LEDGER_DATA_DIR=/data HOST=0.0.0.0\nRUN mkdir -p /data && chown root /data\nVOLUME /data\nUSER root\nCMD ["node", "dist/service.js"]',
      'non-root',
    ],
    [
      'listening on loopback only',
      'FROM n\nENV LEDGER_DATA_DIR=/data\nRUN mkdir -p /data && chown node /data\nVOLUME /data\nUSER node\nCMD ["node", "dist/service.js"]',
      'HOST=0.0.0.0',
    ],
    [
      'the unbundled module tree started',
      'FROM n\nENV LEDGER_DATA_DIR=/data HOST=0.0.0.0\nRUN mkdir -p /data && chown node /data\nVOLUME /data\nUSER node\nCMD ["node", "dist/src/main.js"]',
      'dist/service.js',
    ],
  ])('given a final stage with %s, then the check names the problem', (_, dockerfile, problem) => {
    expect(runtimeProblems(parseDockerfile(dockerfile).at(-1)!).join('; ')).toContain(problem);
  });
});

describe('docker-compose.yml', () => {
  type Service = {
    environment?: Record<string, string>;
    volumes?: string[];
    command?: string[];
    depends_on?: Record<string, { condition: string }>;
  };
  const compose = yaml.load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const ledger = compose.services.ledger;
  const secrets = compose.services['ledger-secrets'];
  // source:target[:mode]; the source may hold a `${VAR:-default}` with a colon of its own.
  const mounts = (s: Service) =>
    (s.volumes ?? [])
      .map((v) => /^(.+):(\/[^:]*)(?::(ro|rw))?$/.exec(v)!)
      .map(([, source, target, mode]) => ({ source, target, mode }));
  const mountOf = (s: Service, target: string) => mounts(s).find((m) => m.target === target);

  it('given the ledger needs two key files, then they are the files the secrets service makes, on the same mount, and the ledger waits for it', () => {
    expect(ledger.environment?.LEDGER_SIGNING_KEY_FILE).toBe(`/secrets/${SIGNING_KEY_FILE}`);
    expect(ledger.environment?.PERSONAL_DATA_MASTER_KEY_FILE).toBe(`/secrets/${MASTER_KEY_FILE}`);
    expect(secrets.command).toEqual(['node', 'dist/scripts/make-dev-secrets.js', '/secrets']);
    expect(mountOf(ledger, '/secrets')).toEqual({
      source: '${LEDGER_SECRETS_DIR:-ledger-secrets}',
      target: '/secrets',
      mode: 'ro',
    });
    expect(mountOf(secrets, '/secrets')?.source).toBe(mountOf(ledger, '/secrets')?.source);
    expect(ledger.depends_on?.['ledger-secrets']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('given no one asked for development keys, then the secrets service only checks (MAKE_DEV_SECRETS defaults to no)', () => {
    expect(secrets.environment?.MAKE_DEV_SECRETS).toBe('${MAKE_DEV_SECRETS:-no}');
  });

  it('given the default secrets source is a named volume, then it is declared, as is the data volume mounted at /data', () => {
    expect(compose.volumes).toHaveProperty('ledger-secrets');
    expect(mountOf(ledger, '/data')?.source).toBe('ledger-data');
    expect(compose.volumes).toHaveProperty('ledger-data');
  });
});
