/**
 * The service under test for bench/http.bench.ts: `node dist/src/main.js` in a child process on a
 * free loopback port (embedded SQLite, synchronous=FULL), and its CPU time read from /proc.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

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

/**
 * Starts the built service with env (or another built server: `script`, relative to dist/); resolves
 * when it says it is listening (it prints its URL).
 */
export function startService(
  env: Record<string, string>,
  root: string,
  script = 'src/main.js',
  timeoutMs = 60_000,
): Promise<Service> {
  const child = spawn(process.execPath, [join(root, 'dist', script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // not left running (holding the data directory) after the bench gives up
      reject(new Error(`service did not start in ${timeoutMs / 1000} s: ${stderr.join('')}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited (${code}): ${stderr.join('')}`));
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, url: m[1], stderr });
        out = '';
      }
      if (out.length > 1_000_000) out = out.slice(-1000); // Nest's start-up lines; nothing to keep
    });
  });
}

export function stopService(s: Service): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
    setTimeout(() => s.child.kill('SIGKILL'), 15_000).unref();
  });
}
