import { IntervalJob } from './interval-job';
import { Retrier, RetryPolicy } from './retry-policy';

describe('IntervalJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('given a schedule, when its minutes pass, then it runs a round each interval', async () => {
    const round = jest.fn(async () => 1);
    const job = new IntervalJob(round);
    job.start(5);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(round).toHaveBeenCalledTimes(2);
    await job.stop();
  });

  it('given 0 minutes, then it never runs on its own', async () => {
    const round = jest.fn(async () => 1);
    new IntervalJob(round).start(0);
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(round).not.toHaveBeenCalled();
  });

  it('given a round in progress, when another is asked for, then they share one run, and stop waits for it', async () => {
    let finish!: (n: number) => void;
    const round = jest.fn(
      () =>
        new Promise<number>((r) => {
          finish = r;
        }),
    );
    const job = new IntervalJob(round);
    const first = job.tick();
    const second = job.tick();
    expect(round).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish(3);
    await expect(first).resolves.toBe(3);
    await expect(second).resolves.toBe(3);
    await stopping;
    expect(stopped).toBe(true);
  });
});

describe('IntervalJob after a failed round', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('given a round that fails, then it is retried after a short backoff, not a whole interval later, and the schedule carries on', async () => {
    let calls = 0;
    const round = jest.fn(async () => {
      if (++calls <= 3) throw new Error('14 UNAVAILABLE');
      return calls;
    });
    const job = new IntervalJob(round, new Retrier(new RetryPolicy({ initialMs: 1000, maxMs: 4000, jitter: 0 })));
    job.start(60);
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(round).toHaveBeenCalledTimes(1);
    expect(job.status()).toMatchObject({ state: 'retrying', retry: { attempt: 1, lastError: '14 UNAVAILABLE' } });
    await jest.advanceTimersByTimeAsync(1000);
    expect(round).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(2000);
    expect(round).toHaveBeenCalledTimes(3);
    expect(job.status()).toMatchObject({ state: 'retrying', retry: { attempt: 3 } });
    await jest.advanceTimersByTimeAsync(4000);
    expect(round).toHaveBeenCalledTimes(4); // succeeded: back on the hour
    expect(job.status()).toEqual({ state: 'scheduled', nextRunAt: expect.any(String) });
    await jest.advanceTimersByTimeAsync(60 * 60_000 - 1);
    expect(round).toHaveBeenCalledTimes(4);
    await jest.advanceTimersByTimeAsync(1);
    expect(round).toHaveBeenCalledTimes(5);
    await job.stop();
    expect(job.status()).toEqual({ state: 'stopped' });
  });

  it('given a round that always fails, then it keeps retrying at the capped backoff, never stops and never spins', async () => {
    const round = jest.fn(async () => {
      throw new Error('disk full');
    });
    const job = new IntervalJob(round, new Retrier(new RetryPolicy({ initialMs: 1000, maxMs: 4000, jitter: 0 })));
    job.start(60);
    await jest.advanceTimersByTimeAsync(60 * 60_000 + 1000 + 2000 + 4000);
    expect(round).toHaveBeenCalledTimes(4);
    await jest.advanceTimersByTimeAsync(10 * 4000);
    expect(round).toHaveBeenCalledTimes(14);
    await job.stop();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(round).toHaveBeenCalledTimes(14);
  });

  it('given a retry wait in progress, when stopped, then stop does not wait it out', async () => {
    const job = new IntervalJob(
      async () => {
        throw new Error('down');
      },
      new Retrier(new RetryPolicy({ initialMs: 3_600_000, maxMs: 3_600_000 })),
    );
    job.start(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(job.status().state).toBe('retrying');
    await job.stop();
    expect(job.status()).toEqual({ state: 'stopped' });
  });
});
