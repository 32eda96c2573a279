import { Retrier, RetryPolicy } from './retry-policy';
import { manualTimers } from './testing/manual-timers';

const flush = () => new Promise((r) => setImmediate(r));

describe('RetryPolicy', () => {
  it('given no jitter, when attempts fail one after another, then the delay doubles up to the cap and stays there', () => {
    const policy = new RetryPolicy({ initialMs: 100, maxMs: 1000, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 50, 5000].map((a) => policy.delayMs(a))).toEqual([
      100, 200, 400, 800, 1000, 1000, 1000, 1000,
    ]);
  });

  it('given jitter 0.5, then each delay lies between half and all of its ceiling, as the random source says', () => {
    const low = new RetryPolicy({ initialMs: 100, maxMs: 1000, random: () => 0.999999 });
    const high = new RetryPolicy({ initialMs: 100, maxMs: 1000, random: () => 0 });
    expect([1, 3, 10].map((a) => low.delayMs(a))).toEqual([50, 200, 500]);
    expect([1, 3, 10].map((a) => high.delayMs(a))).toEqual([100, 400, 1000]);
  });

  it('given full jitter and a zero draw, then the delay is still at least 1 ms: a failing part never spins', () => {
    expect(new RetryPolicy({ initialMs: 1, maxMs: 1, jitter: 1, random: () => 0.9999999 }).delayMs(1)).toBe(1);
  });

  it('given a zero, negative or inverted range, then it is refused at construction', () => {
    expect(() => new RetryPolicy({ initialMs: 0, maxMs: 10 })).toThrow('0 < initialMs <= maxMs');
    expect(() => new RetryPolicy({ initialMs: 20, maxMs: 10 })).toThrow('0 < initialMs <= maxMs');
    expect(() => new RetryPolicy({ initialMs: 1, maxMs: 10, jitter: 2 })).toThrow('jitter');
    expect(() => new RetryPolicy({ initialMs: 1, maxMs: 10, factor: 0.5 })).toThrow('factor');
  });
});

describe('Retrier', () => {
  const policy = new RetryPolicy({ initialMs: 100, maxMs: 1000, jitter: 0 });

  it('given repeated failures, when each wait is due, then it resolves exactly then, counting attempts and reporting the next retry', async () => {
    const timers = manualTimers();
    const retrier = new Retrier(policy, timers);
    let woke = 0;
    void retrier.failed(new Error('14 UNAVAILABLE')).then(() => woke++);
    expect(retrier.status).toEqual({
      attempt: 1,
      nextRetryAt: new Date(100).toISOString(),
      lastError: '14 UNAVAILABLE',
    });
    timers.advance(99);
    await flush();
    expect(woke).toBe(0);
    timers.advance(1);
    await flush();
    expect(woke).toBe(1);
    void retrier.failed('again').then(() => woke++);
    expect(retrier.status).toMatchObject({ attempt: 2, nextRetryAt: new Date(300).toISOString(), lastError: 'again' });
    timers.advance(200);
    await flush();
    expect(woke).toBe(2);
  });

  it('given a run that stayed up for the cap before failing, then the count starts again; a run that fails soon keeps backing off', async () => {
    const timers = manualTimers();
    const retrier = new Retrier(policy, timers);
    for (let i = 0; i < 5; i++) {
      const wait = retrier.failed(new Error('down'));
      timers.advance(1000);
      await wait;
    }
    expect(retrier.status?.attempt).toBe(5);
    timers.advance(999);
    void retrier.failed(new Error('soon'));
    expect(retrier.status?.attempt).toBe(6);
    timers.advance(1000);
    await flush();
    timers.advance(1000);
    void retrier.failed(new Error('after a healthy while'));
    expect(retrier.status).toMatchObject({ attempt: 1, nextRetryAt: new Date(timers.now() + 100).toISOString() });
  });

  it('given a wait in progress, when cancelled, then it resolves at once and leaves no timer armed', async () => {
    const timers = manualTimers();
    const retrier = new Retrier(policy, timers);
    const wait = retrier.failed(new Error('down'));
    expect(timers.armed()).toBe(1);
    retrier.cancel();
    await wait;
    expect(timers.armed()).toBe(0);
  });

  it('given a recovery, then the status is cleared', () => {
    const retrier = new Retrier(policy, manualTimers());
    void retrier.failed(new Error('down'));
    retrier.recovered();
    expect(retrier.status).toBeUndefined();
  });
});

describe('Retrier with overlapping failures', () => {
  it('given two failures before the first wait ends, then each wait resolves on its own timer and cancel ends both', async () => {
    const timers = manualTimers();
    const retrier = new Retrier(new RetryPolicy({ initialMs: 100, maxMs: 1000, jitter: 0 }), timers);
    const woke: string[] = [];
    void retrier.failed(new Error('a')).then(() => woke.push('a'));
    void retrier.failed(new Error('b')).then(() => woke.push('b'));
    expect(retrier.status).toMatchObject({ attempt: 2, lastError: 'b' });
    timers.advance(100);
    await flush();
    expect(woke).toEqual(['a']);
    const third = retrier.failed(new Error('c'));
    retrier.cancel();
    await third;
    await flush();
    expect(woke.sort()).toEqual(['a', 'b']);
    expect(timers.armed()).toBe(0);
  });
});
