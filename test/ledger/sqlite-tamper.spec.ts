import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashEvent } from '../../src/ledger/integrity/hash-chain';
import { verifyStore } from '../../src/ledger/integrity/verify-store';
import { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { ManualClock } from '../../src/shared/clock';
import { newEvents } from '../support/events';

interface EventRow {
  position: number; stream_id: string; revision: number; event_id: string; type: string;
  schema_version: number; data: string; metadata: string; prev_hash: string; hash: string;
}

/**
 * The attacker here has the file and knows the hashing scheme, but holds no secret, so every
 * edit below must leave some chain broken and the verifier must name where.
 *
 * Not covered, on purpose: deleting the LAST event(s) of a stream, or appending a forged event
 * (or rewriting a whole suffix) with correctly recomputed hashes, leaves every per-stream chain
 * valid. A chain alone cannot see truncation or a consistent rewrite; the signed ledger digests
 * (a later issue) anchor the tail hashes outside the file and cover that.
 */
describe('SQLite ledger file tampered with outside the application', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-tamper-'));
    file = join(dir, 'ledger.sqlite');
    const store = new SqliteEventStore({ file }, new ManualClock());
    await store.append('case-1', newEvents(5), 'no_stream');
    await store.append('case-2', newEvents(3), 'no_stream');
    await store.append('case-1', newEvents(2), 4);
    await store.append('meeting-1', newEvents(4, 'meeting-held'), 'no_stream');
    await store.close();
    // Every case starts from a file that verifies clean, so the problem found is the edit's doing.
    expect(await verify()).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 14, problems: [] });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verify(streamId?: string) {
    const store = new SqliteEventStore({ file }, new ManualClock());
    try {
      return await verifyStore(store, streamId);
    } finally {
      await store.close();
    }
  }

  /** Edits the file through its own connection, as someone with a sqlite3 shell would. */
  function tamper(edit: (db: Database.Database, row: (streamId: string, revision: number) => EventRow) => void): void {
    const db = new Database(file);
    const row = (s: string, r: number) => db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision = ?').get(s, r) as EventRow;
    try {
      db.transaction(() => edit(db, row))();
    } finally {
      db.close();
    }
  }

  /** Adds 1 to `column` for the matching rows without tripping its uniqueness halfway (via negatives). */
  function shiftUp(db: Database.Database, column: 'position' | 'revision', where: string, ...params: unknown[]): void {
    db.prepare(`UPDATE events SET ${column} = -(${column} + 1) WHERE ${where}`).run(...params);
    db.prepare(`UPDATE events SET ${column} = -${column} WHERE ${column} < 0`).run();
  }

  it('(a) names the event whose data JSON was changed', async () => {
    let target!: EventRow;
    tamper((db, row) => {
      target = row('case-1', 3);
      db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify({ i: 300 }), target.event_id);
    });
    const expected = expect.objectContaining({ kind: 'altered', streamId: 'case-1', eventId: target.event_id, revision: 3, position: target.position });
    expect(await verify()).toMatchObject({ ok: false, problems: [expected] });
    expect((await verify('case-1')).problems).toEqual([expected]);
  });

  it('(b) names the first event after one deleted from the middle of a stream', async () => {
    let next!: EventRow;
    tamper((db, row) => {
      db.prepare('DELETE FROM events WHERE event_id = ?').run(row('case-1', 2).event_id);
      next = row('case-1', 3);
    });
    expect((await verify()).problems).toEqual([
      expect.objectContaining({ kind: 'removed', streamId: 'case-1', eventId: next.event_id, revision: 3 }),
    ]);
  });

  it('(c) names the event moved ahead when two events of a stream swap places in the log', async () => {
    let early!: EventRow;
    tamper((db, row) => {
      const [r1, r6] = [row('case-1', 1), row('case-1', 6)];
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(r1.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(r1.position, r6.position);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(r6.position);
      early = { ...r6, position: r1.position };
    });
    expect((await verify()).problems).toEqual([
      expect.objectContaining({ kind: 'reordered', streamId: 'case-1', eventId: early.event_id, revision: 6, position: early.position }),
    ]);
  });

  it('(d) names the original pushed along when a forged event is spliced into a stream', async () => {
    let displaced!: EventRow;
    tamper((db, row) => {
      const [before, original] = [row('case-1', 1), row('case-1', 2)];
      displaced = original;
      // UNIQUE(stream_id, revision) and the position key leave no room: the attacker must move
      // the later events up one revision and one position, then sign the forgery with hashEvent.
      shiftUp(db, 'revision', 'stream_id = ? AND revision >= 2', 'case-1');
      shiftUp(db, 'position', 'position >= ?', original.position);
      insertForged(db, before, original.position, 2);
    });
    // The forgery links to revision 1; the original's revision is part of its hash, so it no longer matches.
    expect((await verify()).problems).toEqual([
      expect.objectContaining({ kind: 'altered', streamId: 'case-1', eventId: displaced.event_id, revision: 3, position: displaced.position + 1 }),
    ]);
  });

  it('(d) names the next event when a forged event with its own valid hash replaces an original', async () => {
    let next!: EventRow;
    tamper((db, row) => {
      const [before, original] = [row('case-1', 1), row('case-1', 2)];
      next = row('case-1', 3);
      db.prepare('DELETE FROM events WHERE event_id = ?').run(original.event_id);
      insertForged(db, before, original.position, 2);
    });
    // The forgery verifies on its own, but revision 3 still points at the hash of the real revision 2.
    expect((await verify()).problems).toEqual([
      expect.objectContaining({ kind: 'inserted', streamId: 'case-1', eventId: next.event_id, revision: 3 }),
    ]);
  });

  /** A self-consistent event chained onto `before`: the best an attacker without a secret can do. */
  function insertForged(db: Database.Database, before: EventRow, position: number, revision: number): void {
    const metadata = JSON.parse(before.metadata);
    const content = { id: 'forged-1', streamId: before.stream_id, revision, type: 'decision-recorded', schemaVersion: 1, data: { approved: true }, metadata };
    const hash = hashEvent(content, before.hash);
    db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      position, content.streamId, revision, content.id, content.type, 1, JSON.stringify(content.data), before.metadata, before.hash, hash,
    );
  }
});
