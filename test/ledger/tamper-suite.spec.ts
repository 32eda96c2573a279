import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { eventLeafHash, rootOfLeafHashes, StreamHeadsTree, toHex } from '../../src/ledger/integrity/merkle';
import { signDigest } from '../../src/ledger/digests/digest-signature';
import { digestIdFor } from '../../src/ledger/digests/ledger-digest';
import { computeLogHash } from '../../src/ledger/digests/log-hash';
import {
  cutWal,
  type EventRow,
  insertChained,
  makeKey,
  rewriteAndRechain,
  shiftUp,
  TamperLedger,
} from './tamper-support';

/*
 * Issue 12's tamper table, applied by someone with the stopped service's files and a sqlite3 shell
 * who knows the hashing scheme but holds no signing key. The ledger is written by the service's own
 * code and holds two signed digests; the partnership has published the latest (D2) with its key.
 *
 *   positions 1-14   case-1 r0-4, case-2 r0-2, case-1 r5-6, meeting-1 r0-3
 *   position  15     digest D1 (covers 1-14)           <- backup-after-d1.sqlite taken here
 *   positions 16-21  case-3 r0-2, case-2 r3-4, meeting-1 r4
 *   position  22     digest D2 (covers 1-21), published
 *
 * Every tampering must make verify-store exit 1 and name it (what, stream, position, digest) when
 * held to the published digest; the second table says which the ledger file alone reveals.
 */
describe('tamper suite: verify-store on a ledger holding signed digests', () => {
  let l: TamperLedger;
  let d1: SignedDigest;
  let d2: SignedDigest;
  let published: string[];
  let backup: string;
  let runningCopy: { file: string; wal: string };

  beforeEach(async () => {
    l = new TamperLedger();
    await l.append('case-1', 5);
    await l.append('case-2', 3);
    await l.append('case-1', 2);
    await l.append('meeting-1', 4, 'meeting-held');
    d1 = await l.recordDigest();
    await l.stop();
    backup = l.backup('backup-after-d1.sqlite');
    await l.restart();
    await l.append('case-3', 3);
    await l.append('case-2', 2);
    await l.append('meeting-1', 1, 'meeting-held');
    d2 = await l.recordDigest();
    // An operator copying the data directory of the running service: file and WAL (since restart).
    runningCopy = l.copyWithWal('running-copy.sqlite');
    await l.stop();
    const { digestFile, keyFile } = l.publish(d2);
    published = ['--digest', digestFile, '--public-key', keyFile];
    expect([d1.position, d1.eventCount, d1.treeSize, d2.position, d2.eventCount, d2.treeSize]).toEqual([
      14, 14, 14, 21, 21, 21,
    ]);
  });

  afterEach(() => l.remove());

  const row = (s: string, r: number) => l.rows().find((e) => e.stream_id === s && e.revision === r)!;
  const at = (e: EventRow) => ({
    streamId: e.stream_id,
    eventId: e.event_id,
    revision: e.revision,
    position: e.position,
  });
  const digestProblem = (kind: string, d: SignedDigest, digestSource = 'ledger') =>
    expect.objectContaining({ kind, digestId: d.digestId, digestSource });

  async function expectNamed(expected: unknown[], args = published, file?: string) {
    const { code, report } = await l.verify(args, file);
    expect(report.verdict).toBe('TAMPERED');
    expect(code).toBe(1);
    expect(report.problems).toEqual(expect.arrayContaining(expected as object[]));
    return report;
  }

  it('given the untouched ledger, when verified alone, beside its log tree and against the published digest, then it is VALID (exit 0) and every digest checks', async () => {
    const alone = await l.verify(['--no-log-tree']);
    expect(alone).toMatchObject({
      code: 0,
      report: { verdict: 'VALID', eventsChecked: 22, lastPosition: 22, keyPinned: false, logTree: null, problems: [] },
    });
    expect(alone.report.digests).toEqual([
      expect.objectContaining({ digestId: 'head-14', ok: true }),
      expect.objectContaining({ digestId: 'head-21', ok: true }),
    ]);
    const held = await l.verify(published);
    expect(held).toMatchObject({
      code: 0,
      report: { verdict: 'VALID', keyPinned: true, logTree: expect.stringMatching(/log-tree\.sqlite$/), problems: [] },
    });
    expect(held.report.digests).toEqual(
      expect.arrayContaining([expect.objectContaining({ digestId: 'log-tree', treeSize: 22, ok: true })]),
    );
    expect(held.report.digests).toHaveLength(4);
  });

  describe('each tampering of the table is named, held to the published digest', () => {
    it("given an event's data edited, then the event is named 'altered'", async () => {
      const target = row('case-1', 3);
      l.tamper((db) => db.prepare('UPDATE events SET data = ? WHERE position = ?').run('{"i":300}', target.position));
      await expectNamed([expect.objectContaining({ kind: 'altered', ...at(target) })]);
    });

    it("given an event's actor edited, then the event is named 'altered'", async () => {
      const target = row('case-2', 1);
      const metadata = JSON.parse(target.metadata);
      metadata.actor = { ...metadata.actor, userId: 'someone-else' };
      l.tamper((db) =>
        db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(JSON.stringify(metadata), target.position),
      );
      await expectNamed([expect.objectContaining({ kind: 'altered', ...at(target) })]);
    });

    it('given an event deleted mid-stream, then the gap, the next event of the stream and both digests are named', async () => {
      const [gone, next] = [row('case-1', 2), row('case-1', 3)];
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = ?').run(gone.position));
      await expectNamed([
        expect.objectContaining({ kind: 'removed', ...at(next) }),
        expect.objectContaining({ kind: 'positions-missing', ...at(next) }),
        digestProblem('digest-mismatch', d1),
        digestProblem('digest-mismatch', d2),
        digestProblem('digest-mismatch', d2, published[1]),
      ]);
    });

    it('given two events of a stream swapped in the log, then the one moved ahead is named and the digests fail', async () => {
      const [r1, r6] = [row('case-1', 1), row('case-1', 6)];
      l.tamper((db) => {
        db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(r1.position);
        db.prepare('UPDATE events SET position = ? WHERE position = ?').run(r1.position, r6.position);
        db.prepare('UPDATE events SET position = ? WHERE position = -1').run(r6.position);
      });
      await expectNamed([
        expect.objectContaining({
          kind: 'reordered',
          streamId: 'case-1',
          eventId: r6.event_id,
          revision: 6,
          position: r1.position,
        }),
        digestProblem('digest-mismatch', d1),
        digestProblem('digest-mismatch', d2),
      ]);
    });

    it('given the last event of a stream deleted, then the missing position and the digest covering it are named', async () => {
      const gone = row('case-3', 2);
      const next = l.rows().find((e) => e.position > gone.position)!;
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = ?').run(gone.position));
      const report = await expectNamed([
        expect.objectContaining({
          kind: 'positions-missing',
          ...at(next),
          message: expect.stringContaining(`positions ${gone.position} to ${gone.position}`),
        }),
        digestProblem('digest-mismatch', d2),
        digestProblem('digest-mismatch', d2, published[1]),
      ]);
      // D1 still verifies, which brackets the loss: after D1's position, at or before D2's.
      expect(report.digests.find((d) => d.digestId === d1.digestId)).toMatchObject({ ok: true });
      expect(report.problems.find((p) => p.kind === 'digest-mismatch')!.message).toContain(
        `after position ${d1.position}`,
      );
    });

    it('given the last event of the log deleted (the digest record itself), then the published digest is named as not recorded', async () => {
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = 22').run());
      await expectNamed([digestProblem('digest-not-recorded', d2, published[1])]);
    });

    it('given the last event a digest covers deleted, then the missing position and the digest are named', async () => {
      const gone = row('meeting-1', 4);
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = ?').run(gone.position));
      await expectNamed([
        expect.objectContaining({ kind: 'positions-missing', streamId: 'digest-head-21', position: 22 }),
        digestProblem('digest-mismatch', d2),
        digestProblem('digest-mismatch', d2, published[1]),
      ]);
    });

    it('given a whole stream deleted, then the missing positions and the digest covering them are named', async () => {
      const first = row('case-3', 0);
      const next = row('case-2', 3);
      l.tamper((db) => db.prepare("DELETE FROM events WHERE stream_id = 'case-3'").run());
      await expectNamed([
        expect.objectContaining({
          kind: 'positions-missing',
          ...at(next),
          message: expect.stringContaining(`positions ${first.position} to ${next.position - 1}`),
        }),
        digestProblem('digest-mismatch', d2),
        digestProblem('digest-mismatch', d2, published[1]),
      ]);
    });

    it('given a forged event appended to a stream with a correctly computed hash (later positions moved up), then the digest covering it is named', async () => {
      const tail = row('case-1', 6);
      const room = row('case-2', 3).position;
      l.tamper((db) => {
        shiftUp(db, 'position', 'position >= ?', room);
        insertChained(db, tail, room);
      });
      const report = await expectNamed([
        digestProblem('digest-mismatch', d2),
        digestProblem('digest-mismatch', d2, published[1]),
      ]);
      // Chains and positions are all consistent: only the signed digest reveals the forgery.
      expect(report.problems.every((p) => p.kind === 'digest-mismatch')).toBe(true);
    });

    it('given an event rewritten and the rest of its stream re-chained, then every digest covering it is named', async () => {
      l.tamper((db) => rewriteAndRechain(db, 'case-2', 1, { i: 'rewritten' }));
      const report = await expectNamed([
        digestProblem('digest-mismatch', d1),
        digestProblem('digest-mismatch', d2),
        digestProblem('digest-mismatch', d2, published[1]),
      ]);
      expect(report.problems.every((p) => p.kind === 'digest-mismatch')).toBe(true);
    });

    it('given a rewrite whose digests are re-signed with another key and re-recorded, then the pinned key names every recorded digest', async () => {
      const forger = makeKey();
      l.tamper((db) => {
        rewriteAndRechain(db, 'case-2', 1, { i: 'rewritten' });
        for (const d of [d1, d2]) {
          const covered = db
            .prepare('SELECT stream_id, revision, hash FROM events WHERE position <= ? ORDER BY position')
            .all(d.position) as EventRow[];
          const treeRoot = toHex(
            rootOfLeafHashes(
              covered.map((r) =>
                eventLeafHash({ streamId: r.stream_id, revision: r.revision, integrity: { hash: r.hash } }),
              ),
            ),
          );
          // Every commitment the forger can recompute: log hash, tree root and stream-heads root.
          const heads = StreamHeadsTree.of(
            new Map(covered.map((r) => [r.stream_id, { revision: r.revision, hash: r.hash }])),
          );
          expect(d.streamHeadsSize).toBe(heads.size);
          const forged = signDigest(
            {
              ...d,
              logHash: computeLogHash(covered.map((r) => r.hash)),
              treeRoot,
              streamHeadsRoot: toHex(heads.root()),
            },
            forger.privateKey,
          );
          db.prepare('UPDATE events SET data = ? WHERE stream_id = ?').run(
            JSON.stringify(forged),
            `digest-${digestIdFor(d.position)}`,
          );
          rewriteAndRechain(db, `digest-${d.digestId}`, 0, forged);
        }
      });
      // The ledger alone cannot tell the forger's digests from the partnership's...
      expect(await l.verify(['--no-log-tree'])).toMatchObject({
        code: 0,
        report: { verdict: 'VALID', keyPinned: false },
      });
      // ...the service's log tree beside it can, while it is intact...
      expect((await l.verify()).report.problems).toEqual([
        expect.objectContaining({ kind: 'digest-mismatch', digestId: 'log-tree' }),
      ]);
      // ...the published key and digest can.
      await expectNamed([
        digestProblem('digest-key-not-pinned', d1),
        digestProblem('digest-key-not-pinned', d2),
        digestProblem('digest-mismatch', d2, published[1]),
      ]);
    });

    it('given the WAL cut after acknowledged writes, then the published digest names the log cut short', async () => {
      const { framesBefore } = cutWal(runningCopy.wal, 1);
      expect(framesBefore).toBeGreaterThan(1);
      const report = await expectNamed(
        [digestProblem('digest-not-recorded', d2, published[1]), digestProblem('log-cut-short', d2, published[1])],
        published,
        runningCopy.file,
      );
      expect(report.eventsChecked).toBeLessThan(22);
    });

    it('given the ledger copied without its WAL, then the published digest names the log cut short', async () => {
      const { rmSync } = await import('node:fs');
      rmSync(runningCopy.wal);
      const report = await expectNamed([digestProblem('log-cut-short', d2, published[1])], published, runningCopy.file);
      expect(report).toMatchObject({ eventsChecked: 15, lastPosition: 15 });
    });

    it('given an older backup restored, then the published digest names the log cut short and how much is gone', async () => {
      const report = await expectNamed(
        [
          expect.objectContaining({
            kind: 'log-cut-short',
            digestId: d2.digestId,
            message: expect.stringContaining(
              'covers 21 events up to position 21, but the log holds 15 events ending at position 15',
            ),
          }),
          digestProblem('digest-not-recorded', d2, published[1]),
        ],
        published,
        backup,
      );
      expect(report.digests.find((d) => d.digestId === d1.digestId)).toMatchObject({ ok: true });
    });
  });

  describe('what the ledger file alone reveals, without a published digest or the log tree', () => {
    it.each([
      [
        'the data of an event edited',
        (x: TamperLedger) => x.tamper((db) => db.prepare("UPDATE events SET data = '{}' WHERE position = 4").run()),
      ],
      [
        'an event deleted mid-stream',
        (x: TamperLedger) => x.tamper((db) => db.prepare('DELETE FROM events WHERE position = 3').run()),
      ],
      [
        'the last event of a stream deleted',
        (x: TamperLedger) => x.tamper((db) => db.prepare('DELETE FROM events WHERE position = 18').run()),
      ],
      [
        'a whole stream deleted',
        (x: TamperLedger) => x.tamper((db) => db.prepare("DELETE FROM events WHERE stream_id = 'case-3'").run()),
      ],
      [
        'an event rewritten and its stream re-chained',
        (x: TamperLedger) => x.tamper((db) => rewriteAndRechain(db, 'case-2', 1, { i: 'x' })),
      ],
    ])('given %s, then the recorded digests or the chains name it (exit 1)', async (_name, edit) => {
      edit(l);
      const { code, report } = await l.verify(['--no-log-tree']);
      expect(code).toBe(1);
      expect(report.problems.length).toBeGreaterThan(0);
    });

    it('given the log put back to an earlier state of itself (digest record deleted, WAL cut, old backup), then it verifies VALID: only a published digest or the log tree reveals it', async () => {
      const { rmSync } = await import('node:fs');
      rmSync(runningCopy.wal);
      expect((await l.verify(['--no-log-tree'], backup)).code).toBe(0);
      expect((await l.verify(['--no-log-tree'], runningCopy.file)).code).toBe(0);
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = 22').run());
      expect((await l.verify(['--no-log-tree'])).code).toBe(0);
    });

    it('given the same three, beside the log tree the service kept (unsigned, so only while nobody deleted or rebuilt it), then it names the ledger cut short', async () => {
      const { rmSync } = await import('node:fs');
      rmSync(runningCopy.wal);
      const cut = expect.objectContaining({
        kind: 'log-cut-short',
        digestId: 'log-tree',
        message: expect.stringContaining('the log tree file'),
      });
      for (const file of [backup, runningCopy.file]) {
        const { code, report } = await l.verify([], file);
        expect(code).toBe(1);
        expect(report.problems).toEqual([cut]);
      }
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = 22').run());
      expect((await l.verify()).report.problems).toEqual([cut]);
    });
  });
});
