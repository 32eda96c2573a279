import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { CommandRunner } from '../../ledger/command-runner';
import type { NewEvent } from '../../ledger/event-envelope';
import type { EventStore, ExpectedRevision, SubscribeOptions, Subscription } from '../../ledger/event-store.port';
import { StoreUnavailableError } from '../../ledger/store-errors';
import { MemoryEventStore } from '../../ledger/memory/memory-event-store';
import { Retrier, RetryPolicy } from '../../shared/retry-policy';
import { ManualClock } from '../../shared/clock';
import { EvidencePack } from '../domain/evidence-pack';
import type { BuildPack } from '../pack/build/build-pack-contract';
import type { PackManifest } from '../pack/pack-manifest';
import { EvidencePackReader } from '../queries/pack-reader';
import type { LogTree } from '../../ledger/log-tree/log-tree.port';
import { PackJobRunner } from './pack-job-runner';
import { PackProgressTracker } from './pack-progress';
import { PackStorage } from './pack-storage';

const actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const scope = {
  from: '2022-04-01',
  to: '2023-03-31',
  boardIds: [],
  partnerIds: [],
  themes: [],
  records: ['actions' as const],
};

/** The runner around a builder double: what it records when the builder succeeds or throws. */
async function harness(build: BuildPack, logTree?: LogTree) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pack-jobs-'));
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  const store = new MemoryEventStore(clock);
  const runner = new CommandRunner(store, clock);
  const files = new PackStorage({ store: 'sqlite', dataDir } as AppConfig);
  const jobs = new PackJobRunner(
    store,
    runner,
    new EvidencePackReader(store),
    files,
    new PackProgressTracker(),
    clock,
    build,
    undefined,
    undefined,
    logTree,
  );
  await runner.run(
    EvidencePack,
    'p1',
    { type: 'request-evidence-pack', data: { packId: 'p1', scope } },
    { actor, correlationId: 'req-1' },
  );
  jobs.start();
  for (let i = 0; i < 200 && (await store.readStream('evidencepack-p1')).length < 3; i++)
    await new Promise((r) => setTimeout(r, 5));
  await jobs.stop();
  const events = await store.readStream('evidencepack-p1');
  return { events, files, done: () => rmSync(dataDir, { recursive: true, force: true }) };
}

describe('PackJobRunner', () => {
  it('writes the ZIP through a temporary file, renames it into place and records started then completed as the requester', async () => {
    const manifest = {
      rootHash: 'f'.repeat(64),
      generatedAt: '2022-11-21T12:00:00.000Z',
      positions: { from: 0, to: 0 },
      files: [],
    } as unknown as PackManifest;
    const h = await harness(async (_store, request, out) => {
      request.onProgress?.({ phase: 'events', eventsWritten: 1 });
      out.write('PK-not-really-a-zip');
      out.end();
      return manifest;
    });
    expect(h.events.map((e) => e.type)).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
      'evidence-pack-generation-completed',
    ]);
    expect(h.events[2].data).toMatchObject({ rootHash: manifest.rootHash, bytes: 19, eventsWritten: 1 });
    expect(h.events.slice(1).map((e) => [e.metadata.actor.userId, e.metadata.correlationId])).toEqual([
      [actor.userId, 'req-1'],
      [actor.userId, 'req-1'],
    ]);
    expect(readFileSync(h.files.pathOf('p1'), 'utf8')).toBe('PK-not-really-a-zip');
    expect(existsSync(h.files.tempPathOf('p1'))).toBe(false);
    h.done();
  });

  it('given the log tree, then the builder gets it for the inclusion proofs', async () => {
    const tree = { head: jest.fn() } as unknown as LogTree;
    const seen: unknown[] = [];
    const h = await harness(async (_store, request, out) => {
      seen.push(request.logTree);
      out.end();
      return {
        rootHash: 'f'.repeat(64),
        generatedAt: '2022-11-21T12:00:00.000Z',
        positions: { from: null, to: null },
        files: [],
      } as unknown as PackManifest;
    }, tree);
    expect(seen).toEqual([tree]);
    h.done();
  });

  it('records a failed build with its reason and leaves no file behind', async () => {
    const h = await harness(async (_store, _request, out) => {
      out.write('half a pack');
      throw new Error('summary.pdf could not be rendered');
    });
    expect(h.events.map((e) => e.type)).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
      'evidence-pack-generation-failed',
    ]);
    expect(h.events[2].data).toEqual({ packId: 'p1', reason: 'summary.pdf could not be rendered' });
    expect([existsSync(h.files.pathOf('p1')), existsSync(h.files.tempPathOf('p1'))]).toEqual([false, false]);
    h.done();
  });

  it('given the log cannot be followed, then its health is degraded with the reason and the retry; following again, it is up', async () => {
    const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
    const store = new MemoryEventStore(clock);
    const broken = {
      ...store,
      subscribe: () => ({
        close: async () => undefined,
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('the event-store is unreachable')) }),
      }),
    };
    const files = new PackStorage({ store: 'memory', dataDir: tmpdir() } as AppConfig);
    // A backoff far longer than the test: the queue stays 'retrying' while it is looked at.
    const slow = new Retrier(new RetryPolicy({ initialMs: 3_600_000, maxMs: 3_600_000, jitter: 0 }));
    const jobs = new PackJobRunner(
      broken as unknown as MemoryEventStore,
      new CommandRunner(store, clock),
      new EvidencePackReader(store),
      files,
      new PackProgressTracker(),
      clock,
      async () => {
        throw new Error('unused');
      },
      undefined,
      { follow: slow, builds: new Retrier() },
    );
    (jobs as unknown as { log: { error(): void } }).log = { error: () => undefined };
    expect(jobs.health()).toMatchObject({ status: 'up', state: 'idle' });
    jobs.start();
    for (let i = 0; i < 200 && jobs.health().status === 'up'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(jobs.health()).toEqual({
      status: 'degraded',
      state: 'retrying',
      reason: 'retrying: the event-store is unreachable',
      retry: { attempt: 1, nextRetryAt: expect.any(String), lastError: 'the event-store is unreachable' },
    });
    await jobs.stop();
    const healthy = new PackJobRunner(
      store,
      new CommandRunner(store, clock),
      new EvidencePackReader(store),
      files,
      new PackProgressTracker(),
      clock,
      async () => {
        throw new Error('unused');
      },
    );
    healthy.start();
    expect(healthy.health()).toEqual({ status: 'up', state: 'following' });
    await healthy.stop();
  });
});

describe('PackJobRunner following the log', () => {
  it('given the subscription fails (the store went away), when a pack is requested afterwards, then the queue has resubscribed by itself and builds it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pack-jobs-'));
    const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
    const inner = new MemoryEventStore(clock);
    let subscriptions = 0;
    // The first subscription fails as a dropped gRPC call does; later ones work.
    const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
      subscribe: (o?: SubscribeOptions): Subscription => {
        if (++subscriptions > 1) return inner.subscribe(o);
        return {
          [Symbol.asyncIterator]: () => ({
            next: () => Promise.reject(new Error('14 UNAVAILABLE: Connection dropped')),
          }),
          close: async () => undefined,
        };
      },
    });
    const runner = new CommandRunner(store, clock);
    const files = new PackStorage({ store: 'sqlite', dataDir } as AppConfig);
    const built: string[] = [];
    // The backoff ends when the test says so, not on the wall clock.
    let due: (() => void) | undefined;
    const timers = {
      now: () => 0,
      setTimeout: (fn: () => void) => {
        due = fn;
        return 1;
      },
      clearTimeout: () => undefined,
    };
    const jobs = new PackJobRunner(
      store,
      runner,
      new EvidencePackReader(store),
      files,
      new PackProgressTracker(),
      clock,
      async (_s, request, out) => {
        built.push(request.packId);
        out.end('zip');
        return {
          rootHash: 'f'.repeat(64),
          generatedAt: request.generatedAt,
          positions: { from: 0, to: 0 },
          files: [],
        } as unknown as PackManifest;
      },
      undefined,
      { follow: new Retrier(new RetryPolicy({ initialMs: 100, maxMs: 100 }), timers), builds: new Retrier() },
    );
    jobs.start();
    for (let i = 0; i < 2000 && !due; i++) await new Promise((r) => setTimeout(r, 5));
    expect(jobs.status()).toMatchObject({
      state: 'retrying',
      retry: { attempt: 1, lastError: '14 UNAVAILABLE: Connection dropped' },
    });
    due!(); // the backoff is over
    await runner.run(
      EvidencePack,
      'p2',
      { type: 'request-evidence-pack', data: { packId: 'p2', scope } },
      { actor, correlationId: 'req-2' },
    );
    for (let i = 0; i < 6000 && (await store.readStream('evidencepack-p2')).length < 3; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect((await store.readStream('evidencepack-p2')).map((e) => e.type)).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
      'evidence-pack-generation-completed',
    ]);
    expect(built).toEqual(['p2']);
    expect(jobs.status()).toEqual({ state: 'following' });
    expect(subscriptions).toBeGreaterThanOrEqual(2);
    await jobs.stop();
    expect(jobs.status()).toEqual({ state: 'stopped' });
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('PackJobRunner building through a store fault', () => {
  it('given a build cut short by a store fault (not even its failure recorded), then it is tried again after a backoff and the pack completes without a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pack-jobs-'));
    const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
    const inner = new MemoryEventStore(clock);
    let refusals = 2; // the disk is full for the first two writes of the build
    const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
      append: (s: string, e: NewEvent[], x: ExpectedRevision) =>
        e[0]?.type !== 'evidence-pack-requested' && refusals-- > 0
          ? Promise.reject(new StoreUnavailableError('storage-full', 'event-store', false))
          : inner.append(s, e, x),
    });
    const runner = new CommandRunner(store, clock);
    const files = new PackStorage({ store: 'sqlite', dataDir } as AppConfig);
    let due: (() => void) | undefined;
    const timers = {
      now: () => 0,
      setTimeout: (fn: () => void) => {
        due = fn;
        return 1;
      },
      clearTimeout: () => undefined,
    };
    const jobs = new PackJobRunner(
      store,
      runner,
      new EvidencePackReader(store),
      files,
      new PackProgressTracker(),
      clock,
      async (_s, request, out) => {
        out.end('zip');
        return {
          rootHash: 'f'.repeat(64),
          generatedAt: request.generatedAt,
          positions: { from: 0, to: 0 },
          files: [],
        } as unknown as PackManifest;
      },
      undefined,
      { follow: new Retrier(), builds: new Retrier(new RetryPolicy({ initialMs: 100, maxMs: 100 }), timers) },
    );
    (jobs as unknown as { log: { error(): void } }).log = { error: () => undefined };
    await runner.run(
      EvidencePack,
      'p3',
      { type: 'request-evidence-pack', data: { packId: 'p3', scope } },
      { actor, correlationId: 'req-3' },
    );
    jobs.start();
    let retries = 0;
    for (let i = 0; i < 4000 && (await store.readStream('evidencepack-p3')).length < 3; i++) {
      if (due) {
        // Nothing but the request is recorded until the backoff is over.
        expect((await store.readStream('evidencepack-p3')).map((e) => e.type)).toEqual(['evidence-pack-requested']);
        const release = due;
        due = undefined;
        retries++;
        release();
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(retries).toBe(2);
    expect((await store.readStream('evidencepack-p3')).map((e) => e.type)).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
      'evidence-pack-generation-completed',
    ]);
    await jobs.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
