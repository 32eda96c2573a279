import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyStore } from '../../src/ledger/integrity/verify-store';
import { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { ManualClock } from '../../src/shared/clock';
import { newEvents } from '../support/events';
import { insertChained, shiftUp, tamperFile, type EventRow, type TamperEdit } from './tamper-support';

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

  const tamper = (edit: TamperEdit) => tamperFile(file, edit);

  async function verify(streamId?: string) {
    const store = new SqliteEventStore({ file }, new ManualClock());
    try {
      return await verifyStore(store, streamId);
    } finally {
      await store.close();
    }
  }

  it('(a) names the event whose data JSON was changed', async () => {
    let target!: EventRow;
    tamper((db, row) => {
      target = row('case-1', 3);
      db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify({ i: 300 }), target.event_id);
    });
    const expected = expect.objectContaining({
      kind: 'altered',
      streamId: 'case-1',
      eventId: target.event_id,
      revision: 3,
      position: target.position,
    });
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
      expect.objectContaining({
        kind: 'reordered',
        streamId: 'case-1',
        eventId: early.event_id,
        revision: 6,
        position: early.position,
      }),
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
      insertChained(db, before, original.position);
    });
    // The forgery links to revision 1; the original's revision is part of its hash, so it no longer matches.
    expect((await verify()).problems).toEqual([
      expect.objectContaining({
        kind: 'altered',
        streamId: 'case-1',
        eventId: displaced.event_id,
        revision: 3,
        position: displaced.position + 1,
      }),
    ]);
  });

  it('(d) names the next event when a forged event with its own valid hash replaces an original', async () => {
    let next!: EventRow;
    tamper((db, row) => {
      const [before, original] = [row('case-1', 1), row('case-1', 2)];
      next = row('case-1', 3);
      db.prepare('DELETE FROM events WHERE event_id = ?').run(original.event_id);
      insertChained(db, before, original.position);
    });
    // The forgery verifies on its own, but revision 3 still points at the hash of the real revision 2.
    expect((await verify()).problems).toEqual([
      expect.objectContaining({ kind: 'inserted', streamId: 'case-1', eventId: next.event_id, revision: 3 }),
    ]);
  });
});
