/**
 * Store faults, as every caller sees them. Each engine and store translates its own failures at
 * its boundary (classifyStoreError), so the HTTP filter, /health and the background workers only
 * ever meet one error type for "a store could not answer", and never confuse it with a refusal
 * of the domain's (DomainError) or a bug (anything else, a 500).
 */
export type StoreFaultCode =
  | 'store-unavailable'
  | 'store-deadline-exceeded'
  | 'storage-full'
  | 'store-read-only'
  | 'store-io-error'
  | 'store-busy';

/** Which store failed: /health and the problem body name it. */
export type StorePart = 'event-store' | 'read-model-store' | 'key-store' | 'idempotency-store' | 'pack-store';

/** Seconds a client is told to wait before retrying, per fault: a full disk needs a person, a busy lock does not. */
const RETRY_AFTER: Record<StoreFaultCode, number> = {
  'store-unavailable': 5,
  'store-deadline-exceeded': 5,
  'storage-full': 60,
  'store-read-only': 60,
  'store-io-error': 30,
  'store-busy': 1,
};

const DESCRIPTIONS: Record<StoreFaultCode, string> = {
  'store-unavailable': 'is unreachable',
  'store-deadline-exceeded': 'did not answer within the deadline',
  'storage-full': 'has no space left',
  'store-read-only': 'is read-only',
  'store-io-error': 'failed to read or write its files',
  'store-busy': 'is locked by another writer',
};

export class StoreUnavailableError extends Error {
  readonly retryAfterSeconds: number;

  constructor(
    readonly code: StoreFaultCode,
    readonly part: StorePart,
    /** The request reached the store and no answer came: a write may have been committed. */
    readonly outcomeUnknown: boolean,
    cause?: unknown,
  ) {
    super(`The ${part} ${DESCRIPTIONS[code]}${cause instanceof Error && cause.message ? ` (${cause.message})` : ''}`, {
      cause,
    });
    this.name = 'StoreUnavailableError';
    this.retryAfterSeconds = RETRY_AFTER[code];
  }
}

export interface ClassifyOptions {
  /** The failed call could have written (an append, a commit): a deadline or a dropped call then leaves the outcome unknown. */
  writing: boolean;
}

/**
 * SQLite's primary result codes, by the `code` string better-sqlite3 sets (extended codes such as
 * SQLITE_IOERR_WRITE or SQLITE_READONLY_DBMOVED share the primary's prefix). Matched by string, not
 * instanceof: Jest loads one copy of the native module per test file, each with its own SqliteError.
 * FULL, READONLY, BUSY, LOCKED and CANTOPEN are refusals before anything is committed (SQLite rolls
 * the statement or transaction back): nothing was written. An I/O error or corruption met while
 * writing may strike during the commit itself (e.g. the WAL frames written, the sync failed), so a
 * write's outcome is then unknown.
 */
const SQLITE_FAULTS: [prefix: string, code: StoreFaultCode, unknownWhenWriting: boolean][] = [
  ['SQLITE_FULL', 'storage-full', false],
  ['SQLITE_READONLY', 'store-read-only', false],
  ['SQLITE_IOERR', 'store-io-error', true],
  ['SQLITE_CORRUPT', 'store-io-error', true],
  ['SQLITE_NOTADB', 'store-io-error', false],
  ['SQLITE_CANTOPEN', 'store-unavailable', false],
  ['SQLITE_BUSY', 'store-busy', false],
  ['SQLITE_LOCKED', 'store-busy', false],
];

/**
 * PostgreSQL's SQLSTATEs (node-postgres sets `code`) that mean the server could not answer, as
 * opposed to a statement of ours it refused. Whether a write may have been applied: a connection
 * ended by the server (57P01-57P03, class 08) may have taken the COMMIT with it; a cancelled
 * statement (57014, statement_timeout) rolled back; a full disk or a read-only server refused it.
 */
const POSTGRES_FAULTS: Record<string, [code: StoreFaultCode, unknownWhenWriting: boolean]> = {
  '53100': ['storage-full', false],
  '25006': ['store-read-only', false],
  '57014': ['store-deadline-exceeded', false],
  '55P03': ['store-busy', false],
  '53300': ['store-busy', false],
  '57P01': ['store-unavailable', true],
  '57P02': ['store-unavailable', true],
  '57P03': ['store-unavailable', false],
  '08000': ['store-unavailable', true],
  '08003': ['store-unavailable', true],
  '08006': ['store-unavailable', true],
  '08001': ['store-unavailable', false],
  '58030': ['store-io-error', true],
};

/** gRPC status codes (numbers, as @grpc/grpc-js reports them) that mean the server could not answer. */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_ABORTED = 10;
const GRPC_UNAVAILABLE = 14;

/** Errors of a closed database handle or a closed client: the store is not there to answer. */
const CLOSED = /database connection is not open|client is closed|channel.*(closed|shut ?down)/i;

/**
 * A StoreUnavailableError for any store fault; anything else (a domain refusal, a bug) is returned
 * unchanged, so callers can `throw classifyStoreError(err, part, o)` in every catch.
 */
export function classifyStoreError(err: unknown, part: StorePart, { writing }: ClassifyOptions): unknown {
  if (err instanceof StoreUnavailableError) return err;
  if (!err || typeof err !== 'object') return err;
  const e = err as { code?: unknown; type?: unknown; message?: unknown; name?: unknown };
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_')) {
    const fault = SQLITE_FAULTS.find(([prefix]) => (e.code as string).startsWith(prefix));
    return fault ? new StoreUnavailableError(fault[1], part, writing && fault[2], err) : err;
  }
  if (typeof e.code === 'string' && POSTGRES_FAULTS[e.code]) {
    const [code, unknown] = POSTGRES_FAULTS[e.code];
    return new StoreUnavailableError(code, part, writing && unknown, err);
  }
  if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(e.message))
    return new StoreUnavailableError('store-unavailable', part, writing && !/trying to connect/.test(e.message), err);
  const grpc = esdbFault(e);
  if (grpc) return new StoreUnavailableError(grpc.code, part, writing && grpc.mayHaveArrived, err);
  if (typeof e.message === 'string' && CLOSED.test(e.message))
    return new StoreUnavailableError('store-unavailable', part, false, err);
  return err;
}

/**
 * @eventstore/db-client faults by its `type` strings (CommandError's ErrorType) or the raw gRPC
 * status code. Whether an append may have been applied:
 * - DEADLINE_EXCEEDED / TIMEOUT / CANCELLED (by the server) / ABORTED: the request was sent and no
 *   answer came, so the server may have committed it: unknown.
 * - UNAVAILABLE: usually the connection was refused or dropped before the request was sent; but
 *   a connection that drops mid-call is reported the same way, after the server may have received
 *   the whole request. Only "connection refused"/"no connection established" proves nothing was sent.
 */
function esdbFault(e: {
  code?: unknown;
  type?: unknown;
  message?: unknown;
}): { code: StoreFaultCode; mayHaveArrived: boolean } | undefined {
  const message = typeof e.message === 'string' ? e.message : '';
  switch (e.type) {
    case 'deadline-exceeded':
    case 'timeout':
      return { code: 'store-deadline-exceeded', mayHaveArrived: true };
    case 'unavailable':
      return { code: 'store-unavailable', mayHaveArrived: !neverSent(message) };
    case 'cancelled':
      return { code: 'store-unavailable', mayHaveArrived: true };
    case 'not-leader':
      return { code: 'store-unavailable', mayHaveArrived: false };
    case 'unknown':
      // gRPC UNKNOWN/INTERNAL is also how a call cut by a dropped connection surfaces; anything else
      // the server refused this way (e.g. an invalid position) is a fault of ours, not an outage.
      return DROPPED.test(message) ? { code: 'store-unavailable', mayHaveArrived: true } : undefined;
  }
  if (typeof e.type === 'string') return undefined; // another of the client's typed errors: not a store fault
  switch (e.code) {
    case GRPC_DEADLINE_EXCEEDED:
    case GRPC_ABORTED:
      return { code: 'store-deadline-exceeded', mayHaveArrived: true };
    case GRPC_UNAVAILABLE:
      return { code: 'store-unavailable', mayHaveArrived: !neverSent(message) };
    case GRPC_CANCELLED:
      return { code: 'store-unavailable', mayHaveArrived: true };
  }
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(message))
    return { code: 'store-unavailable', mayHaveArrived: false };
  if (/ECONNRESET|EPIPE|ETIMEDOUT/.test(message)) return { code: 'store-unavailable', mayHaveArrived: true };
  return undefined;
}

const DROPPED =
  /RST_STREAM|ECONNRESET|EPIPE|Connection dropped|socket hang up|write after end|stream.*(closed|destroyed)/i;

function neverSent(message: string): boolean {
  return /ECONNREFUSED|No connection established|connect ECONN|ENOTFOUND|EHOSTUNREACH|Failed to connect/i.test(message);
}

/** Runs `call`, translating a store fault into a StoreUnavailableError (for async store calls). */
export async function storeCall<T>(part: StorePart, writing: boolean, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw classifyStoreError(err, part, { writing });
  }
}

/** The same for synchronous calls (better-sqlite3). */
export function storeCallSync<T>(part: StorePart, writing: boolean, call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw classifyStoreError(err, part, { writing });
  }
}
