/**
 * The floor of `npm run bench:http`: a bare Fastify app doing the project's SQLite work with
 * better-sqlite3 and nothing else (no framework, no event-store library, no auth). A command is one
 * BEGIN IMMEDIATE transaction (read the stream's events, fold them, check the rule, insert the event
 * with the next version under a unique (stream, version), update the read model's row) committed
 * with journal_mode=WAL and synchronous=FULL before the answer. Env: DATA_DIR, PORT.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as peer from '../action-peer';

const db = new Database(join(process.env.DATA_DIR ?? '.', 'floor.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, version INTEGER NOT NULL,
  type TEXT NOT NULL, data TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream, version))`);
db.exec(peer.ACTION_LOG_DDL);
const stmt = {
  stream: db.prepare('SELECT version, type FROM events WHERE stream = ? ORDER BY version'),
  append: db.prepare('INSERT INTO events (stream, version, type, data, recorded_at) VALUES (?, ?, ?, ?, ?)'),
  doc: db.prepare('SELECT doc FROM action_log WHERE action_id = ?').pluck(),
  putDoc: db.prepare('INSERT OR REPLACE INTO action_log (action_id, doc) VALUES (?, ?)'),
  list: db.prepare(peer.LIST_SQL),
};

class Refused extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

/** Load the stream, decide with its state, append at the next version and project, in one transaction. */
const command = db.transaction(
  (actionId: string, decide: (open: boolean | undefined) => { type: string; data: object }, at: string) => {
    const events = stmt.stream.all(`action-${actionId}`) as { version: number; type: string }[];
    const open = events.length === 0 ? undefined : events.every((e) => e.type !== 'action-closed');
    const event = decide(open);
    stmt.append.run(`action-${actionId}`, events.length, event.type, JSON.stringify(event.data), at);
    const json = stmt.doc.get(actionId) as string | undefined;
    const doc =
      event.type === 'action-raised'
        ? peer.raisedDoc(event.data as peer.RaiseBody, at)
        : peer.progressedDoc(JSON.parse(json!) as peer.ActionDoc, at);
    stmt.putDoc.run(actionId, JSON.stringify(doc));
    return events.length;
  },
);

const app = peer.peerApp(
  {
    raise(body) {
      command.immediate(
        body.actionId,
        (open) => {
          if (open !== undefined) throw new Refused(409);
          return { type: 'action-raised', data: body };
        },
        new Date().toISOString(),
      );
      return 0;
    },
    progress: (actionId, note) =>
      command.immediate(
        actionId,
        (open) => {
          if (open === undefined) throw new Refused(404);
          if (!open) throw new Refused(409);
          return { type: 'action-progress-noted', data: { actionId, note } };
        },
        new Date().toISOString(),
      ),
    list: (afterId, take) => stmt.list.all(afterId, take) as peer.ActionLogRow[],
  },
  (err: Error & { statusCode?: number }) => (err instanceof Refused ? err.status : (err.statusCode ?? 500)),
);

void peer.listen(app, 'floor');
