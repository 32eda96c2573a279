import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { insertChained, rewriteAndRechain, TamperLedger } from './tamper-support';

/*
 * README "Verifying the ledger", events after the last digest: each statement made there, shown.
 * The ledger holds a digest D (recorded, and published with the partnership's key) covering
 * positions 1-8; D's record is position 9; six events follow it (positions 10-15) that no digest
 * covers yet:
 *   10-11 case-1 r5-6, 12-14 case-4 r0-2, 15 case-2 r3
 */
describe('tamper suite: events after the last digest (what verify-store can and cannot see)', () => {
  let l: TamperLedger;
  let d: SignedDigest;
  let published: string[];

  beforeEach(async () => {
    l = new TamperLedger();
    await l.append('case-1', 5);
    await l.append('case-2', 3);
    d = await l.recordDigest();
    await l.append('case-1', 2);
    await l.append('case-4', 3);
    await l.append('case-2', 1);
    await l.stop();
    const files = l.publish(d);
    published = ['--digest', files.digestFile, '--public-key', files.keyFile];
    expect([d.position, l.rows().at(-1)!.position]).toEqual([8, 15]);
    expect((await l.verify(published)).code).toBe(0);
  });
  afterEach(() => l.remove());

  // The statements of the README's table: the ledger and the published digest, not the service's unsigned log tree.
  const verify = () => l.verify([...published, '--no-log-tree']);
  const kinds = async () => (await verify()).report.problems.map((p) => p.kind);

  describe('caught: the hash chains and the dense SQLite positions need no digest', () => {
    it('given an event after the digest edited in place, then it is named altered', async () => {
      l.tamper((db) => db.prepare('UPDATE events SET data = \'{"i":9}\' WHERE position = 13').run());
      expect((await verify()).report.problems).toEqual([
        expect.objectContaining({ kind: 'altered', streamId: 'case-4', revision: 1, position: 13 }),
      ]);
    });

    it('given an event after the digest deleted from the middle of its stream, then the stream and the gap are named', async () => {
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = 12').run());
      expect(await kinds()).toEqual(['removed', 'positions-missing']);
    });

    it('given the last event of a stream (not of the log) deleted after the digest, then the missing position is named', async () => {
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position = 11').run());
      expect((await verify()).report.problems).toEqual([
        expect.objectContaining({
          kind: 'positions-missing',
          streamId: 'case-4',
          position: 12,
          message: expect.stringContaining('positions 11 to 11'),
        }),
      ]);
    });

    it('given a whole stream written after the digest deleted, with events after it, then the missing positions are named', async () => {
      l.tamper((db) => db.prepare("DELETE FROM events WHERE stream_id = 'case-4'").run());
      expect((await verify()).report.problems).toEqual([
        expect.objectContaining({
          kind: 'positions-missing',
          streamId: 'case-2',
          position: 15,
          message: expect.stringContaining('positions 12 to 14'),
        }),
      ]);
    });

    it('given a rewrite re-chained from an event the digest covers into events after it, then the digest names it', async () => {
      l.tamper((db) => rewriteAndRechain(db, 'case-1', 4, { i: 'rewritten' }));
      expect(await kinds()).toEqual(['digest-mismatch', 'digest-mismatch']);
    });
  });

  describe('not caught until a later digest is published: the log stays a consistent log', () => {
    it('given the last events of the log deleted (its tail cut), then it verifies VALID', async () => {
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position >= 12').run());
      expect(await verify()).toMatchObject({ code: 0, report: { verdict: 'VALID', eventsChecked: 11 } });
    });

    it('given a forged event appended at the end of the log with a correctly computed hash, then it verifies VALID', async () => {
      const tail = l.rows().find((e) => e.stream_id === 'case-2' && e.revision === 3)!;
      l.tamper((db) => insertChained(db, tail, 16));
      expect(await verify()).toMatchObject({ code: 0, report: { verdict: 'VALID', eventsChecked: 16 } });
    });

    it('given an event after the digest rewritten and the rest of its stream re-chained, then it verifies VALID', async () => {
      l.tamper((db) => rewriteAndRechain(db, 'case-4', 1, { i: 'rewritten' }));
      expect(await verify()).toMatchObject({ code: 0, report: { verdict: 'VALID' } });
    });

    it('given events after the digest deleted and the later ones renumbered down, then it verifies VALID', async () => {
      l.tamper((db) => {
        db.prepare("DELETE FROM events WHERE stream_id = 'case-4'").run();
        db.prepare('UPDATE events SET position = 12 WHERE position = 15').run();
      });
      expect(await verify()).toMatchObject({ code: 0, report: { verdict: 'VALID', lastPosition: 12 } });
    });

    it('given the same rewrite, once a later digest was recorded and published before it, then that digest names it', async () => {
      await l.restart();
      const later = await l.recordDigest();
      await l.stop();
      const files = l.publish(later, 'later.json');
      l.tamper((db) => rewriteAndRechain(db, 'case-4', 1, { i: 'rewritten' }));
      const { code, report } = await l.verify([
        '--digest',
        files.digestFile,
        '--public-key',
        files.keyFile,
        '--no-log-tree',
      ]);
      expect(code).toBe(1);
      expect(report.problems).toContainEqual(
        expect.objectContaining({ kind: 'digest-mismatch', digestId: later.digestId, digestSource: files.digestFile }),
      );
    });
  });

  describe('the log tree the service kept beside the ledger (a witness, not a signed commitment)', () => {
    const cases: [string, (x: TamperLedger) => void, string][] = [
      [
        'the last events of the log deleted',
        (x) => x.tamper((db) => db.prepare('DELETE FROM events WHERE position >= 12').run()),
        'log-cut-short',
      ],
      [
        'an event rewritten and its stream re-chained',
        (x) => x.tamper((db) => rewriteAndRechain(db, 'case-4', 1, { i: 'rewritten' })),
        'digest-mismatch',
      ],
      [
        'events deleted and the later ones renumbered down',
        (x) =>
          x.tamper((db) => {
            db.prepare("DELETE FROM events WHERE stream_id = 'case-4'").run();
            db.prepare('UPDATE events SET position = 12 WHERE position = 15').run();
          }),
        'log-cut-short',
      ],
    ];
    it.each(cases)(
      'given %s after the digest, while the log tree file is intact, then it names the ledger against the tree',
      async (_name, edit, kind) => {
        edit(l);
        const { code, report } = await l.verify(published);
        expect(code).toBe(1);
        expect(report.problems).toEqual([expect.objectContaining({ kind, digestId: 'log-tree' })]);
      },
    );

    it('given the same tail cut with the log tree file deleted too (the service rebuilds it from the log), then nothing is left to compare: VALID', async () => {
      const { rmSync } = await import('node:fs');
      l.tamper((db) => db.prepare('DELETE FROM events WHERE position >= 12').run());
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${l.dir}/log-tree.sqlite${suffix}`, { force: true });
      expect(await l.verify(published)).toMatchObject({ code: 0, report: { verdict: 'VALID', logTree: null } });
    });

    it('given a forged event appended at the end of the log, then the tree (which never took it) sees nothing wrong: VALID', async () => {
      const tail = l.rows().find((e) => e.stream_id === 'case-2' && e.revision === 3)!;
      l.tamper((db) => insertChained(db, tail, 16));
      expect(await l.verify(published)).toMatchObject({ code: 0, report: { verdict: 'VALID' } });
    });
  });
});
