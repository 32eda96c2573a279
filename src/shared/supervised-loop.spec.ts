import { Retrier, RetryPolicy, type RetryStatus } from './retry-policy';
import { SupervisedLoop, type SupervisedWork } from './supervised-loop';
import { manualTimers } from './testing/manual-timers';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};
const policy = new RetryPolicy({ initialMs: 100, maxMs: 1000, jitter: 0 });

/** A run that waits until released (as a subscription does until closed), or fails as scripted. */
function scriptedWork(outcomes: ('fail' | 'follow')[], extra: Partial<SupervisedWork> = {}) {
  const counts = { runs: 0, releases: 0, failures: [] as { message: string; retry: RetryStatus }[] };
  let release: (() => void) | undefined;
  const work: SupervisedWork = {
    run: async () => {
      const outcome = outcomes[counts.runs++] ?? 'follow';
      if (outcome === 'fail') throw new Error(`run ${counts.runs} failed`);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release: async () => {
      counts.releases++;
      release?.();
      release = undefined;
    },
    failed: (error, retry) => counts.failures.push({ message: error.message, retry }),
    ...extra,
  };
  return { work, counts };
}

describe('SupervisedLoop', () => {
  it('given a run that fails twice, when each backoff is due, then it runs again, reporting retrying with the attempt until it recovers', async () => {
    const timers = manualTimers();
    const { work, counts } = scriptedWork(['fail', 'fail', 'follow']);
    const loop = new SupervisedLoop(work, new Retrier(policy, timers));
    loop.start();
    await flush();
    expect(counts.runs).toBe(1);
    expect(loop.state).toBe('retrying');
    expect(loop.error?.message).toBe('run 1 failed');
    expect(loop.retry).toEqual({ attempt: 1, nextRetryAt: new Date(100).toISOString(), lastError: 'run 1 failed' });
    expect(counts.failures.map((f) => f.retry.attempt)).toEqual([1]);
    expect(counts.releases).toBe(1); // what the failed run held is released before the wait

    timers.advance(99);
    await flush();
    expect(counts.runs).toBe(1); // not before the backoff
    timers.advance(1);
    await flush();
    expect(counts.runs).toBe(2);
    expect(loop.retry?.attempt).toBe(2);

    timers.advance(200);
    await flush();
    expect(counts.runs).toBe(3);
    expect(loop.state).toBe('retrying'); // running again, but nothing has told it the run made progress
    loop.recovered();
    expect(loop.state).toBe('running');
    expect(loop.error).toBeUndefined();
    expect(loop.retry).toBeUndefined();
    await loop.stop();
    expect(loop.state).toBe('stopped');
  });

  it('given a run that returns without stop(), then that is a failure and is retried', async () => {
    const timers = manualTimers();
    let runs = 0;
    const loop = new SupervisedLoop(
      {
        run: async () => {
          runs++;
        },
        release: async () => undefined,
      },
      new Retrier(policy, timers),
    );
    loop.start();
    await flush();
    expect(runs).toBe(1);
    expect(loop.error?.message).toBe('The subscription ended without being closed');
    timers.advance(100);
    await flush();
    expect(runs).toBe(2);
    await loop.stop();
  });

  it('given a loop waiting out a backoff, when stopped, then it ends at once, cancelling the wait, and never runs again', async () => {
    const timers = manualTimers();
    const { work, counts } = scriptedWork(['fail']);
    const loop = new SupervisedLoop(work, new Retrier(policy, timers));
    loop.start();
    await flush();
    expect(timers.armed()).toBe(1);
    await loop.stop();
    expect(timers.armed()).toBe(0);
    expect(loop.state).toBe('stopped');
    timers.advance(10_000);
    await flush();
    expect(counts.runs).toBe(1);
  });

  it('given a following run, when stopped, then release ends the run, the loop waits for it, and no failure is reported', async () => {
    const { work, counts } = scriptedWork(['follow']);
    const loop = new SupervisedLoop(work, new Retrier(policy, manualTimers()));
    loop.start();
    loop.start(); // a second start is ignored
    await flush();
    expect(counts.runs).toBe(1);
    await loop.stop();
    expect(counts.releases).toBe(1);
    expect(counts.failures).toEqual([]);
    expect(loop.state).toBe('stopped');
  });

  it('given an error final() claims, then the loop ends without a backoff; any other error is retried', async () => {
    const timers = manualTimers();
    const claimed: unknown[] = [];
    const { work, counts } = scriptedWork(['fail', 'fail'], {
      final: (err) => {
        if (counts.runs < 2) return false;
        claimed.push(err);
        return true;
      },
    });
    const loop = new SupervisedLoop(work, new Retrier(policy, timers));
    loop.start();
    await flush();
    expect(loop.state).toBe('retrying'); // the first error is not final
    timers.advance(100);
    await flush();
    expect(counts.runs).toBe(2);
    expect(claimed.map((e) => (e as Error).message)).toEqual(['run 2 failed']);
    expect(counts.failures.map((f) => f.message)).toEqual(['run 1 failed']); // the final one is not reported as a retry
    expect(timers.armed()).toBe(0);
    timers.advance(10_000);
    await flush();
    expect(counts.runs).toBe(2);
    await loop.stop();
  });

  it('given a release that throws, then the failure and stop() still go on', async () => {
    const timers = manualTimers();
    let runs = 0;
    const loop = new SupervisedLoop(
      {
        run: async () => {
          runs++;
          throw new Error('down');
        },
        release: async () => {
          throw new Error('close failed');
        },
      },
      new Retrier(policy, timers),
    );
    loop.start();
    await flush();
    expect(loop.error?.message).toBe('down');
    timers.advance(100);
    await flush();
    expect(runs).toBe(2);
    await expect(loop.stop()).resolves.toBeUndefined();
    expect(loop.state).toBe('stopped');
  });
});
