import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelStore } from './read-model-store';

describe('ReadModelStore', () => {
  let store: ReadModelStore;
  beforeEach(() => { store = new ReadModelStore(':memory:'); });
  afterEach(() => store.close());

  it('given a commit, then documents and checkpoint are stored together', () => {
    store.commit('p', 1, 7, new Map([['action:a', { n: 1 }]]));
    expect(store.get('p', 'action:a')).toEqual({ n: 1 });
    expect(store.checkpoint('p')).toEqual({ version: 1, position: 7 });
    expect(store.checkpoint('other')).toBeUndefined();
  });

  it('given a commit that fails part way, then neither documents nor checkpoint move', () => {
    store.commit('p', 1, 7, new Map([['action:a', { n: 1 }]]));
    const unserialisable = { n: BigInt(1) };
    expect(() => store.commit('p', 1, 9, new Map<string, unknown>([['action:a', { n: 2 }], ['action:b', unserialisable]]))).toThrow();
    expect(store.get('p', 'action:a')).toEqual({ n: 1 });
    expect(store.checkpoint('p')).toEqual({ version: 1, position: 7 });
  });

  it('given a reset, then the projection starts empty at its new version and others are untouched', () => {
    store.commit('p', 1, 7, new Map([['action:a', { n: 1 }]]));
    store.commit('q', 1, 7, new Map([['action:a', { n: 1 }]]));
    store.reset('p', 2);
    expect(store.get('p', 'action:a')).toBeUndefined();
    expect(store.checkpoint('p')).toEqual({ version: 2, position: undefined });
    expect(store.get('q', 'action:a')).toEqual({ n: 1 });
  });

  it('scans one key prefix in key order, strictly after a key', () => {
    store.commit('p', 1, 1, new Map([['action:b', 2], ['meeting:m', 0], ['action:a', 1], ['action:c', 3]]));
    store.commit('q', 1, 1, new Map([['action:z', 9]]));
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
      first.commit('p', 3, 42, new Map([['action:a', { ok: true }]]));
      first.close();
      const again = new ReadModelStore(file);
      expect([again.checkpoint('p'), again.get('p', 'action:a')]).toEqual([{ version: 3, position: 42 }, { ok: true }]);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
