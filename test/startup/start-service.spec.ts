import { createServer, type Server } from 'node:net';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CONFIG, refusalOf, startService, type StartupOutput } from '../../src/startup/start-service';

/** Everything start-up told the operator: its own lines, and whatever Nest wrote to stdout/stderr. */
function capture(): StartupOutput & { out: string[]; err: string[]; console: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const printed: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l), console: () => printed.join('') };
}

function listenOn(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}

describe('starting the service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-startup-'));
  // LOG_LEVEL=warn: Nest's own lines (including "successfully started") are printed, request logs are not.
  const base = { LEDGER_STORE: 'memory', LEDGER_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given a port another process holds, then one line names host:port and what to do, exit 78, and nothing claims it started', async () => {
    const holder = await listenOn();
    const port = (holder.address() as { port: number }).port;
    const io = capture();
    try {
      const result = await startService({ ...base, PORT: String(port) }, io);
      expect(result.exitCode).toBe(EXIT_CONFIG);
      expect(io.err).toEqual([
        `Cannot listen on 127.0.0.1:${port}: the port is already in use (another ledger or program holds it). Stop that process, or set PORT to a free port.`,
      ]);
      expect(io.out).toEqual([]);
      expect(io.console()).not.toMatch(/successfully started|listening|EADDRINUSE|at .*\.js:\d+/);
    } finally {
      holder.close();
    }
  });

  it('given a free port, then it says "listening" once the port is bound (and never Nest\'s "successfully started"), and answers /health', async () => {
    const free = await listenOn();
    const port = (free.address() as { port: number }).port;
    await new Promise((r) => free.close(r));
    const io = capture();
    const result = await startService({ ...base, PORT: String(port) }, io);
    try {
      expect(result.exitCode).toBeUndefined();
      expect(io.out).toEqual([
        `Safeguarding ledger listening on http://127.0.0.1:${port} (store: memory, data: ${base.LEDGER_DATA_DIR}); docs at /docs`,
      ]);
      expect(io.err).toEqual([]);
      expect(io.console()).not.toContain('successfully started');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
    } finally {
      if (result.exitCode === undefined) await result.app.close();
    }
  });

  it('given LEDGER_DATA_DIR under a regular file (it cannot be created: ENOTDIR), then one line names the path, exit 78, before anything is opened', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const io = capture();
    const result = await startService({ ...base, LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: join(file, 'data') }, io);
    expect(result.exitCode).toBe(EXIT_CONFIG);
    expect(io.err).toEqual([
      expect.stringContaining(
        `Cannot write to the data directory ${join(file, 'data')} (LEDGER_DATA_DIR): part of the path is a file, not a directory (ENOTDIR).`,
      ),
    ]);
    expect(io.console()).not.toMatch(/unable to open database file|successfully started/);
  });

  it('given LEDGER_DATA_DIR an existing directory no file can be created in (/proc/1, as a root-owned /data is to the node user), then one line names it, exit 78', async () => {
    const io = capture();
    const result = await startService({ ...base, LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: '/proc/1' }, io);
    expect(result.exitCode).toBe(EXIT_CONFIG);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(
      /^Cannot write to the data directory \/proc\/1 \(LEDGER_DATA_DIR\): .* make it writable by the user running the ledger/,
    );
    expect(io.console()).not.toContain('unable to open database file');
  });

  it('given three missing OIDC variables and a bad port, then all four are reported at once, one line each, exit 78', async () => {
    const io = capture();
    const result = await startService({ ...base, AUTH_MODE: 'oidc', PORT: 'eighty' }, io);
    expect(result.exitCode).toBe(EXIT_CONFIG);
    expect(io.err.map((l) => l.split(' ')[2])).toEqual(['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'PORT']);
  });

  it('given a signing key file that does not exist (found while the app is built), then one line names the variable, exit 78, no stack trace', async () => {
    const io = capture();
    const result = await startService({ ...base, LEDGER_SIGNING_KEY_FILE: join(dir, 'missing.pem') }, io);
    expect(result.exitCode).toBe(EXIT_CONFIG);
    expect(io.err).toEqual([
      expect.stringMatching(
        /^Invalid configuration: LEDGER_SIGNING_KEY_FILE names a file that cannot be read: .*missing\.pem \(ENOENT\)$/,
      ),
    ]);
    expect(io.console()).not.toMatch(/ExceptionHandler|at .*\.js:\d+/);
  });

  it('given an error no operator can fix by configuration, then it is reported with its stack and exit 1', () => {
    const fault = new TypeError('x is undefined');
    expect(refusalOf(fault)).toEqual({ exitCode: 1, lines: [fault.stack] });
  });

  it('given bad configuration and an unwritable data directory, then only the configuration is reported (checked first) and the directory is not touched', async () => {
    const io = capture();
    const data = join(dir, 'never-made');
    const result = await startService({ ...base, LEDGER_DATA_DIR: data, AUTH_MODE: 'bogus' }, io);
    expect(result.exitCode).toBe(EXIT_CONFIG);
    expect(io.err).toEqual(['Invalid configuration: AUTH_MODE must be one of dev, oidc (got "bogus")']);
    expect(existsSync(data)).toBe(false);
  });
});
