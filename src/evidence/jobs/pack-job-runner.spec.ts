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
import { PACK_QUEUE_LEASE, PackQueueLeadership } from './pack-queue-leadership';
import type { PackFiles } from './pack-files.port';
import { FencedOutError, type PgLeases } from '../../shared-state/postgres/leases';
import { HANG_GUARD_MS } from '../../../test/support/hang-guard';

const actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const scope = {
  from: '2022-04-01',
  to: '2023-03-31',
  boardIds: [],
  partnerIds: [],
  themes: [],
  records: ['actions' as const],
};

/** A manifest as a builder double returns it. */
const fakeManifest = (generatedAt = '2022-11-21T12:00:00.000Z', positions: object = { from: 0, to: 0 }) =>
  ({ rootHash: 'f'.repeat(64), generatedAt, positions, files: [] }) as unknown as PackManifest;

/** Requests pack p<n> as the requester, correlated as req-<n>. */
const requestPack = (runner: CommandRunner, n: number) =>
  runner.run(
    EvidencePack,
    `p${n}`,
    { type: 'request-evidence-pack', data: { packId: `p${n}`, scope } },
    { actor, correlationId: `req-${n}` },
  );

/** Polls `condition` every 5 ms until it holds, or gives up (returns) after the hang guard. */
async function until(condition: () => boolean | Promise<boolean>, each = async () => undefined): Promise<void> {
  for (const end = Date.now() + HANG_GUARD_MS; !(await condition()) && Date.now() < end;) {
    await each();
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Polls until the pack's stream holds requested, started and an outcome (or the hang guard runs out). */
async function untilPackSettled(store: EventStore, packId: string, each = async () => undefined) {
  await until(async () => (await store.readStream(`evidencepack-${packId}`)).length >= 3, each);
}

/** A retry backoff that ends when the test says so, not on the wall clock: `due()` is the pending wake-up. */
function manualTimers() {
  const pending: { due?: () => void } = {};
  const timers = {
    now: () => 0,
    setTimeout: (fn: () => void) => {
      pending.due = fn;
      return 1;
    },
    clearTimeout: () => undefined,
  };
  return { timers, pending };
}

/** A queue over `store` with real storage, the given builder and retry policies. */
function packJobs(
  store: EventStore,
  clock: ManualClock,
  files: PackStorage,
  build: BuildPack,
  retry?: { follow: Retrier; builds: Retrier },
  logTree?: LogTree,
  runner = new CommandRunner(store, clock),
  leadership?: PackQueueLeadership,
) {
  return new PackJobRunner(
    store,
    runner,
    new EvidencePackReader(store),
    files,
    new PackProgressTracker(),
    clock,
    build,
    undefined,
    retry,
    logTree,
    leadership,
  );
}

const sqliteFiles = () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pack-jobs-'));
  return {
    files: new PackStorage({ store: 'sqlite', dataDir } as AppConfig),
    done: () => rmSync(dataDir, { recursive: true, force: true }),
  };
};

/** A builder double that writes a stand-in zip, noting each pack it built. */
const zipBuilder =
  (built: string[] = []): BuildPack =>
  async (_s, request, out) => {
    built.push(request.packId);
    out.end('zip');
    return fakeManifest(request.generatedAt);
  };

/** A queue over `store` (a faulty double) building with zipBuilder, its backoffs on manual timers (`pending.due`). */
function jobsWithManualBackoff(
  store: EventStore,
  clock: ManualClock,
  retry: (timers: ReturnType<typeof manualTimers>['timers']) => { follow: Retrier; builds: Retrier },
  built?: string[],
) {
  const runner = new CommandRunner(store, clock);
  const { files, done } = sqliteFiles();
  const { timers, pending } = manualTimers();
  const jobs = packJobs(store, clock, files, zipBuilder(built), retry(timers), undefined, runner);
  return { runner, jobs, pending, done };
}

const unused: BuildPack = async () => {
  throw new Error('unused');
};

/** The runner around a builder double: what it records when the builder succeeds or throws. */
async function harness(build: BuildPack, logTree?: LogTree) {
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  const store = new MemoryEventStore(clock);
  const { files, done } = sqliteFiles();
  const runner = new CommandRunner(store, clock);
  const jobs = packJobs(store, clock, files, build, undefined, logTree, runner);
  await requestPack(runner, 1);
  jobs.start();
  await untilPackSettled(store, 'p1');
  await jobs.stop();
  const events = await store.readStream('evidencepack-p1');
  return { events, files, done };
}

describe('PackJobRunner', () => {
  it('writes the ZIP through a temporary file, renames it into place and records started then completed as the requester', async () => {
    const manifest = fakeManifest();
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
      return fakeManifest(undefined, { from: null, to: null });
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

  it('given the pack queue’s lease passed to another instance while this one built, then keeping the pack is refused and this instance records nothing more, leaving no file', async () => {
    const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
    const store = new MemoryEventStore(clock);
    const { files, done } = sqliteFiles();
    const lease = { name: PACK_QUEUE_LEASE, holder: 'this-instance', token: 7n };
    // The write's fencing check fails: another instance took the lease (token 8) meanwhile.
    const refused: PackFiles['keep'] = (_packId, held) => Promise.reject(new FencedOutError(held!.name, held!.token));
    Object.assign(files, { keep: refused });
    const leases = { acquire: async () => lease, release: async () => undefined } as unknown as PgLeases;
    const runner = new CommandRunner(store, clock);
    const lateBuild: BuildPack = async (_store, _request, out) => {
      out.end('PK-late');
      return fakeManifest();
    };
    const leadership = new PackQueueLeadership(leases, 'this-instance', 60_000);
    const jobs = packJobs(store, clock, files, lateBuild, undefined, undefined, runner, leadership);
    (jobs as unknown as { log: { error(): void } }).log = { error: () => undefined };
    await requestPack(runner, 1);
    jobs.start();
    // Until the build has started (the request reached the queue), then until it has run out.
    await until(async () => (await store.readStream('evidencepack-p1')).length >= 2);
    await jobs.drained();
    await jobs.stop();
    expect((await store.readStream('evidencepack-p1')).map((e) => e.type)).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
    ]);
    expect([existsSync(files.pathOf('p1')), existsSync(files.tempPathOf('p1'))]).toEqual([false, false]);
    done();
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
    const jobs = packJobs(
      broken as unknown as MemoryEventStore,
      clock,
      files,
      unused,
      { follow: slow, builds: new Retrier() },
      undefined,
      new CommandRunner(store, clock),
    );
    (jobs as unknown as { log: { error(): void } }).log = { error: () => undefined };
    expect(jobs.health()).toMatchObject({ status: 'up', state: 'idle' });
    jobs.start();
    await until(() => jobs.health().status !== 'up');
    expect(jobs.health()).toEqual({
      status: 'degraded',
      state: 'retrying',
      reason: 'retrying: the event-store is unreachable',
      retry: { attempt: 1, nextRetryAt: expect.any(String), lastError: 'the event-store is unreachable' },
    });
    await jobs.stop();
    const healthy = packJobs(store, clock, files, unused);
    healthy.start();
    expect(healthy.health()).toEqual({ status: 'up', state: 'following' });
    await healthy.stop();
  });
});

describe('PackJobRunner following the log', () => {
  it('given the subscription fails (the store went away), when a pack is requested afterwards, then the queue has resubscribed by itself and builds it', async () => {
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
    const built: string[] = [];
    const { runner, jobs, pending, done } = jobsWithManualBackoff(
      store,
      clock,
      (timers) => ({
        follow: new Retrier(new RetryPolicy({ initialMs: 100, maxMs: 100 }), timers),
        builds: new Retrier(),
      }),
      built,
    );
    jobs.start();
    await until(() => pending.due !== undefined);
    expect(jobs.status()).toMatchObject({
      state: 'retrying',
      retry: { attempt: 1, lastError: '14 UNAVAILABLE: Connection dropped' },
    });
    pending.due!(); // the backoff is over
    await requestPack(runner, 2);
    await untilPackSettled(store, 'p2');
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
    done();
  });
  it('given it is retrying and its proving read of the log is still in flight, when it is stopped and the read then answers, then stop() ends without opening a subscription nobody would close', async () => {
    const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
    const inner = new MemoryEventStore(clock);
    let stopRequested = false;
    let openedAfterStop: () => void = () => undefined;
    const subscribedAfterStop = new Promise<'subscribed after stop'>((resolve) => {
      openedAfterStop = () => resolve('subscribed after stop');
    });
    let answerRead: (() => void) | undefined;
    let subscriptions = 0;
    // The first subscription drops (the store went away); the read that proves it is back is held.
    const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
      subscribe: (o?: SubscribeOptions): Subscription => {
        if (++subscriptions === 1)
          return {
            [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('14 UNAVAILABLE: dropped')) }),
            close: async () => undefined,
          };
        if (stopRequested) openedAfterStop();
        return inner.subscribe(o);
      },
      readAll: () => new Promise((resolve) => (answerRead = () => resolve([]))),
    });
    const { jobs, pending, done } = jobsWithManualBackoff(store, clock, (timers) => ({
      follow: new Retrier(new RetryPolicy({ initialMs: 100, maxMs: 100 }), timers),
      builds: new Retrier(),
    }));
    (jobs as unknown as { log: { error(): void } }).log = { error: () => undefined };
    jobs.start();
    await until(() => pending.due !== undefined);
    pending.due!(); // the backoff is over: the queue reads the log to prove the store answers
    await until(() => answerRead !== undefined);

    stopRequested = true;
    const stopped = jobs.stop().then(() => 'stopped' as const);
    answerRead!();

    expect(await Promise.race([stopped, subscribedAfterStop])).toBe('stopped');
    expect(jobs.status()).toEqual({ state: 'stopped' });
    done();
  });
});

describe('PackJobRunner building through a store fault', () => {
  it('given a build cut short by a store fault (not even its failure recorded), then it is tried again after a backoff and the pack completes without a restart', async () => {
    const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
    const inner = new MemoryEventStore(clock);
    let refusals = 2; // the disk is full for the first two writes of the build
    const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
      append: (s: string, e: NewEvent[], x: ExpectedRevision) =>
        e[0]?.type !== 'evidence-pack-requested' && refusals-- > 0
          ? Promise.reject(new StoreUnavailableError('storage-full', 'event-store', false))
          : inner.append(s, e, x),
    });
    const { runner, jobs, pending, done } = jobsWithManualBackoff(store, clock, (timers) => ({
      follow: new Retrier(),
      builds: new Retrier(new RetryPolicy({ initialMs: 100, maxMs: 100 }), timers),
    }));
    (jobs as unknown as { log: { error(): void } }).log = { error: () => undefined };
    await requestPack(runner, 3);
    jobs.start();
    let retries = 0;
    await untilPackSettled(store, 'p3', async () => {
      if (!pending.due) return;
      // Nothing but the request is recorded until the backoff is over.
      expect((await store.readStream('evidencepack-p3')).map((e) => e.type)).toEqual(['evidence-pack-requested']);
      const release = pending.due;
      pending.due = undefined;
      retries++;
      release();
    });
    expect(retries).toBe(2);
    expect((await store.readStream('evidencepack-p3')).map((e) => e.type)).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
      'evidence-pack-generation-completed',
    ]);
    await jobs.stop();
    done();
  });
});
