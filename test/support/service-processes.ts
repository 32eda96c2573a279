import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken, type TokenClaims } from '../../src/auth/mint-token';
import { loadConfig } from '../../src/config/app-config';
import { writeSigningKeyPair } from '../../src/ledger/digests/signing-key';
import { writeMasterKey } from '../../src/privacy/services';
import { startListening, terminate } from '../../bench/support/listening-process';

const ROOT = join(__dirname, '..', '..');

/** `node src/main.ts` compiled in memory with Jest's SWC settings: no build step, the real entry point. */
const MAIN = `require('./test/read-models/support/swc-register'); require('./src/main.ts')`;
/** A hang guard for one start (three compile the sources at once on a busy 2-core machine), not a speed check. */
const START_DEADLINE_MS = 240_000;

/** One service started as its own operating-system process, as production runs it. */
export interface ServiceProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** What it wrote on stderr (the reason, when a start fails). */
  readonly stderr: string[];
  /** SIGKILL: no shutdown hook runs, so it neither releases its leases nor closes its connections. */
  kill(): Promise<void>;
}

export interface ServiceProcesses {
  readonly instances: ServiceProcess[];
  /** A dev token every instance accepts (they share one dev key pair). */
  token(claims: TokenClaims): Promise<string>;
  /** One more instance with the same configuration and secrets and a fresh data directory (as an orchestrator replaces a dead one). */
  add(name: string): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * Several service processes behind one load balancer, started from the sources with `env` (the
 * ledger and shared state to use). Each has its own data directory (one process owns one), and
 * they share what a deployment gives every instance: the dev token key pair, the digest signing
 * key and the personal-data master key. Each listens on a free port; SIGTERM on stop.
 */
export async function startServiceProcesses(names: string[], env: Record<string, string>): Promise<ServiceProcesses> {
  const secrets = mkdtempSync(join(tmpdir(), 'ledger-instances-secrets-'));
  const dirs = names.map((n) => mkdtempSync(join(tmpdir(), `ledger-instance-${n}-`)));
  const devAuth = { LEDGER_DATA_DIR: dirs[0] };
  await mintDevToken(loadConfig(devAuth), { userId: 'warm-up', role: 'admin', agency: 'test' }); // makes the pair
  for (const dir of dirs.slice(1)) cpSync(join(dirs[0], 'dev-auth'), join(dir, 'dev-auth'), { recursive: true });
  writeSigningKeyPair(join(secrets, 'signing.pem'));
  writeMasterKey(join(secrets, 'master.key'));
  const shared = {
    ...env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LEDGER_SIGNING_KEY_FILE: join(secrets, 'signing.pem'),
    PERSONAL_DATA_MASTER_KEY_FILE: join(secrets, 'master.key'),
  };
  const started = await Promise.allSettled(
    names.map((name, i) => startOne(name, { ...shared, LEDGER_DATA_DIR: dirs[i] })),
  );
  const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(instances.map((i) => terminate(i.child)));
    for (const dir of [secrets, ...dirs]) rmSync(dir, { recursive: true, force: true });
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const add = async (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `ledger-instance-${name}-`));
    cpSync(join(dirs[0], 'dev-auth'), join(dir, 'dev-auth'), { recursive: true });
    dirs.push(dir);
    const instance = await startOne(name, { ...shared, LEDGER_DATA_DIR: dir });
    instances.push(instance);
    return instance;
  };
  return { instances, token: (claims) => mintDevToken(loadConfig(devAuth), claims), add, stop };
}

async function startOne(name: string, env: Record<string, string>): Promise<ServiceProcess> {
  const { child, url, stderr } = await startListening({
    name: `instance ${name}`,
    args: ['-e', MAIN],
    env,
    deadlineMs: START_DEADLINE_MS,
    cwd: ROOT,
  });
  return {
    name,
    url,
    pid: child.pid!,
    child,
    stderr,
    kill: () => {
      const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      child.kill('SIGKILL');
      return exited;
    },
  };
}
