import { resolve } from 'node:path';

export type StoreKind = 'sqlite' | 'memory' | 'esdb';
export type AuthMode = 'dev' | 'oidc';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the service reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  host: string;
  store: StoreKind;
  dataDir: string;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  esdbConnectionString?: string;
  /** STORE_DEADLINE_MS: the longest any store call (and each /health probe) may take before it counts as failed. */
  storeDeadlineMs: number;
  production: boolean;
  auth: { mode: AuthMode; issuer: string; audience: string; jwksUrl?: string };
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: LogLevel;
  /** Read models keep an as-of snapshot every this many events applied (counted: positions are opaque). */
  snapshotEvery: number;
  /** Signed digests of the log head (src/ledger/digests): how often, and the Ed25519 key that signs them. */
  digests: { intervalMinutes: number; signingKeyFile?: string };
  /**
   * Personal data (src/privacy): the master key that wraps each data subject's key, and retention
   * periods per kind of record (days after the record's closure; 0 keeps it) checked every
   * retentionIntervalMinutes (0: never).
   */
  personalData: { masterKeyFile?: string; retentionIntervalMinutes: number; retention: { escalationsDays: number } };
  /**
   * INTEGRITY_CHECK_INTERVAL_MINUTES (default 15; 0: only at start-up): how often the running service
   * re-verifies the tail of the log since its last verified point (src/ledger/integrity/integrity-gate.ts).
   */
  integrityCheckIntervalMinutes: number;
  /**
   * SHARED_STATE (embedded | postgres, default embedded) and DATABASE_URL: where state that several
   * instances must agree on is kept (src/shared-state). Embedded keeps today's local files.
   */
  sharedState: SharedStateConfig;
  /**
   * READ_CONSISTENCY_WAIT_MS (default 5000, at most 60000): how long a read sent with
   * Consistency-Position waits for this instance's read models to apply it before answering 503.
   */
  readConsistencyWaitMs: number;
  /**
   * IDEMPOTENCY_RETENTION_HOURS (default 24, 1 to 8784): how long an Idempotency-Key's answer is
   * remembered; older ones are pruned hourly (src/http/idempotency) and the key then counts as new.
   */
  idempotencyRetentionHours: number;
}

export type SharedStateConfig =
  | { kind: 'embedded' }
  /**
   * leaderLeaseMs (LEADER_LEASE_SECONDS, default 120): how long past a schedule's interval its
   * leader's lease lasts without a round; a dead leader is replaced by the first round due after that.
   */
  | { kind: 'postgres'; databaseUrl: string; leaderLeaseMs: number };

export const APP_CONFIG = Symbol('APP_CONFIG');

/** One bad variable and what is wrong with it. */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

/**
 * Bad configuration: every bad variable at once (an operator fixing three missing OIDC variables
 * should not need three attempts). One line per problem in the message.
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(variable: string, problem: string);
  constructor(problems: readonly ConfigProblem[]);
  constructor(first: string | readonly ConfigProblem[], problem?: string) {
    const problems = typeof first === 'string' ? [{ variable: first, problem: problem ?? 'is invalid' }] : first;
    super(problems.map((p) => `Invalid configuration: ${p.variable} ${p.problem}`).join('\n'));
    this.problems = problems;
  }

  /** The first bad variable (kept for callers that name one). */
  get variable(): string {
    return this.problems[0].variable;
  }

  /** One line per bad variable, for the operator. */
  get lines(): string[] {
    return this.message.split('\n');
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads variables and notes every problem instead of stopping at the first; a bad value reads as its
 * fallback so later checks still run. Adding a variable is one call in loadConfig.
 */
export class EnvReader {
  readonly problems: ConfigProblem[] = [];
  constructor(readonly env: Env) {}

  refuse(variable: string, problem: string): void {
    this.problems.push({ variable, problem });
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.env[name] ?? fallback;
    if (allowed.includes(v as T)) return v as T;
    this.refuse(name, `must be one of ${allowed.join(', ')} (got "${v}")`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.refuse(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }

  /**
   * A schedule's interval in minutes, fractions allowed (`0.05` is 3 s: multi-instance tests run ten
   * rounds in half a minute); 0 is off, and anything on is at least one second.
   */
  minutes(name: string, fallback: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
    if (n === 0 || (n >= 1 / 60 && n <= max)) return n;
    this.refuse(name, `must be 0 (off) or minutes from 1/60 (one second) to ${max}, fractions allowed (got "${raw}")`);
    return fallback;
  }

  url(name: string, schemes: string[]): string | undefined {
    const raw = this.env[name];
    if (!raw) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      this.refuse(name, `is not a URL (got "${raw}")`);
      return undefined;
    }
    if (schemes.includes(parsed.protocol)) return raw;
    this.refuse(name, `must use ${schemes.join(' or ')} (got "${parsed.protocol}")`);
    return undefined;
  }

  /** Throws one ConfigError listing every problem noted, if any. */
  assertValid(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

/**
 * STORE_DEADLINE_MS (default 5000): EventStoreDB calls carry it as their gRPC deadline, SQLite waits
 * at most this long for another writer's lock (busy_timeout), and /health answers a probe "down"
 * after it. At least 100 ms (less fails healthy calls under load), at most 10 minutes.
 */
const readStoreDeadline = (v: EnvReader) => v.integer('STORE_DEADLINE_MS', 5000, 100, 600_000);

export function storeDeadlineMs(env: Env): number {
  const v = new EnvReader(env);
  const ms = readStoreDeadline(v);
  v.assertValid();
  return ms;
}

/**
 * KurrentDB (EventStoreDB's new name) connection-string schemes, mapped to the ones
 * @eventstore/db-client 6.2.1 parses; the rest of the string has the same grammar. Without this a
 * `kurrentdb://` string passed configuration and then failed the start with the client's ParseError.
 */
const KURRENTDB_SCHEMES: Record<string, string> = {
  'kurrentdb:': 'esdb:',
  'kurrentdb+discover:': 'esdb+discover:',
  'kurrent:': 'esdb:',
  'kurrent+discover:': 'esdb+discover:',
  'kdb:': 'esdb:',
  'kdb+discover:': 'esdb+discover:',
};

type Parser = typeof import('@eventstore/db-client/dist/Client/parseConnectionString');

function esdbConnectionStringOf(v: EnvReader): string | undefined {
  const raw = v.env.ESDB_CONNECTION_STRING?.trim();
  if (!raw) return undefined;
  // Not WHATWG URL parsing: `esdb+discover://a:2113,b:2113` (several hosts) is no URL, yet valid here.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1].toLowerCase() ?? '';
  const esdb = KURRENTDB_SCHEMES[`${scheme}:`];
  const accepted = ['esdb:', 'esdb+discover:', ...Object.keys(KURRENTDB_SCHEMES)];
  if (scheme !== 'esdb' && scheme !== 'esdb+discover' && esdb === undefined) {
    v.refuse('ESDB_CONNECTION_STRING', `must use ${accepted.join(' or ')} (got "${raw}")`);
    return undefined;
  }
  const mapped = esdb === undefined ? raw : esdb + raw.slice(scheme.length + 1);
  // The client's own parser, at configuration time: a string it refuses must not get as far as the start.
  try {
    // The client's parser alone (the package has no exports map): validating a string connects to
    // nothing. Loaded only when a connection string is given: ~60 ms of every start otherwise.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseConnectionString } = require('@eventstore/db-client/dist/Client/parseConnectionString') as Parser;
    parseConnectionString(mapped);
  } catch (err) {
    v.refuse('ESDB_CONNECTION_STRING', `is not a valid connection string: ${(err as Error).message}`);
    return undefined;
  }
  return mapped;
}

function sharedStateOf(v: EnvReader): SharedStateConfig {
  const kind = v.oneOf('SHARED_STATE', ['embedded', 'postgres'] as const, 'embedded');
  const databaseUrl = v.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const leaderLeaseMs = v.integer('LEADER_LEASE_SECONDS', 120, 1, 86_400) * 1000;
  if (kind === 'embedded') return { kind };
  if (!databaseUrl && !v.env.DATABASE_URL) v.refuse('DATABASE_URL', 'is required when SHARED_STATE=postgres');
  return { kind, databaseUrl: databaseUrl ?? '', leaderLeaseMs };
}

/** Reads and checks the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const v = new EnvReader(env);
  const production = env.NODE_ENV === 'production';
  const store = v.oneOf('LEDGER_STORE', ['sqlite', 'memory', 'esdb'] as const, 'sqlite');
  const esdbConnectionString = esdbConnectionStringOf(v);
  if (store === 'esdb' && !esdbConnectionString && !env.ESDB_CONNECTION_STRING)
    v.refuse('ESDB_CONNECTION_STRING', 'is required when LEDGER_STORE=esdb');
  const mode = v.oneOf('AUTH_MODE', ['dev', 'oidc'] as const, production ? 'oidc' : 'dev');
  if (mode === 'dev' && production) v.refuse('AUTH_MODE', 'must not be "dev" when NODE_ENV=production');
  // Empty counts as unset: docker-compose passes `OIDC_ISSUER: ${OIDC_ISSUER:-}` in dev mode too.
  const issuer = env.OIDC_ISSUER || (mode === 'dev' ? 'urn:safeguarding-ledger:dev' : '');
  if (!issuer) v.refuse('OIDC_ISSUER', 'is required when AUTH_MODE=oidc');
  const audience = env.OIDC_AUDIENCE || (mode === 'dev' ? 'safeguarding-ledger' : '');
  if (!audience) v.refuse('OIDC_AUDIENCE', 'is required when AUTH_MODE=oidc');
  const jwksUrl = v.url('OIDC_JWKS_URL', ['https:', 'http:']);
  if (mode === 'oidc' && !jwksUrl && !env.OIDC_JWKS_URL) v.refuse('OIDC_JWKS_URL', 'is required when AUTH_MODE=oidc');
  const dataDir = env.LEDGER_DATA_DIR ?? 'data';
  if (!dataDir.trim()) v.refuse('LEDGER_DATA_DIR', 'must not be empty');
  // Published digests are only worth anything if the key is the partnership's own, kept and backed up:
  // production never falls back to a key generated on the fly (dev does, under <dataDir>/signing/).
  const signingKeyFile = env.LEDGER_SIGNING_KEY_FILE || undefined;
  if (production && !signingKeyFile)
    v.refuse(
      'LEDGER_SIGNING_KEY_FILE',
      'is required when NODE_ENV=production (create one with npm run make-signing-key -- <path>)',
    );
  // Required in production, but checked where the key is loaded (src/privacy/master-key.ts) at start,
  // so tools that only read configuration (e.g. key makers) need not hold the master key.
  const masterKeyFile = env.PERSONAL_DATA_MASTER_KEY_FILE || undefined;
  const config: AppConfig = {
    port: v.integer('PORT', 3000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    store,
    dataDir: resolve(dataDir),
    sqliteSynchronous: v.oneOf('SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    esdbConnectionString,
    storeDeadlineMs: readStoreDeadline(v),
    production,
    auth: { mode, issuer, audience, jwksUrl },
    bodyLimitBytes: v.integer('BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    rateLimitPerMinute: v.integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    logLevel: v.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    snapshotEvery: v.integer('READ_MODEL_SNAPSHOT_EVERY', 10_000, 1, 100_000_000),
    digests: {
      intervalMinutes: v.minutes('DIGEST_INTERVAL_MINUTES', 60, 7 * 24 * 60),
      signingKeyFile: signingKeyFile && resolve(signingKeyFile),
    },
    personalData: {
      masterKeyFile: masterKeyFile && resolve(masterKeyFile),
      retentionIntervalMinutes: v.integer('RETENTION_INTERVAL_MINUTES', 24 * 60, 0, 7 * 24 * 60),
      retention: { escalationsDays: v.integer('RETENTION_ESCALATIONS_DAYS', 0, 0, 100 * 366) },
    },
    integrityCheckIntervalMinutes: v.integer('INTEGRITY_CHECK_INTERVAL_MINUTES', 15, 0, 7 * 24 * 60),
    sharedState: sharedStateOf(v),
    readConsistencyWaitMs: v.integer('READ_CONSISTENCY_WAIT_MS', 5000, 0, 60_000),
    idempotencyRetentionHours: v.integer('IDEMPOTENCY_RETENTION_HOURS', 24, 1, 366 * 24),
  };
  v.assertValid();
  return config;
}
