import type { NewEvent, StoredEvent } from '../event-envelope';
import { ChainVerifier, verifyEvents } from './chain-verifier';
import { hashEvent, NEW_STREAM_TAIL, sealEvents } from './hash-chain';

const actor = { userId: 'user-amrita', role: 'business-manager', agency: 'warwickshire-cc' };
let seq = 0;

function newEvent(data: unknown = { n: 1 }): NewEvent {
  const id = `evt-${++seq}`;
  return {
    id,
    type: 'decision-recorded',
    schemaVersion: 1,
    data,
    metadata: { actor, correlationId: id, causationId: id, occurredAt: '2022-05-10T10:00:00.000Z' },
  };
}

/** A correctly chained stream of `count` events, not yet placed in a log. */
function chain(streamId: string, count: number): Omit<StoredEvent, 'position'>[] {
  const events = Array.from({ length: count }, (_, i) => newEvent({ i }));
  return sealEvents(streamId, events, NEW_STREAM_TAIL, '2022-05-10T10:00:01.000Z');
}

/** Places events in a global log in the given order, positions 0.. */
function log(events: Omit<StoredEvent, 'position'>[]): StoredEvent[] {
  return events.map((e, position) => ({ ...structuredClone(e), position }));
}

/** What an attacker without any secret can make: a self-consistent event linked to `after`. */
function forge(after: Omit<StoredEvent, 'position'>, revision = after.revision + 1): Omit<StoredEvent, 'position'> {
  const e = newEvent({ forged: true });
  const content = {
    id: e.id,
    streamId: after.streamId,
    revision,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: { ...e.metadata, recordedAt: after.metadata.recordedAt },
  };
  return { ...content, integrity: { prevHash: after.integrity.hash, hash: hashEvent(content, after.integrity.hash) } };
}

describe('ChainVerifier', () => {
  it('passes untouched, interleaved streams and counts what it checked', async () => {
    // given two streams interleaved in the log
    const [a, b] = [chain('case-a', 3), chain('case-b', 2)];
    // when the log is verified
    const report = await verifyEvents(log([a[0], b[0], a[1], b[1], a[2]]));
    // then nothing is wrong
    expect(report).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 5, problems: [] });
  });

  it('names an event whose content was altered after it was sealed', async () => {
    // given a stream whose middle event had its data changed
    const events = log(chain('case-a', 4));
    (events[2].data as { i: number }).i = 42;
    // when verified
    const report = await verifyEvents(events);
    // then that event, and only that event, is named as altered
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'altered', streamId: 'case-a', eventId: events[2].id, revision: 2, position: 2 }),
    ]);
  });

  it('names an event whose metadata (the actor) was altered', async () => {
    const events = log(chain('case-a', 2));
    events[0].metadata.actor.userId = 'someone-else';
    const report = await verifyEvents(events);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'altered', eventId: events[0].id })]);
  });

  it('names the first event after a removed one', async () => {
    // given a stream with revision 2 deleted
    const a = chain('case-a', 5);
    const events = log([a[0], a[1], a[3], a[4]]);
    // when verified
    const report = await verifyEvents(events);
    // then the gap is reported at revision 3, the first event after it
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'removed', eventId: a[3].id, revision: 3, position: 2 }),
    ]);
    expect(report.problems[0].message).toContain('revisions 2..2 are missing');
  });

  it('names the survivor when the first event of a stream was removed', async () => {
    const a = chain('case-a', 3);
    const report = await verifyEvents(log([a[1], a[2]]));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'removed', eventId: a[1].id, revision: 1 })]);
  });

  it('names the event that no longer links when a forged event replaced an original', async () => {
    // given revision 1 replaced by a forgery with a valid hash of its own, linked to revision 0
    const a = chain('case-a', 4);
    const forged = forge(a[0]);
    const events = log([a[0], forged, a[2], a[3]]);
    // when verified
    const report = await verifyEvents(events);
    // then the forgery itself checks out, but revision 2 does not link to it
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'inserted', eventId: a[2].id, revision: 2 })]);
  });

  it('names the original when a forged event claims a revision that already exists', async () => {
    // given a forgery spliced in before revision 1, claiming revision 1
    const a = chain('case-a', 3);
    const events = log([a[0], forge(a[0]), a[1], a[2]]);
    // when verified
    const report = await verifyEvents(events);
    // then revision 1 is seen twice: the chain breaks at the second copy
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'inserted', eventId: a[1].id, revision: 1, position: 2 }),
    ]);
  });

  it('reports two events swapped in the log as reordered, naming the one that came early', async () => {
    // given revisions 1 and 2 in the wrong log order
    const a = chain('case-a', 4);
    const events = log([a[0], a[2], a[1], a[3]]);
    // when verified
    const report = await verifyEvents(events);
    // then it is reordering, not removal
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'reordered', eventId: a[2].id, revision: 2, position: 1 }),
    ]);
  });

  it('reports an event moved to the end of the log as reordered', async () => {
    const a = chain('case-a', 4);
    const report = await verifyEvents(log([a[0], a[2], a[3], a[1]]));
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'reordered', eventId: a[2].id })]);
  });

  it('checks streams independently: one broken stream neither hides nor breaks another', async () => {
    // given three interleaved streams, the first and third tampered with differently
    const [a, b, c] = [chain('case-a', 3), chain('case-b', 3), chain('case-c', 3)];
    const events = log([a[0], b[0], c[0], a[1], b[1], c[2], a[2], b[2]]);
    (events[3].data as { i: number }).i = 7; // a[1] altered
    // when verified
    const report = await verifyEvents(events);
    // then both broken streams are named, in log order, and the clean one is not
    expect(report).toMatchObject({ ok: false, streamsChecked: 3, eventsChecked: 8 });
    expect(report.problems.map((p) => [p.kind, p.streamId, p.eventId])).toEqual([
      ['altered', 'case-a', a[1].id],
      ['removed', 'case-c', c[2].id],
    ]);
  });

  it('reports only the first problem of a broken stream', async () => {
    const a = chain('case-a', 4);
    const events = log(a);
    (events[1].data as { i: number }).i = 9;
    (events[3].data as { i: number }).i = 9;
    expect((await verifyEvents(events)).problems).toHaveLength(1);
  });

  it('can be fed event by event, as a store is paged through', () => {
    const verifier = new ChainVerifier();
    for (const e of log(chain('case-a', 3))) verifier.check(e);
    expect(verifier.report().ok).toBe(true);
  });
});
