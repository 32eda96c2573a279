import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildingName, CheckpointMovedError } from './checkpoint';
import { ReadModelStore } from './read-model-store';

describe('ReadModelStore', () => {
  let store: ReadModelStore;
  beforeEach(() => {
    store = new ReadModelStore(':memory:');
  });
  afterEach(() => store.close());

  it('given a commit, then documents and checkpoint are stored together', () => {
    store.commit('p', 1, undefined, 7, new Map([['action:a', { n: 1 }]]), 1);
    expect(store.get('p', 'action:a')).toEqual({ n: 1 });
    expect(store.checkpoint('p')).toEqual({ version: 1, position: 7 });
    expect(store.checkpoint('other')).toBeUndefined();
  });

  it('given a commit that fails part way, then neither documents nor checkpoint move', () => {
    store.commit('p', 1, undefined, 7, new Map([['action:a', { n: 1 }]]), 1);
    const unserialisable = { n: BigInt(1) };
    expect(() =>
      store.commit(
        'p',
        1,
        7,
        9,
        new Map<string, unknown>([
          ['action:a', { n: 2 }],
          ['action:b', unserialisable],
        ]),
        1,
      ),
    ).toThrow();
    expect(store.get('p', 'action:a')).toEqual({ n: 1 });
    expect(store.checkpoint('p')).toEqual({ version: 1, position: 7 });
  });

  it.each([[-1], [1.5], [Number.NaN]])(
    'given a batch of %p events, then the commit is refused and nothing is written; a whole number (0 too) is accepted',
    (events) => {
      expect(() => store.commit('p', 1, undefined, 7, new Map([['k', 1]]), events)).toThrow(RangeError);
      expect(store.checkpoint('p')).toBeUndefined();
      store.commit('p', 1, undefined, 7, new Map([['k', 1]]), 0);
      expect(store.checkpoint('p')).toEqual({ version: 1, position: 7 });
    },
  );

  describe('compare-and-set on the checkpoint', () => {
    it('given a batch applied from the stored checkpoint, then it is committed and the next batch starts from it', () => {
      store.commit('p', 1, undefined, 7, new Map([['action:a', { n: 1 }]]), 1);
      store.commit('p', 1, 7, 9, new Map([['action:a', { n: 2 }]]), 1);
      expect([store.checkpoint('p'), store.get('p', 'action:a')]).toEqual([{ version: 1, position: 9 }, { n: 2 }]);
    });

    it.each([
      ['an older checkpoint (another runner committed since)', 1, 3],
      ['the start of the log (another runner committed first)', 1, undefined],
      ['a later checkpoint than the stored one', 1, 8],
      ['another version of the projection', 2, 7],
    ])(
      'given a batch applied from %s, then it is refused with CheckpointMovedError and nothing is written',
      (_, version, from) => {
        store.commit('p', 1, undefined, 7, new Map([['action:a', { n: 1 }]]), 1);
        const refused = (() => {
          try {
            store.commit(
              'p',
              version,
              from,
              9,
              new Map([
                ['action:a', { n: 2 }],
                ['action:b', { n: 1 }],
              ]),
              1,
            );
          } catch (err) {
            return err;
          }
        })();
        expect(refused).toBeInstanceOf(CheckpointMovedError);
        expect(refused).toMatchObject({
          projection: 'p',
          expected: { version, position: from },
          stored: { version: 1, position: 7 },
        });
        expect([store.checkpoint('p'), store.get('p', 'action:a'), store.get('p', 'action:b')]).toEqual([
          { version: 1, position: 7 },
          { n: 1 },
          undefined,
        ]);
      },
    );

    it('given no checkpoint yet, then only a batch from the start of the log is accepted (both sides)', () => {
      expect(() => store.commit('p', 1, 4, 9, new Map([['k', 1]]), 1)).toThrow(CheckpointMovedError);
      expect(store.checkpoint('p')).toBeUndefined();
      store.commit('p', 1, undefined, 9, new Map([['k', 1]]), 1);
      expect(store.checkpoint('p')).toEqual({ version: 1, position: 9 });
    });

    it('given a reset, then the next batch must start from the start of the log', () => {
      store.commit('p', 1, undefined, 7, new Map([['k', 1]]), 1);
      store.reset('p', 2);
      expect(() => store.commit('p', 2, 7, 9, new Map([['k', 2]]), 1)).toThrow(CheckpointMovedError);
      store.commit('p', 2, undefined, 9, new Map([['k', 2]]), 1);
      expect([store.checkpoint('p'), store.get('p', 'k')]).toEqual([{ version: 2, position: 9 }, 2]);
    });

    it('given two stores on one file, then the second commit from the same checkpoint is refused', () => {
      const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
      const file = join(dir, 'read-models.sqlite');
      const [a, b] = [new ReadModelStore(file), new ReadModelStore(file)];
      try {
        a.commit('p', 1, undefined, 7, new Map([['k', { n: 1 }]]), 1);
        expect(() => b.commit('p', 1, undefined, 7, new Map([['k', { n: 1 }]]), 1)).toThrow(CheckpointMovedError);
        b.commit('p', 1, 7, 9, new Map([['k', { n: 2 }]]), 1);
        expect(() => a.commit('p', 1, 7, 9, new Map([['k', { n: 3 }]]), 1)).toThrow(CheckpointMovedError);
        expect([a.checkpoint('p'), a.get('p', 'k')]).toEqual([{ version: 1, position: 9 }, { n: 2 }]);
      } finally {
        a.close();
        b.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('given a reset, then the projection starts empty at its new version and others are untouched', () => {
    store.commit('p', 1, undefined, 7, new Map([['action:a', { n: 1 }]]), 1);
    store.commit('q', 1, undefined, 7, new Map([['action:a', { n: 1 }]]), 1);
    store.reset('p', 2);
    expect(store.get('p', 'action:a')).toBeUndefined();
    expect(store.checkpoint('p')).toEqual({ version: 2, position: undefined });
    expect(store.get('q', 'action:a')).toEqual({ n: 1 });
  });

  it('given switch-overs, then replacedAt is where the replaced version stood (a version that served nothing leaves the mark)', () => {
    // Given: version 1 served at 7, version 2 built beside it up to 9.
    store.commit('p', 1, undefined, 7, new Map([['k', { v: 1 }]]), 1);
    store.commit(buildingName('p', 2), 2, undefined, 9, new Map([['k', { v: 2 }]]), 1);
    expect(store.replacedAt('p')).toBeUndefined();
    // When: it switches over, then the mark is version 1's checkpoint, and the documents version 2's.
    store.switchOver('p', 2, 9);
    expect([store.replacedAt('p'), store.get('p', 'k'), store.checkpoint('p')]).toEqual([
      7,
      { v: 2 },
      { version: 2, position: 9 },
    ]);
    // And a switch-over from a version reset to the start (no position) keeps the earlier mark.
    store.reset('p', 3);
    store.commit(buildingName('p', 4), 4, undefined, 11, new Map([['k', { v: 4 }]]), 1);
    store.switchOver('p', 4, 11);
    expect(store.replacedAt('p')).toBe(7);
    // A refused switch-over writes no mark.
    store.commit(buildingName('p', 5), 5, undefined, 12, new Map([['k', { v: 5 }]]), 1);
    expect(() => store.switchOver('p', 5, 13)).toThrow(CheckpointMovedError);
    expect(store.replacedAt('p')).toBe(7);
    store.switchOver('p', 5, 12);
    expect(store.replacedAt('p')).toBe(11);
  });

  it('scans one key prefix in key order, strictly after a key', () => {
    store.commit(
      'p',
      1,
      undefined,
      1,
      new Map([
        ['action:b', 2],
        ['meeting:m', 0],
        ['action:a', 1],
        ['action:c', 3],
      ]),
      1,
    );
    store.commit('q', 1, undefined, 1, new Map([['action:z', 9]]), 1);
    const keys = (after?: string) => [...store.scan('p', 'action:', after)].map((r) => r.key);
    expect(keys()).toEqual(['action:a', 'action:b', 'action:c']);
    expect(keys('action:a')).toEqual(['action:b', 'action:c']);
    expect(keys('action:c')).toEqual([]);
  });

  it('keeps documents in a file across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
    const file = join(dir, 'nested', 'read-models.sqlite');
    try {
      const first = new ReadModelStore(file);
      first.commit('p', 3, undefined, 42, new Map([['action:a', { ok: true }]]), 1);
      first.close();
      const again = new ReadModelStore(file);
      expect([again.checkpoint('p'), again.get('p', 'action:a')]).toEqual([{ version: 3, position: 42 }, { ok: true }]);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given a file in the earlier layout (no format version), then it is emptied on open and every projection rebuilds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
    const file = join(dir, 'read-models.sqlite');
    try {
      const old = new Database(file);
      old.exec(`CREATE TABLE documents (projection TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (projection, key)) WITHOUT ROWID;
        CREATE TABLE checkpoints (projection TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER);
        INSERT INTO documents VALUES ('p', 'action:a', '{"history":[]}'); INSERT INTO checkpoints VALUES ('p', 1, 42);`);
      old.close();
      const opened = new ReadModelStore(file);
      expect([opened.checkpoint('p'), opened.get('p', 'action:a')]).toEqual([undefined, undefined]);
      opened.commit('p', 2, undefined, 7, new Map([['action:a', { ok: true }]]), 1);
      opened.close();
      // The current layout is kept from then on (the restart test above is the other side).
      const again = new ReadModelStore(file);
      expect(again.get('p', 'action:a')).toEqual({ ok: true });
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given one large batch, then the position -> time index still has a row every 500 events (as-of by date reads at most that much log)', () => {
    const at = (i: number) => new Date(Date.UTC(2022, 4, 10) + i * 60_000).toISOString();
    for (let i = 0; i < 1200; i++) store.noteRecorded('p', at(i), i);
    store.commit('p', 1, undefined, 1199, new Map([['k', 1]]), 1);
    const window = store.layers.timeWindow(at(700));
    expect(window).toEqual({ known: 499, knownAt: at(499), upTo: 999 });
    // Without positions (the old call), only the commit is indexed: the whole batch is the window.
    const other = new ReadModelStore(':memory:');
    try {
      for (let i = 0; i < 1200; i++) other.noteRecorded('p', at(i));
      other.commit('p', 1, undefined, 1199, new Map([['k', 1]]), 1);
      expect(other.layers.timeWindow(at(700))).toEqual({ known: -1, knownAt: undefined, upTo: 1199 });
    } finally {
      other.close();
    }
  });

  describe('snapshot layers for the as-of projections only', () => {
    const snapshotsOf = (s: ReadModelStore, projection: string) =>
      [10, 20, 30].map((at) => s.layers.snapshotAtOrBefore(projection, at));

    it('given snapshotProjections, then only those projections get layers (both sides)', () => {
      const only = new ReadModelStore(':memory:', { snapshotEvery: 10, snapshotProjections: ['asof'] });
      try {
        for (const [from, position, n] of [
          [undefined, 10, 1],
          [10, 20, 2],
        ]) {
          only.commit('asof', 1, from, position!, new Map([['k', { n }]]), 10);
          only.commit('plain', 1, from, position!, new Map([['k', { n }]]), 10);
        }
        expect(snapshotsOf(only, 'asof')).toEqual([10, 20, 20]);
        expect(only.layers.docAt('asof', 'k', 10)).toBe('{"n":1}');
        expect(snapshotsOf(only, 'plain')).toEqual([undefined, undefined, undefined]);
      } finally {
        only.close();
      }
    });

    it('given no snapshotProjections, then every projection gets layers, as before', () => {
      const all = new ReadModelStore(':memory:', { snapshotEvery: 10 });
      try {
        all.commit('a', 1, undefined, 10, new Map([['k', 1]]), 10);
        all.commit('b', 1, undefined, 10, new Map([['k', 2]]), 10);
        expect([all.layers.snapshotAtOrBefore('a', 10), all.layers.snapshotAtOrBefore('b', 10)]).toEqual([10, 10]);
      } finally {
        all.close();
      }
    });

    it('given a projection that becomes snapshotted on a later start, then its first layer holds every document, not just the changed ones', () => {
      const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
      const file = join(dir, 'read-models.sqlite');
      try {
        const before = new ReadModelStore(file, { snapshotEvery: 10, snapshotProjections: [] });
        before.commit(
          'p',
          1,
          undefined,
          10,
          new Map([
            ['old', { n: 1 }],
            ['kept', { n: 1 }],
          ]),
          10,
        );
        before.close();
        const after = new ReadModelStore(file, { snapshotEvery: 10, snapshotProjections: ['p'] });
        // One event: no count was kept while it was not snapshotted, so the layer is taken at once.
        after.commit('p', 1, 10, 20, new Map([['kept', { n: 2 }]]), 1);
        expect(after.layers.snapshotAtOrBefore('p', 20)).toBe(20);
        expect([after.layers.docAt('p', 'old', 20), after.layers.docAt('p', 'kept', 20)]).toEqual([
          '{"n":1}',
          '{"n":2}',
        ]);
        after.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
