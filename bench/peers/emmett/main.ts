/**
 * The Emmett peer of `npm run bench:http`: the same action commands and action-log read as the
 * project, written the way Emmett 0.42's documentation writes an app: a CommandHandler (load the
 * stream, decide on its state, append with the expected stream version, retried on a version
 * conflict) over getSQLiteEventStore, and an inline SQLite projection that keeps the read model's
 * table in the append's own transaction. Fastify with JSON-schema validation; no auth (see
 * action-peer.ts). Env: DATA_DIR, PORT.
 *
 * Durability: emmett-sqlite (on the sqlite3 package) sets only `PRAGMA journal_mode = WAL` on each
 * connection it opens; synchronous stays at that build's default, DEFAULT_WAL_SYNCHRONOUS=2, i.e.
 * FULL, the same as the project's. Checked at start-up below (it refuses to start otherwise).
 *
 * Connections: given only a file name, Emmett's pool opens a connection per operation with no busy
 * timeout, so concurrent commands fail at once with SQLITE_BUSY (3 of 4 concurrent progress notes
 * did, tried by hand); and one shared connection is no better, since its transaction nesting counter
 * would let one request's COMMIT cover another's writes. So the store gets a pool of one connection
 * lent to one operation at a time (SQLite has one writer anyway), and the list is read through a
 * second long-lived connection (Emmett has no read API for a SQLite projection's table).
 */
import { CommandHandler, EmmettError, type Event } from '@event-driven-io/emmett';
import {
  getSQLiteEventStore,
  sqliteConnection,
  sqliteProjection,
  type SQLiteConnectionPool,
} from '@event-driven-io/emmett-sqlite';
import { join } from 'node:path';
import {
  ACTION_LOG_DDL,
  LIST_SQL,
  listen,
  peerApp,
  progressedDoc,
  raisedDoc,
  type ActionDoc,
  type ActionLogRow,
  type RaiseBody,
} from '../action-peer';

type ActionRaised = Event<'action-raised', RaiseBody & { at: string }>;
type ProgressNoted = Event<'action-progress-noted', { actionId: string; note: string; at: string }>;
type ActionEvent = ActionRaised | ProgressNoted;
interface ActionState {
  status: 'none' | 'open';
  progressNotes: number;
}

const evolve = (state: ActionState, event: ActionEvent): ActionState =>
  event.type === 'action-raised'
    ? { status: 'open', progressNotes: 0 }
    : { ...state, progressNotes: state.progressNotes + 1 };
const handle = CommandHandler<ActionState, ActionEvent>({
  evolve,
  initialState: () => ({ status: 'none', progressNotes: 0 }),
  mapToStreamId: (id) => `action-${id}`,
  retry: { onVersionConflict: true }, // two notes on one stream at once: the second is decided again
});

const actionLog = sqliteProjection<ActionEvent>({
  canHandle: ['action-raised', 'action-progress-noted'],
  init: async ({ context }) => {
    await context.connection.command(ACTION_LOG_DDL);
  },
  handle: async (events, { connection }) => {
    for (const event of events) {
      if (event.type === 'action-raised') {
        const doc = raisedDoc(event.data, event.data.at);
        await connection.command('INSERT INTO action_log (action_id, doc) VALUES (?, ?)', [
          doc.actionId,
          JSON.stringify(doc),
        ]);
      } else {
        const row = await connection.querySingle<{ doc: string }>('SELECT doc FROM action_log WHERE action_id = ?', [
          event.data.actionId,
        ]);
        const doc = progressedDoc(JSON.parse(row!.doc) as ActionDoc, event.data.at);
        await connection.command('UPDATE action_log SET doc = ? WHERE action_id = ?', [
          JSON.stringify(doc),
          doc.actionId,
        ]);
      }
    }
  },
});

const fileName = join(process.env.DATA_DIR ?? '.', 'emmett.db');
/** One connection, lent to one operation at a time, in arrival order. */
function oneConnectionPool(): SQLiteConnectionPool {
  const connection = sqliteConnection({ fileName });
  let tail: Promise<unknown> = Promise.resolve();
  return {
    connection: () => Promise.resolve(connection),
    withConnection: (handler) => {
      const turn = tail.then(() => handler(connection));
      tail = turn.catch(() => undefined);
      return turn;
    },
    close: () => Promise.resolve(connection.close()),
  };
}
const store = getSQLiteEventStore({
  fileName,
  pool: oneConnectionPool(),
  projections: [{ type: 'inline', projection: actionLog }],
});
/**
 * Opened once the store has made the schema (main): emmett-sqlite sets `journal_mode = WAL` as each
 * connection opens, and with no busy timeout a connection opened beside the store's schema creation
 * died with SQLITE_BUSY on a loaded machine (the peer then exits and the bench fails).
 */
let reads: ReturnType<typeof sqliteConnection>;

const app = peerApp(
  {
    async raise(body) {
      const at = new Date().toISOString();
      const result = await handle(store, body.actionId, (state) => {
        if (state.status !== 'none') throw new EmmettError({ errorCode: 409, message: 'Action exists' });
        return { type: 'action-raised', data: { ...body, at } };
      });
      return Number(result.nextExpectedStreamVersion) - 1;
    },
    async progress(actionId, note) {
      const at = new Date().toISOString();
      const result = await handle(store, actionId, (state) => {
        if (state.status === 'none') throw new EmmettError({ errorCode: 404, message: 'No such action' });
        return { type: 'action-progress-noted', data: { actionId, note, at } };
      });
      return Number(result.nextExpectedStreamVersion) - 1;
    },
    list: (afterId, take) => reads.query<ActionLogRow>(LIST_SQL, [afterId, take]),
  },
  (err: Error & { statusCode?: number; errorCode?: number }) => err.errorCode ?? err.statusCode ?? 500,
);

async function main(): Promise<void> {
  // The schema and the projection's table exist before the first read (an append would also create them).
  await store.streamExists('action-none');
  reads = sqliteConnection({ fileName });
  await reads.command('PRAGMA busy_timeout = 5000');
  const sync = await reads.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  if (sync?.synchronous !== 2)
    throw new Error(`emmett-sqlite connections run synchronous=${sync?.synchronous}, not FULL (2)`);
  await listen(app, 'emmett');
}
void main();
