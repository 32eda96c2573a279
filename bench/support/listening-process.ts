import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starting the service as its own node process and waiting until it listens: what the HTTP benches
 * and the specs that run the service as production does (the bundle, several instances) share.
 */

/** A node process that has said where it listens. */
export interface ListeningProcess<Ready> {
  child: ChildProcess;
  url: string;
  /** What it wrote on stderr (the reason, when a start fails). */
  stderr: string[];
  /** What `ready` read from its stdout once it was listening. */
  ready: Ready;
}

export interface ListeningProcessOptions<Ready> {
  /** Which process, in the errors. */
  name: string;
  /** node's arguments: the script, or -e and the code. */
  args: string[];
  /** Added to this process's environment. */
  env: Record<string, string>;
  /** A hang guard on a busy machine, not a speed check: the process is killed and the start rejected after it. */
  deadlineMs: number;
  /** Its working directory (this process's by default). */
  cwd?: string;
  /** What the caller waits for in stdout besides the "listening" line; undefined until it is there. */
  ready?: (stdout: string) => Ready | undefined;
}

/**
 * `node <args>` with `env` added; resolves once its stdout says "listening on <url>" and `ready`
 * found what it waits for. Rejects if the process exits first, or kills it and rejects at the deadline.
 */
export function startListening<Ready = true>(o: ListeningProcessOptions<Ready>): Promise<ListeningProcess<Ready>> {
  const ready = o.ready ?? (() => true as Ready);
  const child = spawn(process.execPath, o.args, {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // not left running (holding its data directory) once the caller gives up
      reject(new Error(`${o.name} did not start within ${o.deadlineMs} ms: ${stderr.join('')}`));
    }, o.deadlineMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${o.name} exited (${code}) before listening: ${stderr.join('')}`));
    });
    let out = '';
    let started = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      // Still read once started (and dropped), so a chatty process never blocks on a full pipe.
      if (started) return;
      out += d;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const found = url === undefined ? undefined : ready(out);
      if (url === undefined || found === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      started = true;
      resolve({ child, url, stderr, ready: found });
    });
  });
}

/** SIGTERM (its shutdown hooks run), SIGKILL if it has not exited 30 s later; resolves once it has exited. */
export function terminate(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(guard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
