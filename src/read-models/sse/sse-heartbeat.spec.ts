import { SseHeartbeat } from './sse-heartbeat';

describe('SseHeartbeat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('given two open streams, then each gets a beat every 15 s, from one timer', () => {
    const heartbeat = new SseHeartbeat();
    const counts = [0, 0];
    const subs = counts.map((_, i) => heartbeat.beats.subscribe(() => counts[i]++));
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(14_999);
    expect(counts).toEqual([0, 0]);
    jest.advanceTimersByTime(1);
    expect(counts).toEqual([1, 1]);
    jest.advanceTimersByTime(30_000);
    expect(counts).toEqual([3, 3]);
    subs.forEach((s) => s.unsubscribe());
  });

  it('given no stream open, then no timer runs (idle costs nothing)', () => {
    const heartbeat = new SseHeartbeat();
    expect(jest.getTimerCount()).toBe(0);
    const sub = heartbeat.beats.subscribe(() => undefined);
    sub.unsubscribe();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('given beat() is called, then every open stream beats at once', () => {
    const heartbeat = new SseHeartbeat(60_000);
    let count = 0;
    const sub = heartbeat.beats.subscribe(() => count++);
    heartbeat.beat();
    expect(count).toBe(1);
    sub.unsubscribe();
  });
});
