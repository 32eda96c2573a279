import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../../src/config/app-config';
import { CommandRunner } from '../../src/ledger/command-runner';
import {
  RecordLedgerDigestHandler,
  type RecordLedgerDigestCommand,
} from '../../src/ledger/digests/commands/record-ledger-digest/record-ledger-digest';
import { DIGEST_SCHEDULER_ACTOR, DigestScheduler } from '../../src/ledger/digests/digest-scheduler';
import { LogHeadDigester } from '../../src/ledger/digests/log-head-digester';
import { DefinitionLogTree } from '../../src/ledger/log-tree/definition-log-tree';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { isRole, ROLES } from '../../src/auth/permissions';
import { ManualClock } from '../../src/shared/clock';

const HOUR = 60 * 60_000;
const actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };

/** The real digester, handler and runner on a memory store; only the interval timer is faked. */
function setup(interval = '60', fail = 0) {
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  const store = new MemoryEventStore(clock);
  const digester = new LogHeadDigester(
    store,
    clock,
    { privateKey: generateKeyPairSync('ed25519').privateKey, publicKeyPem: '' },
    new DefinitionLogTree(store),
  );
  const handler = new RecordLedgerDigestHandler(new CommandRunner(store, clock), digester);
  let failures = fail;
  const bus = {
    execute: (c: RecordLedgerDigestCommand) =>
      failures-- > 0 ? Promise.reject(new Error('store unavailable')) : handler.execute(c),
  } as unknown as CommandBus;
  const scheduler = new DigestScheduler(loadConfig({ DIGEST_INTERVAL_MINUTES: interval }), digester, bus);
  let n = 0;
  const write = () =>
    store.append(
      `partner-p-${n}`,
      [
        {
          id: `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`,
          type: 'partner-registered',
          schemaVersion: 1,
          data: {},
          metadata: { actor, correlationId: 'c', causationId: 'c', occurredAt: '2022-05-10T09:30:00Z' },
        },
      ],
      'no_stream',
    );
  const digests = async () => await store.readAll({ filter: { streamCategories: ['digest'] } });
  const advance = async (ms: number) => {
    await jest.advanceTimersByTimeAsync(ms);
    await scheduler.settled();
  };
  return { scheduler, write, digests, advance };
}

describe('DigestScheduler', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['Date', 'nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('given the default hourly interval, then a digest is recorded each hour by the system actor, but only when something besides digests changed', async () => {
    const s = setup();
    await s.write();
    s.scheduler.onApplicationBootstrap();
    await s.advance(HOUR - 1000);
    expect(await s.digests()).toHaveLength(0);
    await s.advance(1000);
    const [first] = await s.digests();
    expect(first).toMatchObject({
      streamId: 'digest-head-0',
      type: 'ledger-digest-recorded',
      metadata: { actor: DIGEST_SCHEDULER_ACTOR },
    });
    await s.advance(HOUR); // quiet hour: no digest of a digest
    expect(await s.digests()).toHaveLength(1);
    await s.write();
    await s.advance(HOUR);
    expect((await s.digests()).map((e) => e.streamId)).toEqual(['digest-head-0', 'digest-head-2']);
    await s.scheduler.onApplicationShutdown();
  });

  it('given DIGEST_INTERVAL_MINUTES=0, then nothing is scheduled', async () => {
    const s = setup('0');
    await s.write();
    s.scheduler.onApplicationBootstrap();
    await s.advance(24 * HOUR);
    expect(await s.digests()).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('on shutdown, it waits for the round in progress and then records nothing more', async () => {
    const s = setup('5');
    await s.write();
    s.scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5 * 60_000); // a round starts
    await s.scheduler.onApplicationShutdown();
    expect(await s.digests()).toHaveLength(1);
    await s.write();
    await s.advance(HOUR);
    expect(await s.digests()).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('given failed rounds, then each is logged (not thrown) and retried after a backoff of at most 10 s, not an hour later', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const s = setup('60', 3);
    await s.write();
    s.scheduler.onApplicationBootstrap();
    await s.advance(HOUR);
    expect(await s.digests()).toHaveLength(0);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('store unavailable'), expect.any(String));
    expect(s.scheduler.status()).toMatchObject({
      state: 'retrying',
      retry: { attempt: 1, lastError: 'store unavailable' },
    });
    for (let i = 0; i < 3; i++) await s.advance(10_000); // three backoffs, each at most the 10 s cap
    expect(await s.digests()).toHaveLength(1);
    expect(errors).toHaveBeenCalledTimes(3);
    expect(s.scheduler.status()).toMatchObject({ state: 'scheduled' });
    await s.scheduler.onApplicationShutdown();
  });

  it('given rounds that fail then succeed, then its health says so: up with no round yet, degraded with the reason and when, then up again', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const s = setup('60', 1);
    expect(s.scheduler.health()).toEqual({ status: 'up', lastRound: null });
    await s.write();
    s.scheduler.onApplicationBootstrap();
    await s.advance(HOUR);
    expect(s.scheduler.health()).toEqual({
      status: 'degraded',
      reason: 'store unavailable',
      lastRound: { ok: false, at: expect.any(String), reason: 'store unavailable' },
      retry: { attempt: 1, nextRetryAt: expect.any(String), lastError: 'store unavailable' },
    });
    await s.advance(10_000); // the retry, after a backoff of at most 10 s
    expect(s.scheduler.health()).toEqual({ status: 'up', lastRound: { ok: true, at: expect.any(String) } });
    await s.scheduler.onApplicationShutdown();
  });

  it('given DIGEST_INTERVAL_MINUTES=0, then its health says disabled', () => {
    expect(setup('0').scheduler.health()).toEqual({ status: 'disabled' });
  });

  it("the scheduler's role is no role: no token can carry it and it holds no permission", () => {
    expect(isRole(DIGEST_SCHEDULER_ACTOR.role)).toBe(false);
    expect(ROLES).not.toContain(DIGEST_SCHEDULER_ACTOR.role);
  });
});
