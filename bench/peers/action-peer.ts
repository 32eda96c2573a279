/**
 * What the two peer apps of `npm run bench:http` (the Emmett app and the bare Fastify floor) share
 * with each other, so both do the same work as the project's own routes:
 *   POST /actions                  raise an action (a new stream)
 *   POST /actions/:actionId/progress  note progress: load the stream, decide, append (404 unknown, 409 not open)
 *   GET  /action-log?limit=50      a page of the action-log read model, in action id order, cursor paged
 * The bodies are validated by JSON schema with the project's limits (ids as slugs of at most 80,
 * text 1..2000, a note 1..4000, 1..10 owners, a due date YYYY-MM-DD), and the list answer goes out
 * through Fastify's serialiser with a response schema, as any Fastify app would write it.
 * The read model's row holds the same document the project's action log holds for an action.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { BOUND_LIMIT } from '../../src/shared/bound-limit';

const ID = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 } as const;
const OWNER = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['person', 'partner', 'team'] },
    personId: ID,
    partnerId: ID,
    name: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const raiseSchema = {
  body: {
    type: 'object',
    required: ['actionId', 'meetingId', 'itemNumber', 'text', 'owners'],
    additionalProperties: false,
    properties: {
      actionId: ID,
      meetingId: ID,
      itemNumber: { type: 'integer', minimum: 1, maximum: 999 },
      text: { type: 'string', minLength: 1, maxLength: 2000 },
      owners: { type: 'array', minItems: 1, maxItems: 10, items: OWNER },
      dueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    },
  },
} as const;

export const progressSchema = {
  params: { type: 'object', required: ['actionId'], properties: { actionId: ID } },
  body: {
    type: 'object',
    required: ['note'],
    additionalProperties: false,
    properties: { note: { type: 'string', minLength: 1, maxLength: 4000 } },
  },
} as const;

const ACTOR = {
  type: 'object',
  required: ['userId', 'role', 'agency'],
  properties: { userId: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' } },
} as const;

const ITEM = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    actionId: { type: 'string' },
    raised: { type: 'boolean' },
    text: { type: 'string' },
    status: { type: 'string' },
    owners: { type: 'array', items: OWNER },
    dueDate: { type: 'string' },
    originMeetingId: { type: 'string' },
    originItemNumber: { type: 'integer' },
    timesCarriedForward: { type: 'integer' },
    raisedAt: { type: 'string' },
    lastUpdate: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        occurredAt: { type: 'string' },
        recordedAt: { type: 'string' },
        actor: ACTOR,
      },
    },
    historyLength: { type: 'integer' },
    revision: { type: 'integer' },
    boardId: { type: ['string', 'null'] },
    overdue: { type: 'boolean' },
  },
} as const;

export const listSchema = {
  querystring: {
    type: 'object',
    properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, cursor: { type: 'string' } },
  },
  response: {
    200: {
      type: 'object',
      properties: { items: { type: 'array', items: ITEM }, nextCursor: { type: ['string', 'null'] } },
    },
  },
} as const;

export type Owner = { kind: 'person' | 'partner' | 'team'; personId?: string; partnerId?: string; name?: string };
/** A type, not an interface: Emmett's event data must be assignable to a record. */
export type RaiseBody = {
  actionId: string;
  meetingId: string;
  itemNumber: number;
  text: string;
  owners: Owner[];
  dueDate?: string;
};
export interface ActionDoc {
  kind: 'action';
  actionId: string;
  raised: true;
  text: string;
  status: 'open' | 'completed' | 'closed' | 'cancelled';
  owners: Owner[];
  dueDate?: string;
  originMeetingId: string;
  originItemNumber: number;
  timesCarriedForward: number;
  raisedAt: string;
  lastUpdate: { type: string; occurredAt: string; recordedAt: string; actor: typeof BENCH_ACTOR };
  historyLength: number;
  revision: number;
}

/** The peers have no authentication: the one actor every change is recorded for. */
export const BENCH_ACTOR = { userId: 'bench-manager', role: 'business-manager', agency: 'bench' };
/** The peers have no meetings register: the bench's one meeting and its board. */
const BOARD_OF: Record<string, string> = { 'bench-m1': 'bench' };

/** The action-log read model's table (one row per action, its document as JSON, keyed for paging). */
export const ACTION_LOG_DDL = 'CREATE TABLE IF NOT EXISTS action_log (action_id TEXT PRIMARY KEY, doc TEXT NOT NULL)';
/** Its LIMIT written as the project writes one, so the peers never pay a re-prepare per page that the project avoids. */
export const LIST_SQL = `SELECT action_id, doc FROM action_log WHERE action_id > ? ORDER BY action_id ${BOUND_LIMIT}`;

export function raisedDoc(body: RaiseBody, at: string): ActionDoc {
  return {
    kind: 'action',
    actionId: body.actionId,
    raised: true,
    text: body.text,
    status: 'open',
    owners: body.owners,
    dueDate: body.dueDate,
    originMeetingId: body.meetingId,
    originItemNumber: body.itemNumber,
    timesCarriedForward: 0,
    raisedAt: at,
    lastUpdate: { type: 'action-raised', occurredAt: at, recordedAt: at, actor: BENCH_ACTOR },
    historyLength: 1,
    revision: 0,
  };
}

export function progressedDoc(doc: ActionDoc, at: string): ActionDoc {
  return {
    ...doc,
    lastUpdate: { type: 'action-progress-noted', occurredAt: at, recordedAt: at, actor: BENCH_ACTOR },
    historyLength: doc.historyLength + 1,
    revision: doc.revision + 1,
  };
}

/** A row of the action_log table, as LIST_SQL returns it. */
export type ActionLogRow = { action_id: string; doc: string };

/** What a peer does for each route, synchronously (the floor) or not (Emmett); the HTTP side is shared. */
export interface PeerStore {
  /** Raises the action in a new stream; answers the stream's revision. */
  raise(body: RaiseBody): number | Promise<number>;
  /** Notes progress (404 unknown, 409 not open); answers the stream's revision. */
  progress(actionId: string, note: string): number | Promise<number>;
  /** LIST_SQL's rows: after the id, `take` of them. */
  list(afterId: string, take: number): ActionLogRow[] | Promise<ActionLogRow[]>;
}

const then = <T, R>(value: T | Promise<T>, next: (v: T) => R): R | Promise<R> =>
  value instanceof Promise ? value.then(next) : next(value);

/**
 * A peer's Fastify app: the three routes over its store, with the bodies validated by the shared
 * schemas, and an error answered as problem+json with the status `statusOf` finds for it.
 */
export function peerApp<E extends Error>(store: PeerStore, statusOf: (err: E) => number): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler((err: E, _req, reply) => {
    const status = statusOf(err);
    void reply.code(status).type('application/problem+json').send({ status, title: err.message });
  });
  app.post<{ Body: RaiseBody }>('/actions', { schema: raiseSchema }, (req, reply) =>
    then(store.raise(req.body), (revision) => {
      void reply.code(201);
      return { actionId: req.body.actionId, revision };
    }),
  );
  app.post<{ Params: { actionId: string }; Body: { note: string } }>(
    '/actions/:actionId/progress',
    { schema: progressSchema },
    (req) => {
      const { actionId } = req.params;
      return then(store.progress(actionId, req.body.note), (revision) => ({ actionId, revision }));
    },
  );
  app.get<{ Querystring: { limit: number; cursor?: string } }>('/action-log', { schema: listSchema }, (req) => {
    const { limit, cursor } = req.query;
    const page = (rows: ActionLogRow[]) => listPage(rows, limit, new Date().toISOString().slice(0, 10));
    return then(store.list(afterCursor(cursor), limit + 1), page);
  });
  return app;
}

/** A page from rows fetched with LIST_SQL (limit + 1 of them): items with board and overdue, and the cursor. */
export function listPage(rows: ActionLogRow[], limit: number, today: string) {
  const page = rows.slice(0, limit);
  const items = page.map((r) => {
    const doc = JSON.parse(r.doc) as ActionDoc;
    const overdue = doc.status === 'open' && doc.dueDate !== undefined && doc.dueDate < today;
    return { ...doc, boardId: BOARD_OF[doc.originMeetingId] ?? null, overdue };
  });
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? Buffer.from(JSON.stringify({ k: last.action_id })).toString('base64url') : null;
  return { items, nextCursor };
}

export const afterCursor = (cursor: string | undefined): string =>
  cursor === undefined ? '' : String((JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { k: string }).k);

/** Listens on PORT (loopback) and prints the line bench/http-service.ts waits for. */
export async function listen(app: FastifyInstance, what: string): Promise<void> {
  const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
  console.log(`${what} listening on ${url}`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
