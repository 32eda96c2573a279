import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tally } from '../../test/read-models/support/runner-harness';
import { ProjectionBatch } from './projection-batch';
import { ReadModelStore } from './read-model-store';
import { discardIfTorn } from './unsynced-writes';

/** A pid no process has (above Linux's pid_max). */
const DEAD_PID = 2 ** 23;

describe('commits without fsync while rebuilding from empty (UnsyncedWrites)', () => {
  let dir: string;
  let file: string;
  const marks = () => readdirSync(dir).filter((name) => name.includes('.unsynced-'));
  const open = (bootId = 'boot-1') => new ReadModelStore(file, { bootId });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-models-unsynced-'));
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a projection rebuilding, then commits skip the fsync and a mark naming the boot stands beside the file until it catches up', () => {
    const store = open();
    expect(store.unsynced.commitSync()).toBe('normal');
    store.unsynced.started('p');
    expect(store.unsynced.commitSync()).toBe('off');
    expect(marks()).toEqual([
      expect.stringMatching(new RegExp(`^read-models\\.sqlite\\.unsynced-${process.pid}\\.\\d+$`)),
    ]);
    expect(readFileSync(join(dir, marks()[0]), 'utf8')).toBe('boot-1');
    store.commit('p', 1, undefined, 7, new Map([['k', { n: 1 }]]), 1);
    store.unsynced.ended('p');
    expect([store.unsynced.commitSync(), marks()]).toEqual(['normal', []]);
    store.close();
  });

  it('given two stores on one file, each rebuilding, then each keeps its own mark until it has synced', () => {
    const [a, b] = [open(), open()];
    a.unsynced.started('p');
    b.unsynced.started('q');
    a.unsynced.ended('p');
    expect([a.unsynced.commitSync(), b.unsynced.commitSync(), marks().length]).toEqual(['normal', 'off', 1]);
    b.close();
    a.close();
    expect(marks()).toEqual([]);
  });

  it('given two projections rebuilding, then commits are synced again only once both have caught up', () => {
    const store = open();
    store.unsynced.started('a');
    store.unsynced.started('b');
    store.unsynced.ended('a');
    expect([store.unsynced.commitSync(), marks().length]).toEqual(['off', 1]);
    store.unsynced.ended('b');
    expect([store.unsynced.commitSync(), marks().length]).toEqual(['normal', 0]);
    store.close();
  });

  it('given a reader holding an older snapshot, then not every frame reaches the file: the mark stays (a restart on another boot rebuilds)', () => {
    const store = open();
    store.unsynced.started('p');
    store.commit('p', 1, undefined, 7, new Map([['k', { n: 1 }]]), 1);
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM documents').get(); // its snapshot: the WAL as it stands now
    store.commit('p', 1, 7, 8, new Map([['k', { n: 2 }]]), 1);
    store.unsynced.ended('p');
    expect([store.unsynced.commitSync(), marks().length]).toEqual(['normal', 1]);
    reader.exec('COMMIT');
    reader.close();
    store.close(); // now every frame can be copied
    expect(marks()).toEqual([]);
  });

  it('given a projection that commits from a checkpoint, then nothing changes (only a rebuild from empty skips the fsync)', () => {
    const store = open();
    store.unsynced.ended('p');
    expect([store.unsynced.commitSync(), marks()]).toEqual(['normal', []]);
    store.close();
  });

  it('given the store closed mid-rebuild, then the file is synced and the mark removed', () => {
    const store = open();
    store.unsynced.started('p');
    store.commit('p', 1, undefined, 7, new Map([['k', { n: 1 }]]), 1);
    store.close();
    expect(marks()).toEqual([]);
    const again = open();
    expect(again.get('p', 'k')).toEqual({ n: 1 });
    again.close();
  });

  it('given an in-memory store, then a rebuild changes nothing (no file to tear)', () => {
    const store = new ReadModelStore(':memory:');
    store.unsynced.started('p');
    expect(store.unsynced.commitSync()).toBe('normal');
    store.close();
  });

  it('given the mark cannot be written, then the rebuild commits synced, as before', () => {
    const store = open();
    rmSync(dir, { recursive: true }); // the mark goes beside the file: with its directory gone, it cannot be written
    store.unsynced.started('p');
    expect(store.unsynced.commitSync()).toBe('normal');
    store.close();
  });

  describe('opening a file a rebuild left a mark beside', () => {
    const leave = (bootId: string, pid: number) => {
      const store = open(bootId);
      store.commit('p', 1, undefined, 7, new Map([['k', { n: 1 }]]), 1);
      store.close();
      writeFileSync(join(dir, `read-models.sqlite.unsynced-${pid}`), bootId);
    };

    it('given a mark from another boot (the machine stopped mid-rebuild), then the file is discarded and every projection rebuilds', () => {
      leave('boot-1', DEAD_PID);
      const store = open('boot-2');
      expect([store.checkpoint('p'), store.get('p', 'k'), marks()]).toEqual([undefined, undefined, []]);
      store.close();
    });

    it('given a mark from this boot whose process is gone (it died, the OS kept its writes), then the file is kept and the mark dropped', () => {
      leave('boot-1', DEAD_PID);
      const store = open('boot-1');
      expect([store.get('p', 'k'), marks()]).toEqual([{ n: 1 }, []]);
      store.close();
    });

    it('given a mark from this boot of a process still running, then the file and its mark are kept', () => {
      leave('boot-1', process.pid);
      const store = open('boot-1');
      expect([store.get('p', 'k'), marks().length]).toEqual([{ n: 1 }, 1]);
      store.close();
    });

    it("given no boot id passed, then the OS's is used: a mark from another boot discards the file", () => {
      leave('boot-of-another-day', DEAD_PID);
      const store = new ReadModelStore(file);
      expect([store.get('p', 'k'), marks()]).toEqual([undefined, []]);
      store.close();
    });

    it('given a system that names no boot, then any mark discards the file (a restart cannot be ruled out)', () => {
      leave('boot-1', DEAD_PID);
      expect(discardIfTorn(file, undefined)).toBe(true);
      expect([existsSync(file), marks()]).toEqual([false, []]);
    });

    it('given no mark, then nothing is discarded', () => {
      leave('boot-1', DEAD_PID);
      rmSync(join(dir, `read-models.sqlite.unsynced-${DEAD_PID}`));
      expect([discardIfTorn(file, undefined), existsSync(file)]).toEqual([false, true]);
    });
  });

  describe('a rebuild batch (ProjectionBatch)', () => {
    it('given a batch from empty, then its commits skip the fsync until it settles at the head', () => {
      const store = open();
      const batch = new ProjectionBatch({ ...tally, name: 'p' }, store, undefined);
      expect(store.unsynced.commitSync()).toBe('off');
      batch.settle();
      expect([store.unsynced.commitSync(), marks()]).toEqual(['normal', []]);
      store.close();
    });

    it('given a batch from a checkpoint, then its commits are synced', () => {
      const store = open();
      store.commit('p', 1, undefined, 7, new Map([['k', { n: 1 }]]), 1);
      new ProjectionBatch({ ...tally, name: 'p' }, store, 7);
      expect(store.unsynced.commitSync()).toBe('normal');
      store.close();
    });
  });
});
