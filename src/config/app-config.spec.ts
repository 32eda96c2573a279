import { EventStoreDBClient } from '@eventstore/db-client';
import { ConfigError, loadConfig } from './app-config';

/** The ConfigError loadConfig throws for env (fails the test if it does not throw one). */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('given no environment, then it runs on the embedded SQLite store in dev auth mode on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ store: 'sqlite', port: 3000, sqliteSynchronous: 'FULL', auth: { mode: 'dev' } });
    expect(c.dataDir).toMatch(/data$/);
  });

  it.each([
    [{ LEDGER_STORE: 'postgres' }, 'LEDGER_STORE'],
    [{ SHARED_STATE: 'redis' }, 'SHARED_STATE'],
    [{ SHARED_STATE: 'postgres' }, 'DATABASE_URL'],
    [{ SHARED_STATE: 'postgres', DATABASE_URL: 'mysql://db/ledger' }, 'DATABASE_URL'],
    [{ LEADER_LEASE_SECONDS: '0' }, 'LEADER_LEASE_SECONDS'],
    [{ READ_CONSISTENCY_WAIT_MS: '120000' }, 'READ_CONSISTENCY_WAIT_MS'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LEDGER_STORE: 'esdb' }, 'ESDB_CONNECTION_STRING'],
    [{ ESDB_CONNECTION_STRING: 'not a url' }, 'ESDB_CONNECTION_STRING'],
    [{ ESDB_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=maybe' }, 'ESDB_CONNECTION_STRING'],
    [{ ESDB_CONNECTION_STRING: 'kurrentdb://' }, 'ESDB_CONNECTION_STRING'],
    [{ ESDB_CONNECTION_STRING: 'http://x:2113' }, 'ESDB_CONNECTION_STRING'],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, 'SQLITE_SYNCHRONOUS'],
    [{ NODE_ENV: 'production', AUTH_MODE: 'dev' }, 'AUTH_MODE'],
    [{ NODE_ENV: 'production' }, 'OIDC_ISSUER'],
    [{ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'api' }, 'OIDC_JWKS_URL'],
    [{ LEDGER_DATA_DIR: ' ' }, 'LEDGER_DATA_DIR'],
    [{ BODY_LIMIT_BYTES: '-1' }, 'BODY_LIMIT_BYTES'],
    [{ DIGEST_INTERVAL_MINUTES: 'hourly' }, 'DIGEST_INTERVAL_MINUTES'],
    [{ DIGEST_INTERVAL_MINUTES: '-5' }, 'DIGEST_INTERVAL_MINUTES'],
    [{ DIGEST_INTERVAL_MINUTES: '0.001' }, 'DIGEST_INTERVAL_MINUTES'],
    [{ DIGEST_INTERVAL_MINUTES: '1e3' }, 'DIGEST_INTERVAL_MINUTES'],
    [{ RETENTION_ESCALATIONS_DAYS: '-1' }, 'RETENTION_ESCALATIONS_DAYS'],
    [{ RETENTION_ESCALATIONS_DAYS: 'seven years' }, 'RETENTION_ESCALATIONS_DAYS'],
    [{ RETENTION_INTERVAL_MINUTES: '1.5' }, 'RETENTION_INTERVAL_MINUTES'],
    [{ INTEGRITY_CHECK_INTERVAL_MINUTES: 'often' }, 'INTEGRITY_CHECK_INTERVAL_MINUTES'],
    [{ INTEGRITY_CHECK_INTERVAL_MINUTES: '-1' }, 'INTEGRITY_CHECK_INTERVAL_MINUTES'],
    [{ IDEMPOTENCY_RETENTION_HOURS: '0' }, 'IDEMPOTENCY_RETENTION_HOURS'],
    [{ IDEMPOTENCY_RETENTION_HOURS: '1.5' }, 'IDEMPOTENCY_RETENTION_HOURS'],
    [{ IDEMPOTENCY_RETENTION_HOURS: 'a day' }, 'IDEMPOTENCY_RETENTION_HOURS'],
    [
      {
        NODE_ENV: 'production',
        OIDC_ISSUER: 'https://login.example',
        OIDC_AUDIENCE: 'api',
        OIDC_JWKS_URL: 'https://login.example/keys',
      },
      'LEDGER_SIGNING_KEY_FILE',
    ],
  ])('given %j, then it refuses to start and names %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('given IDEMPOTENCY_RETENTION_HOURS unset or 48, then Idempotency-Key answers are remembered 24 or 48 hours', () => {
    expect(loadConfig({}).idempotencyRetentionHours).toBe(24);
    expect(loadConfig({ IDEMPOTENCY_RETENTION_HOURS: '48' }).idempotencyRetentionHours).toBe(48);
  });

  it('given INTEGRITY_CHECK_INTERVAL_MINUTES unset, 0 or 30, then the integrity check runs every 15 minutes, only at start-up, or every 30', () => {
    expect(loadConfig({}).integrityCheckIntervalMinutes).toBe(15);
    expect(loadConfig({ INTEGRITY_CHECK_INTERVAL_MINUTES: '0' }).integrityCheckIntervalMinutes).toBe(0);
    expect(loadConfig({ INTEGRITY_CHECK_INTERVAL_MINUTES: '30' }).integrityCheckIntervalMinutes).toBe(30);
  });

  it('given no SHARED_STATE, then shared state is embedded; given postgres with a URL, then that URL is kept', () => {
    expect(loadConfig({}).sharedState).toEqual({ kind: 'embedded' });
    const url = 'postgresql://ledger@db.internal:5432/ledger';
    expect(loadConfig({ SHARED_STATE: 'postgres', DATABASE_URL: url }).sharedState).toEqual({
      kind: 'postgres',
      databaseUrl: url,
      leaderLeaseMs: 120_000,
    });
    expect(
      loadConfig({ SHARED_STATE: 'postgres', DATABASE_URL: url, LEADER_LEASE_SECONDS: '5' }).sharedState,
    ).toMatchObject({
      leaderLeaseMs: 5000,
    });
  });

  it('given AUTH_MODE=oidc and none of its three variables, then one refusal names all three, one line each', () => {
    const error = refusal({ AUTH_MODE: 'oidc' });
    expect(error.problems.map((p) => p.variable)).toEqual(['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']);
    expect(error.lines).toEqual([
      'Invalid configuration: OIDC_ISSUER is required when AUTH_MODE=oidc',
      'Invalid configuration: OIDC_AUDIENCE is required when AUTH_MODE=oidc',
      'Invalid configuration: OIDC_JWKS_URL is required when AUTH_MODE=oidc',
    ]);
  });

  it('given unrelated bad variables (store, port, log level, a retention period), then every one is named in the same refusal', () => {
    const error = refusal({
      LEDGER_STORE: 'postgres',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      RETENTION_ESCALATIONS_DAYS: '-1',
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'LEDGER_STORE',
      'LOG_LEVEL',
      'PORT',
      'RETENTION_ESCALATIONS_DAYS',
    ]);
  });

  it('given LEDGER_STORE=esdb with a connection string that is not one, then that variable is named once (its scheme), not also as missing', () => {
    const error = refusal({ LEDGER_STORE: 'esdb', ESDB_CONNECTION_STRING: 'not a url' });
    expect(error.problems).toEqual([
      {
        variable: 'ESDB_CONNECTION_STRING',
        problem: expect.stringMatching(/^must use esdb: or .*\(got "not a url"\)$/),
      },
    ]);
  });

  it('given one bad variable, then the refusal is that one line (as callers that name a single variable expect)', () => {
    const error = refusal({ PORT: '70000' });
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe('Invalid configuration: PORT must be a whole number from 0 to 65535 (got "70000")');
  });

  it('given dev mode with the OIDC variables set but empty (as docker-compose passes them), then it starts with the dev issuer and audience', () => {
    const c = loadConfig({ AUTH_MODE: 'dev', OIDC_ISSUER: '', OIDC_AUDIENCE: '', OIDC_JWKS_URL: '' });
    expect(c.auth).toEqual({
      mode: 'dev',
      issuer: 'urn:safeguarding-ledger:dev',
      audience: 'safeguarding-ledger',
      jwksUrl: undefined,
    });
  });

  it('given oidc mode with the OIDC variables set but empty, then all three are refused as required', () => {
    expect(
      refusal({ AUTH_MODE: 'oidc', OIDC_ISSUER: '', OIDC_AUDIENCE: '', OIDC_JWKS_URL: '' }).problems.map(
        (p) => p.variable,
      ),
    ).toEqual(['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']);
  });

  it('accepts an EventStoreDB connection string and an OIDC provider', () => {
    const c = loadConfig({
      LEDGER_STORE: 'esdb',
      ESDB_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0',
      OIDC_AUDIENCE: 'api://ledger',
      OIDC_JWKS_URL: 'https://login.microsoftonline.com/t/discovery/v2.0/keys',
    });
    expect(c.store).toBe('esdb');
    expect(c.auth.mode).toBe('oidc');
  });

  it.each([
    ['kurrentdb://admin:changeit@db.example:2113?tls=true', 'esdb://admin:changeit@db.example:2113?tls=true'],
    [
      'kurrentdb+discover://db1.example:2113,db2.example:2113?nodePreference=leader',
      'esdb+discover://db1.example:2113,db2.example:2113?nodePreference=leader',
    ],
    ['KurrentDB://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['esdb+discover://localhost:2113', 'esdb+discover://localhost:2113'],
  ])(
    'given the KurrentDB or EventStoreDB connection string %s, then it is accepted as %s, which the client parses',
    (given, expected) => {
      const c = loadConfig({ LEDGER_STORE: 'esdb', ESDB_CONNECTION_STRING: given });
      expect(c.esdbConnectionString).toBe(expected);
      // A KurrentDB scheme as given is what used to crash the start (the client's ParseError).
      if (given !== expected) expect(() => EventStoreDBClient.connectionString(given)).toThrow(/esdb:\/\//);
      // Parsing only: the client connects lazily, on the first call.
      return EventStoreDBClient.connectionString(c.esdbConnectionString!).dispose();
    },
  );

  it('given no digest settings, then digests are signed hourly with a key generated under the data directory (no key file named)', () => {
    expect(loadConfig({}).digests).toEqual({ intervalMinutes: 60, signingKeyFile: undefined });
  });

  it('given DIGEST_INTERVAL_MINUTES=0.05, then digests are scheduled every 3 seconds (fractions of a minute allowed)', () => {
    expect(loadConfig({ DIGEST_INTERVAL_MINUTES: '0.05' }).digests.intervalMinutes * 60_000).toBe(3000);
  });

  it('given DIGEST_INTERVAL_MINUTES=0 and a signing key file in production, then scheduled digests are off and the key path is absolute', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://login.example',
      OIDC_AUDIENCE: 'api',
      OIDC_JWKS_URL: 'https://login.example/keys',
      DIGEST_INTERVAL_MINUTES: '0',
      LEDGER_SIGNING_KEY_FILE: 'keys/ledger-signing.pem',
    });
    expect(c.digests.intervalMinutes).toBe(0);
    expect(c.digests.signingKeyFile).toMatch(/^\/.*keys\/ledger-signing\.pem$/);
  });

  it('given no personal-data settings, then records are kept (retention 0), checked daily, with no master key file named', () => {
    expect(loadConfig({}).personalData).toEqual({
      masterKeyFile: undefined,
      retentionIntervalMinutes: 1440,
      retention: { escalationsDays: 0 },
    });
  });

  it('given a retention period and a master key file, then the period is in days and the key path is absolute', () => {
    const c = loadConfig({ RETENTION_ESCALATIONS_DAYS: '2557', PERSONAL_DATA_MASTER_KEY_FILE: 'keys/master.key' });
    expect(c.personalData.retention.escalationsDays).toBe(2557);
    expect(c.personalData.masterKeyFile).toMatch(/^\/.*keys\/master\.key$/);
  });
});
