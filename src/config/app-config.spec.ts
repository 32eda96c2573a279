import { EventStoreDBClient } from '@eventstore/db-client';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('given no environment, then it runs on the embedded SQLite store in dev auth mode on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ store: 'sqlite', port: 3000, sqliteSynchronous: 'FULL', auth: { mode: 'dev' } });
    expect(c.dataDir).toMatch(/data$/);
  });

  it.each([
    [{ LEDGER_STORE: 'postgres' }, 'LEDGER_STORE'],
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
    [{ RETENTION_ESCALATIONS_DAYS: '-1' }, 'RETENTION_ESCALATIONS_DAYS'],
    [{ RETENTION_ESCALATIONS_DAYS: 'seven years' }, 'RETENTION_ESCALATIONS_DAYS'],
    [{ RETENTION_INTERVAL_MINUTES: '1.5' }, 'RETENTION_INTERVAL_MINUTES'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'api', OIDC_JWKS_URL: 'https://login.example/keys' }, 'LEDGER_SIGNING_KEY_FILE'],
  ])('given %j, then it refuses to start and names %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('accepts an EventStoreDB connection string and an OIDC provider', () => {
    const c = loadConfig({
      LEDGER_STORE: 'esdb', ESDB_CONNECTION_STRING: 'esdb://localhost:2113?tls=false', AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0', OIDC_AUDIENCE: 'api://ledger', OIDC_JWKS_URL: 'https://login.microsoftonline.com/t/discovery/v2.0/keys',
    });
    expect(c.store).toBe('esdb');
    expect(c.auth.mode).toBe('oidc');
  });

  it.each([
    ['kurrentdb://admin:changeit@db.example:2113?tls=true', 'esdb://admin:changeit@db.example:2113?tls=true'],
    ['kurrentdb+discover://db1.example:2113,db2.example:2113?nodePreference=leader', 'esdb+discover://db1.example:2113,db2.example:2113?nodePreference=leader'],
    ['KurrentDB://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['esdb+discover://localhost:2113', 'esdb+discover://localhost:2113'],
  ])('given the KurrentDB or EventStoreDB connection string %s, then it is accepted as %s, which the client parses', (given, expected) => {
    const c = loadConfig({ LEDGER_STORE: 'esdb', ESDB_CONNECTION_STRING: given });
    expect(c.esdbConnectionString).toBe(expected);
    // A KurrentDB scheme as given is what used to crash the start (the client's ParseError).
    if (given !== expected) expect(() => EventStoreDBClient.connectionString(given)).toThrow(/esdb:\/\//);
    // Parsing only: the client connects lazily, on the first call.
    return EventStoreDBClient.connectionString(c.esdbConnectionString!).dispose();
  });

  it('given no digest settings, then digests are signed hourly with a key generated under the data directory (no key file named)', () => {
    expect(loadConfig({}).digests).toEqual({ intervalMinutes: 60, signingKeyFile: undefined });
  });

  it('given DIGEST_INTERVAL_MINUTES=0 and a signing key file in production, then scheduled digests are off and the key path is absolute', () => {
    const c = loadConfig({
      NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'api', OIDC_JWKS_URL: 'https://login.example/keys',
      DIGEST_INTERVAL_MINUTES: '0', LEDGER_SIGNING_KEY_FILE: 'keys/ledger-signing.pem',
    });
    expect(c.digests.intervalMinutes).toBe(0);
    expect(c.digests.signingKeyFile).toMatch(/^\/.*keys\/ledger-signing\.pem$/);
  });

  it('given no personal-data settings, then records are kept (retention 0), checked daily, with no master key file named', () => {
    expect(loadConfig({}).personalData).toEqual({ masterKeyFile: undefined, retentionIntervalMinutes: 1440, retention: { escalationsDays: 0 } });
  });

  it('given a retention period and a master key file, then the period is in days and the key path is absolute', () => {
    const c = loadConfig({ RETENTION_ESCALATIONS_DAYS: '2557', PERSONAL_DATA_MASTER_KEY_FILE: 'keys/master.key' });
    expect(c.personalData.retention.escalationsDays).toBe(2557);
    expect(c.personalData.masterKeyFile).toMatch(/^\/.*keys\/master\.key$/);
  });
});
