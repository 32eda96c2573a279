import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../shared/clock';
import { MemoryIdempotencyStore, type IdempotencyStore } from './idempotency.store';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

const HOUR = 3_600_000;
const answer = (n: number) => ({ fingerprint: `f${n}`, status: 201, body: { n } });

describe.each([
  [
    'SQLite',
    (clock: ManualClock, dir: string) => new SqliteIdempotencyStore(join(dir, 'i.sqlite'), 5000, { clock, hours: 24 }),
  ],
  ['memory', (clock: ManualClock) => new MemoryIdempotencyStore({ clock, hours: 24 })],
] as const)('idempotency records kept for a window (%s)', (_name, open) => {
  let dir: string;
  let clock: ManualClock;
  let store: IdempotencyStore & { close?: () => void };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idem-'));
    clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
    store = open(clock, dir);
  });
  afterEach(() => {
    store.close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given an answer kept 25 hours ago (window 24), when the prune runs, then its row is gone and the key reads as never seen', async () => {
    await store.put('user-1', 'old', answer(1));
    clock.advance(25 * HOUR);

    expect(await store.prune()).toBe(1);

    clock.set('2026-03-01T09:00:00Z');
    expect(await store.get('user-1', 'old')).toBeUndefined();
  });

  it('given an answer kept 23 hours ago, when the prune runs, then it stays and is replayed exactly', async () => {
    await store.put('user-1', 'recent', answer(1));
    clock.advance(23 * HOUR);

    expect(await store.prune()).toBe(0);

    expect(await store.get('user-1', 'recent')).toEqual(answer(1));
  });

  it('given an answer past its window and not yet pruned, when the key is presented again, then it is new: not replayed, and its new answer is kept and replayed', async () => {
    await store.put('user-1', 'k', answer(1));
    clock.advance(24 * HOUR + 1);

    expect(await store.get('user-1', 'k')).toBeUndefined();
    await store.put('user-1', 'k', answer(2));

    expect(await store.get('user-1', 'k')).toEqual(answer(2));
  });

  it('given an answer inside its window, when another answer is put under the key, then the first stays', async () => {
    await store.put('user-1', 'k', answer(1));
    clock.advance(24 * HOUR - 1);

    await store.put('user-1', 'k', answer(2));

    expect(await store.get('user-1', 'k')).toEqual(answer(1));
  });

  it('given the window counted from when the answer was kept, when a long request finishes after a prune, then its answer gets a whole window', async () => {
    const started = clock.now();
    clock.advance(25 * HOUR); // the request was in flight this long: no row existed to prune
    await store.prune();
    await store.put('user-1', 'slow', answer(1));
    clock.set(new Date(started.getTime() + 48 * HOUR));

    expect(await store.prune()).toBe(0);
    expect(await store.get('user-1', 'slow')).toEqual(answer(1));
  });
});

describe('SQLite idempotency records kept before the window was counted', () => {
  it('given a row stamped by the old column default (datetime now, no milliseconds) 25 hours ago, when the prune runs, then it is deleted; one stamped 23 hours ago stays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idem-'));
    const file = join(dir, 'i.sqlite');
    const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
    const store = new SqliteIdempotencyStore(file, 5000, { clock, hours: 24 });
    const legacy = new Database(file);
    const insert = legacy.prepare('INSERT INTO idempotency (scope, key, response, created_at) VALUES (?, ?, ?, ?)');
    insert.run('user-1', 'old', JSON.stringify(answer(1)), '2026-03-01 09:00:00');
    insert.run('user-1', 'recent', JSON.stringify(answer(2)), '2026-03-01 11:00:00');
    legacy.close();

    expect(store.prune()).toBe(1);
    expect(store.get('user-1', 'recent')).toEqual(answer(2));

    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
