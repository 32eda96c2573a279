import { ThrottlerStorageService } from '@nestjs/throttler';
import fc from 'fast-check';
import { SlidingLogThrottlerStorage } from './rate-limit-storage';

/** One request as the guard makes it: after `advanceMs`, for `key`, with the route's limits. */
const step = fc.record({
  // Steps that land exactly on an expiry (ttl and blockDuration are whole seconds) as well as between.
  advanceMs: fc.oneof(
    fc.constantFrom(0, 1, 500, 999, 1_000, 1_001, 59_999, 60_000, 60_001),
    fc.integer({ min: 0, max: 70_000 }),
  ),
  key: fc.constantFrom('a', 'b', 'c'),
  throttlerName: fc.constantFrom('default', 'burst'),
  ttl: fc.constantFrom(1_000, 60_000),
  limit: fc.integer({ min: 1, max: 6 }),
  blockDuration: fc.constantFrom(0, 1_000, 60_000),
});

describe('SlidingLogThrottlerStorage', () => {
  let now = 1_700_000_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('given any sequence of requests, when each is counted, then it answers as the library storage does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 120 }), // A clock stepped back now and then: the count must still be of the hits whose expiry is ahead.
        fc.array(fc.oneof(fc.constant(0), fc.constant(-1_000), fc.integer({ min: -2_000, max: 0 }))),
        async (steps, stepsBack) => {
          const library = new ThrottlerStorageService();
          const ours = new SlidingLogThrottlerStorage();
          try {
            for (const [i, s] of steps.entries()) {
              now += s.advanceMs + (stepsBack[i] ?? 0);
              const args = [s.key, s.ttl, s.limit, s.blockDuration, s.throttlerName] as const;
              expect(await ours.increment(...args)).toEqual(await library.increment(...args));
            }
          } finally {
            library.onApplicationShutdown();
            ours.onApplicationShutdown();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('given a client over the limit, when its block has passed, then it is counted afresh', async () => {
    const storage = new SlidingLogThrottlerStorage();
    for (let i = 0; i < 3; i++) await storage.increment('k', 60_000, 2, 60_000, 'default');
    expect(await storage.increment('k', 60_000, 2, 60_000, 'default')).toMatchObject({ isBlocked: true });
    now += 60_001;
    expect(await storage.increment('k', 60_000, 2, 60_000, 'default')).toMatchObject({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
    });
    storage.onApplicationShutdown();
  });

  it("given thousands of hits, when they expire, then only the last window's hits are counted", async () => {
    const storage = new SlidingLogThrottlerStorage();
    for (let i = 0; i < 5_000; i++) {
      now += 1;
      await storage.increment('k', 1_000, 1_000_000, 60_000, 'default');
    }
    now += 1;
    const record = await storage.increment('k', 1_000, 1_000_000, 60_000, 'default');
    expect(record.totalHits).toBe(1_000);
    storage.onApplicationShutdown();
  });
});
