import Database from 'better-sqlite3';
import { DeadlineExceededError, StreamNotFoundError, UnavailableError, UnknownError } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from './errors';
import { classifyStoreError, StoreUnavailableError } from './store-errors';

const sqliteError = (code: string, message = code) => Object.assign(new Error(message), { code });
/** The client's typed errors are built from a gRPC ServiceError; only code and details are read. */
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => ({}) } });

describe('classifyStoreError', () => {
  it.each([
    ['SQLITE_FULL', 'storage-full'],
    ['SQLITE_READONLY', 'store-read-only'],
    ['SQLITE_READONLY_DBMOVED', 'store-read-only'],
    ['SQLITE_IOERR_WRITE', 'store-io-error'],
    ['SQLITE_BUSY', 'store-busy'],
    ['SQLITE_LOCKED', 'store-busy'],
    ['SQLITE_CANTOPEN', 'store-unavailable'],
  ])('given a SQLite %s, when classified, then it is a %s fault of the named part', (sqlite, code) => {
    const cause = sqliteError(sqlite);
    const err = classifyStoreError(cause, 'read-model-store', { writing: true }) as StoreUnavailableError;
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).toMatchObject({ code, part: 'read-model-store', cause });
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('given a refusal SQLite reports before committing, when writing, then the outcome is known (nothing written)', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_BUSY']) {
      expect(classifyStoreError(sqliteError(code), 'event-store', { writing: true })).toMatchObject({
        outcomeUnknown: false,
      });
    }
  });

  it('given an I/O error while writing, then the outcome is unknown; while reading, it is not', () => {
    expect(classifyStoreError(sqliteError('SQLITE_IOERR_FSYNC'), 'event-store', { writing: true })).toMatchObject({
      outcomeUnknown: true,
    });
    expect(classifyStoreError(sqliteError('SQLITE_IOERR_READ'), 'event-store', { writing: false })).toMatchObject({
      outcomeUnknown: false,
    });
  });

  it('given a real SQLITE_FULL from a page-capped database, then it is storage-full', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT)');
    db.pragma('max_page_count = 2');
    let thrown: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (e) {
      thrown = e;
    }
    db.close();
    expect(classifyStoreError(thrown, 'event-store', { writing: true })).toMatchObject({
      code: 'storage-full',
      outcomeUnknown: false,
    });
  });

  it('given the ESDB client could not connect, when appending, then it is store-unavailable and nothing was sent', () => {
    const refused = new UnavailableError(
      grpcError(14, 'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1') as never,
    );
    expect(classifyStoreError(refused, 'event-store', { writing: true })).toMatchObject({
      code: 'store-unavailable',
      outcomeUnknown: false,
    });
  });

  it('given the ESDB connection dropped mid-call, when appending, then the outcome is unknown', () => {
    const dropped = new UnavailableError(grpcError(14, 'Connection dropped') as never);
    expect(classifyStoreError(dropped, 'event-store', { writing: true })).toMatchObject({
      code: 'store-unavailable',
      outcomeUnknown: true,
    });
  });

  it('given a call cut by a reset stream (the client reports UNKNOWN), then store-unavailable with the outcome unknown; another UNKNOWN is left alone', () => {
    const reset = new UnknownError(
      grpcError(13, 'Received RST_STREAM with code 2 triggered by internal client error: read ECONNRESET') as never,
    );
    expect(classifyStoreError(reset, 'event-store', { writing: true })).toMatchObject({
      code: 'store-unavailable',
      outcomeUnknown: true,
    });
    const refused = new UnknownError(grpcError(2, 'Trying to read from an invalid position.') as never);
    expect(classifyStoreError(refused, 'event-store', { writing: false })).toBe(refused);
  });

  it('given a passed deadline, when appending, then the outcome is unknown; when reading, it is known', () => {
    const late = new DeadlineExceededError(grpcError(4, 'Deadline exceeded') as never);
    expect(classifyStoreError(late, 'event-store', { writing: true })).toMatchObject({
      code: 'store-deadline-exceeded',
      outcomeUnknown: true,
    });
    expect(classifyStoreError(late, 'event-store', { writing: false })).toMatchObject({
      code: 'store-deadline-exceeded',
      outcomeUnknown: false,
    });
  });

  it('given a raw gRPC status (not converted by the client), then it is classified by its code', () => {
    expect(classifyStoreError(grpcError(4, 'Deadline exceeded'), 'event-store', { writing: true })).toMatchObject({
      code: 'store-deadline-exceeded',
      outcomeUnknown: true,
    });
    expect(
      classifyStoreError(grpcError(14, 'No connection established'), 'event-store', { writing: true }),
    ).toMatchObject({ code: 'store-unavailable', outcomeUnknown: false });
  });

  it.each([
    ['53100', 'storage-full', false],
    ['25006', 'store-read-only', false],
    ['57014', 'store-deadline-exceeded', false],
    ['55P03', 'store-busy', false],
    ['57P01', 'store-unavailable', true],
    ['08006', 'store-unavailable', true],
    ['08001', 'store-unavailable', false],
  ])('given PostgreSQL SQLSTATE %s while writing, then %s, outcome unknown: %s', (sqlstate, code, unknown) => {
    const cause = sqliteError(sqlstate, `postgres said ${sqlstate}`);
    expect(classifyStoreError(cause, 'idempotency-store', { writing: true })).toMatchObject({
      code,
      part: 'idempotency-store',
      outcomeUnknown: unknown,
    });
  });

  it('given node-postgres lost its connection or could not open one, then store-unavailable, unknown only mid-call', () => {
    const terminated = new Error('Connection terminated unexpectedly');
    const connecting = new Error('timeout exceeded when trying to connect');
    expect(classifyStoreError(terminated, 'key-store', { writing: true })).toMatchObject({ outcomeUnknown: true });
    expect(classifyStoreError(connecting, 'key-store', { writing: true })).toMatchObject({
      code: 'store-unavailable',
      outcomeUnknown: false,
    });
  });

  it('given a domain error, another client error or a bug, then it is returned unchanged', () => {
    const domain = new WrongExpectedRevisionError('s-1', 1, 2);
    const wrongVersion = new StreamNotFoundError(grpcError(5, 'not found') as never);
    const bug = new TypeError('x is undefined');
    const constraint = sqliteError('SQLITE_CONSTRAINT_UNIQUE');
    const pgUniqueViolation = sqliteError('23505', 'duplicate key value violates unique constraint');
    for (const e of [domain, wrongVersion, bug, constraint, pgUniqueViolation])
      expect(classifyStoreError(e, 'event-store', { writing: true })).toBe(e);
  });

  it('given an already classified error, then it is kept as it was (its part too)', () => {
    const first = classifyStoreError(sqliteError('SQLITE_FULL'), 'key-store', { writing: true });
    expect(classifyStoreError(first, 'event-store', { writing: true })).toBe(first);
  });

  it('given a closed SQLite handle, then it is store-unavailable', () => {
    const db = new Database(':memory:');
    db.close();
    let thrown: unknown;
    try {
      db.prepare('SELECT 1');
    } catch (e) {
      thrown = e;
    }
    expect(classifyStoreError(thrown, 'idempotency-store', { writing: false })).toMatchObject({
      code: 'store-unavailable',
      part: 'idempotency-store',
    });
  });
});
