import { IntervalJob } from './interval-job';

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
    const round = jest.fn(() => new Promise<number>((r) => { finish = r; }));
    const job = new IntervalJob(round);
    const first = job.tick();
    const second = job.tick();
    expect(round).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = job.stop().then(() => { stopped = true; });
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish(3);
    await expect(first).resolves.toBe(3);
    await expect(second).resolves.toBe(3);
    await stopping;
    expect(stopped).toBe(true);
  });
});
