import { Logger } from '@nestjs/common';
import { loadConfig } from '../../config/app-config';
import type { EventStore } from '../../ledger/event-store.port';
import { MemoryEventStore } from '../../ledger/memory/memory-event-store';
import { StoreUnavailableError } from '../../ledger/store-errors';
import { ManualClock } from '../../shared/clock';
import { RecordingLeadership } from '../../shared/testing/recording-leadership';
import type { PersonalDataCipher } from '../personal-data-cipher';
import { RetentionScheduler } from './retention-scheduler';

describe('RetentionScheduler after a failed round', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['Date', 'nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('given the store unreachable for two rounds, then the round is retried after a short backoff, not a day later, and health shows the retry until it succeeds', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const clock = new ManualClock(new Date('2023-06-01T12:00:00Z'));
    const inner = new MemoryEventStore(clock);
    let failures = 2;
    let rounds = 0;
    const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
      readAll: (o: Parameters<EventStore['readAll']>[0]) => {
        rounds++;
        return failures-- > 0
          ? Promise.reject(new StoreUnavailableError('store-unavailable', 'event-store', false))
          : inner.readAll(o);
      },
    });
    const config = loadConfig({ RETENTION_ESCALATIONS_DAYS: '30', RETENTION_INTERVAL_MINUTES: '1440' });
    const scheduler = new RetentionScheduler(config, store, clock, {} as PersonalDataCipher, { execute: jest.fn() });
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(rounds).toBe(1);
    expect(scheduler.health()).toMatchObject({
      status: 'degraded',
      retry: { attempt: 1, lastError: expect.stringMatching(/unreachable/) },
    });
    // The default backoff: at most 0.25 s, then at most 0.5 s (10 s is the cap, far off after two failures).
    await jest.advanceTimersByTimeAsync(10_000);
    expect(rounds).toBe(3);
    expect(scheduler.health()).toEqual({ status: 'up', lastRound: { ok: true, at: expect.any(String) } });
    expect(scheduler.status()).toMatchObject({ state: 'scheduled' });
    await scheduler.beforeApplicationShutdown();
  });
});

describe('RetentionScheduler with several instances', () => {
  it('given another instance leads the retention schedule, when a round is due here, then it reads and erases nothing; as leader it runs under a lease of one interval plus the margin', async () => {
    const clock = new ManualClock(new Date('2023-06-01T12:00:00Z'));
    const store = new MemoryEventStore(clock);
    const readAll = jest.spyOn(store, 'readAll');
    const config = loadConfig({
      RETENTION_ESCALATIONS_DAYS: '30',
      RETENTION_INTERVAL_MINUTES: '1440',
      SHARED_STATE: 'postgres',
      DATABASE_URL: 'postgres://db/ledger',
      LEADER_LEASE_SECONDS: '60',
    });
    const leadership = new RecordingLeadership();
    const scheduler = new RetentionScheduler(
      config,
      store,
      clock,
      {} as PersonalDataCipher,
      { execute: jest.fn() },
      leadership,
    );

    expect(await scheduler.tick()).toBe(0);
    expect(readAll).not.toHaveBeenCalled();
    leadership.leads = true;
    expect(await scheduler.tick()).toBe(0);
    expect(readAll).toHaveBeenCalled();
    expect(leadership.asked).toEqual([
      ['retention', 1440 * 60_000 + 60_000],
      ['retention', 1440 * 60_000 + 60_000],
    ]);
  });
});
