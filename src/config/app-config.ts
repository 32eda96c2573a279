import { resolve } from 'node:path';
// The client's parser alone (the package has no exports map): validating a string connects to nothing.
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';

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
  production: boolean;
  auth: { mode: AuthMode; issuer: string; audience: string; jwksUrl?: string };
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: LogLevel;
  /** Read models keep an as-of snapshot every this many log positions. */
  snapshotEvery: number;
  /** Signed digests of the log head (src/ledger/digests): how often, and the Ed25519 key that signs them. */
  digests: { intervalMinutes: number; signingKeyFile?: string };
  /**
   * Personal data (src/privacy): the master key that wraps each data subject's key, and retention
   * periods per kind of record (days after the record's closure; 0 keeps it) checked every
   * retentionIntervalMinutes (0: never).
   */
  personalData: { masterKeyFile?: string; retentionIntervalMinutes: number; retention: { escalationsDays: number } };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = env[name] ?? fallback;
  if (!allowed.includes(v as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

function url(env: Env, name: string, schemes: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let parsed: URL;
  try { parsed = new URL(raw); } catch { throw new ConfigError(name, `is not a URL (got "${raw}")`); }
  if (!schemes.includes(parsed.protocol)) throw new ConfigError(name, `must use ${schemes.join(' or ')} (got "${parsed.protocol}")`);
  return raw;
}

/**
 * KurrentDB (EventStoreDB's new name) connection-string schemes, mapped to the ones
 * @eventstore/db-client 6.2.1 parses; the rest of the string has the same grammar. Without this a
 * `kurrentdb://` string passed configuration and then failed the start with the client's ParseError.
 */
const KURRENTDB_SCHEMES: Record<string, string> = {
  'kurrentdb:': 'esdb:', 'kurrentdb+discover:': 'esdb+discover:',
  'kurrent:': 'esdb:', 'kurrent+discover:': 'esdb+discover:',
  'kdb:': 'esdb:', 'kdb+discover:': 'esdb+discover:',
};

function esdbConnectionStringOf(env: Env): string | undefined {
  const raw = env.ESDB_CONNECTION_STRING?.trim();
  if (!raw) return undefined;
  // Not WHATWG URL parsing: `esdb+discover://a:2113,b:2113` (several hosts) is no URL, yet valid here.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1].toLowerCase() ?? '';
  const esdb = KURRENTDB_SCHEMES[`${scheme}:`];
  const accepted = ['esdb:', 'esdb+discover:', ...Object.keys(KURRENTDB_SCHEMES)];
  if (scheme !== 'esdb' && scheme !== 'esdb+discover' && esdb === undefined) {
    throw new ConfigError('ESDB_CONNECTION_STRING', `must use ${accepted.join(' or ')} (got "${raw}")`);
  }
  const mapped = esdb === undefined ? raw : esdb + raw.slice(scheme.length + 1);
  // The client's own parser, at configuration time: a string it refuses must not get as far as the start.
  try { parseConnectionString(mapped); } catch (err) { throw new ConfigError('ESDB_CONNECTION_STRING', `is not a valid connection string: ${(err as Error).message}`); }
  return mapped;
}

/** Reads and checks the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const store = oneOf(env, 'LEDGER_STORE', ['sqlite', 'memory', 'esdb'] as const, 'sqlite');
  const esdbConnectionString = esdbConnectionStringOf(env);
  if (store === 'esdb' && !esdbConnectionString) throw new ConfigError('ESDB_CONNECTION_STRING', 'is required when LEDGER_STORE=esdb');
  const mode = oneOf(env, 'AUTH_MODE', ['dev', 'oidc'] as const, production ? 'oidc' : 'dev');
  if (mode === 'dev' && production) throw new ConfigError('AUTH_MODE', 'must not be "dev" when NODE_ENV=production');
  const issuer = env.OIDC_ISSUER ?? (mode === 'dev' ? 'urn:safeguarding-ledger:dev' : '');
  if (!issuer) throw new ConfigError('OIDC_ISSUER', 'is required when AUTH_MODE=oidc');
  const audience = env.OIDC_AUDIENCE ?? (mode === 'dev' ? 'safeguarding-ledger' : '');
  if (!audience) throw new ConfigError('OIDC_AUDIENCE', 'is required when AUTH_MODE=oidc');
  const jwksUrl = url(env, 'OIDC_JWKS_URL', ['https:', 'http:']);
  if (mode === 'oidc' && !jwksUrl) throw new ConfigError('OIDC_JWKS_URL', 'is required when AUTH_MODE=oidc');
  const dataDir = env.LEDGER_DATA_DIR ?? 'data';
  if (!dataDir.trim()) throw new ConfigError('LEDGER_DATA_DIR', 'must not be empty');
  // Published digests are only worth anything if the key is the partnership's own, kept and backed up:
  // production never falls back to a key generated on the fly (dev does, under <dataDir>/signing/).
  const signingKeyFile = env.LEDGER_SIGNING_KEY_FILE || undefined;
  if (production && !signingKeyFile) throw new ConfigError('LEDGER_SIGNING_KEY_FILE', 'is required when NODE_ENV=production (create one with npm run make-signing-key -- <path>)');
  // Required in production, but checked where the key is loaded (src/privacy/master-key.ts) at start,
  // so tools that only read configuration (e.g. key makers) need not hold the master key.
  const masterKeyFile = env.PERSONAL_DATA_MASTER_KEY_FILE || undefined;
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    store,
    dataDir: resolve(dataDir),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    esdbConnectionString,
    production,
    auth: { mode, issuer, audience, jwksUrl },
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    snapshotEvery: integer(env, 'READ_MODEL_SNAPSHOT_EVERY', 10_000, 1, 100_000_000),
    digests: {
      intervalMinutes: integer(env, 'DIGEST_INTERVAL_MINUTES', 60, 0, 7 * 24 * 60),
      signingKeyFile: signingKeyFile && resolve(signingKeyFile),
    },
    personalData: {
      masterKeyFile: masterKeyFile && resolve(masterKeyFile),
      retentionIntervalMinutes: integer(env, 'RETENTION_INTERVAL_MINUTES', 24 * 60, 0, 7 * 24 * 60),
      retention: { escalationsDays: integer(env, 'RETENTION_ESCALATIONS_DAYS', 0, 0, 100 * 366) },
    },
  };
}
