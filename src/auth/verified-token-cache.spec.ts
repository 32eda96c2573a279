import { VerifiedTokenCache } from './verified-token-cache';

const actor = (userId: string) => ({ userId, role: 'admin', agency: 'a' });

describe('VerifiedTokenCache', () => {
  it('answers a stored token until its time is over, and not from then on', () => {
    const cache = new VerifiedTokenCache();
    cache.put('t1', actor('u1'), 2_000, 1_000);

    expect(cache.get('t1', 1_999)).toEqual(actor('u1'));
    expect(cache.get('t1', 2_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('is keyed by the whole token: another token is not answered', () => {
    const cache = new VerifiedTokenCache();
    cache.put('header.payload.sig1', actor('u1'), 2_000, 1_000);

    expect(cache.get('header.payload.sig2', 1_000)).toBeUndefined();
  });

  it('never stores an entry already over', () => {
    const cache = new VerifiedTokenCache();
    cache.put('t1', actor('u1'), 1_000, 1_000);

    expect(cache.size).toBe(0);
  });

  it('holds at most its bound, dropping the entry stored longest ago', () => {
    const cache = new VerifiedTokenCache(2);
    cache.put('t1', actor('u1'), 9_000, 0);
    cache.put('t2', actor('u2'), 9_000, 0);
    cache.put('t3', actor('u3'), 9_000, 0);

    expect(cache.size).toBe(2);
    expect(cache.get('t1', 1)).toBeUndefined();
    expect(cache.get('t2', 1)).toEqual(actor('u2'));
    expect(cache.get('t3', 1)).toEqual(actor('u3'));
  });
});
