import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ReadModelStore } from '../read-model-store';

/** Positions as a real EventStoreDB returns them: byte offsets, here 500 apart (the engines here count 1, 2, 3...). */
const GAP = 500;
const positionOf = (event: number) => 4096 + event * GAP;

/** Commits `batches` batches of `size` events each (one document each) from the stored checkpoint; returns the positions committed. */
function commitBatches(
  store: ReadModelStore,
  projection: string,
  batches: number,
  size: number,
  firstEvent = 0,
): number[] {
  const committed: number[] = [];
  for (let b = 0; b < batches; b++) {
    const last = firstEvent + (b + 1) * size - 1;
    store.commit(
      projection,
      1,
      store.checkpoint(projection)?.position,
      positionOf(last),
      new Map([[`k${b % 3}`, { upTo: last }]]),
      size,
    );
    committed.push(positionOf(last));
  }
  return committed;
}

/** The distinct layers found at or before any of the committed positions. */
function layersAt(store: ReadModelStore, projection: string, positions: number[]): number[] {
  return [
    ...new Set(positions.map((p) => store.layers.snapshotAtOrBefore(projection, p)).filter((s) => s !== undefined)),
  ];
}

describe('snapshot layers count events, not positions', () => {
  it.each([
    ['positions with gaps (500 apart, as on EventStoreDB)', GAP],
    ['positions one apart (as on SQLite and memory)', 1],
  ])(
    'given %s, when 1,000 events are committed in batches of 10 with snapshotEvery 100, then a layer is taken every 100 events: 10 layers',
    (_, gap) => {
      const store = new ReadModelStore(':memory:', { snapshotEvery: 100 });
      try {
        store.reset('p', 1);
        const committed: number[] = [];
        for (let b = 0; b < 100; b++) {
          const position = 4096 + ((b + 1) * 10 - 1) * gap;
          store.commit('p', 1, store.checkpoint('p')?.position, position, new Map([['k', { b }]]), 10);
          committed.push(position);
        }
        const layers = layersAt(store, 'p', committed);
        expect(layers).toHaveLength(10);
        // Each one at the batch that brought the count to 100: events 99, 199, ... 999.
        expect(layers).toEqual(Array.from({ length: 10 }, (__, i) => 4096 + (i * 100 + 99) * gap));
      } finally {
        store.close();
      }
    },
  );

  it('given batches that do not divide the interval, then a layer is taken by the batch that reaches it, and the count carries on from zero', () => {
    const store = new ReadModelStore(':memory:', { snapshotEvery: 100 });
    try {
      store.reset('p', 1);
      const committed = commitBatches(store, 'p', 30, 30); // events 0..899, a commit every 30
      // Counts 30, 60, 90, 120 (layer, count 0), 30, 60, 90, 120 (layer) ...: a layer every 4 batches, 120 events.
      expect(layersAt(store, 'p', committed)).toEqual([119, 239, 359, 479, 599, 719, 839].map(positionOf));
    } finally {
      store.close();
    }
  });

  it('given fewer events than the interval since the last layer, then no layer, however far the position has moved', () => {
    const store = new ReadModelStore(':memory:', { snapshotEvery: 100 });
    try {
      store.reset('p', 1);
      commitBatches(store, 'p', 1, 98); // events 0..97
      const far = positionOf(97) + 10_000_000;
      store.commit('p', 1, positionOf(97), far, new Map([['k', 98]]), 1);
      expect(store.layers.snapshotAtOrBefore('p', far)).toBeUndefined();
      store.commit('p', 1, far, far + GAP, new Map([['k', 99]]), 1);
      expect(store.layers.snapshotAtOrBefore('p', far + GAP)).toBe(far + GAP);
    } finally {
      store.close();
    }
  });

  it('given a restart part way through an interval, then the count is kept in the file and the layer comes after the interval, not sooner or later', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-counts-'));
    const file = join(dir, 'read-models.sqlite');
    try {
      const first = new ReadModelStore(file, { snapshotEvery: 100 });
      first.reset('p', 1);
      const before = commitBatches(first, 'p', 6, 10); // 60 events
      first.close();
      const again = new ReadModelStore(file, { snapshotEvery: 100 });
      const after = commitBatches(again, 'p', 6, 10, 60); // 60 more: the 40th reaches the interval
      expect(layersAt(again, 'p', [...before, ...after])).toEqual([positionOf(99)]);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given a reset part way through an interval, then the new version counts from zero (both sides)', () => {
    const store = new ReadModelStore(':memory:', { snapshotEvery: 100 });
    try {
      store.reset('p', 1);
      commitBatches(store, 'p', 9, 10); // 90 events of version 1
      store.reset('p', 2);
      const v2 = (from: number | undefined, last: number, size: number) =>
        store.commit('p', 2, from, positionOf(last), new Map([['k', last]]), size);
      v2(undefined, 89, 90);
      expect(store.layers.snapshotAtOrBefore('p', positionOf(89))).toBeUndefined();
      v2(positionOf(89), 99, 10);
      expect(store.layers.snapshotAtOrBefore('p', positionOf(99))).toBe(positionOf(99));
    } finally {
      store.close();
    }
  });

  it('given a projection with no count yet (a file written before counts were kept), then its next commit takes a layer: how far it is from the last one is unknown', () => {
    const store = new ReadModelStore(':memory:', { snapshotEvery: 100 });
    try {
      store.commit('p', 1, undefined, positionOf(0), new Map([['k', 0]]), 1);
      expect(store.layers.snapshotAtOrBefore('p', positionOf(0))).toBe(positionOf(0));
      store.commit('p', 1, positionOf(0), positionOf(1), new Map([['k', 1]]), 1);
      expect(store.layers.snapshotAtOrBefore('p', positionOf(1))).toBe(positionOf(0));
    } finally {
      store.close();
    }
  });
});

describe('snapshots by copy on write', () => {
  it('given documents overwritten around snapshots, then each snapshot answers its own state, and only the versions a snapshot needs are copied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-cow-'));
    const file = join(dir, 'read-models.sqlite');
    try {
      const store = new ReadModelStore(file, { snapshotEvery: 10 });
      store.reset('p', 1);
      const commit = (from: number | undefined, to: number, docs: Record<string, unknown>) =>
        store.commit('p', 1, from, to, new Map(Object.entries(docs)), 5);
      // Given: 'a' and 'b' written, 'a' again in the same interval (that version no snapshot sees),
      commit(undefined, 5, { a: 1, b: 1 });
      commit(5, 10, { a: 2 }); // the snapshot at 10: a 2, b 1
      // then 'a' overwritten twice and 'c' created before the next snapshot at 20, 'b' untouched.
      commit(10, 15, { a: 3, c: 1 });
      commit(15, 20, { a: 4 }); // the snapshot at 20: a 4, b 1, c 1
      commit(20, 25, { b: 2 });
      const at = (snapshot: number) => Object.fromEntries(store.layers.scanAt('p', snapshot, '', '\uffff'));
      expect([store.layers.snapshotAtOrBefore('p', 19), store.layers.snapshotAtOrBefore('p', 25)]).toEqual([10, 20]);
      expect(at(10)).toEqual({ a: '2', b: '1' });
      expect(at(20)).toEqual({ a: '4', b: '1', c: '1' });
      expect(['a', 'b', 'c'].map((key) => store.layers.docAt('p', key, 10))).toEqual(['2', '1', undefined]);
      store.close();
      // Only a 2 (overwritten after the snapshot at 10) and b 1 (after the one at 20) were copied aside:
      // taking a snapshot copies nothing, and a version overwritten before any snapshot saw it is not kept.
      const db = new Database(file, { readonly: true });
      try {
        expect(
          db.prepare("SELECT key, position, doc FROM snapshot_docs WHERE projection = 'p' ORDER BY key").all(),
        ).toEqual([
          { key: 'a', position: 10, doc: '2' },
          { key: 'b', position: 5, doc: '1' },
        ]);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
