/**
 * The service under test for bench/http.bench.ts: `node dist/src/main.js` in a child process on a
 * free loopback port (embedded SQLite, synchronous=FULL), and its CPU time read from /proc.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startListening } from './support/listening-process';

/** Clock ticks per second for /proc/<pid>/stat's utime and stime (100 on every common Linux). */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export interface Service {
  child: ChildProcess;
  url: string;
  stderr: string[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The child's user + system CPU time so far, in milliseconds. */
export function cpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return ((utime + stime) / TICKS) * 1000;
}

/** The child's resident memory now, in MB (VmRSS from /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

/**
 * Starts the built service with env (or another built server: `script`, relative to dist/); resolves
 * when it says it is listening (it prints its URL).
 */
export async function startService(
  env: Record<string, string>,
  root: string,
  script = 'src/main.js',
  timeoutMs = 60_000,
): Promise<Service> {
  const { child, url, stderr } = await startListening({
    name: 'service',
    args: [join(root, 'dist', script)],
    env,
    deadlineMs: timeoutMs,
  });
  return { child, url, stderr };
}

export function stopService(s: Service): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
    setTimeout(() => s.child.kill('SIGKILL'), 15_000).unref();
  });
}
