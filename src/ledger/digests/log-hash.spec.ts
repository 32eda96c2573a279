import { createHash } from 'node:crypto';
import { computeLogHash, LogHasher } from './log-hash';

const hashOf = (i: number) => createHash('sha256').update(`event ${i}`).digest('hex');
const hashes = Array.from({ length: 50 }, (_, i) => hashOf(i));

describe('computeLogHash', () => {
  it('is SHA-256 over each event hash followed by a newline, in order (the documented definition)', () => {
    const expected = createHash('sha256')
      .update(
        hashes
          .slice(0, 3)
          .map((h) => `${h}\n`)
          .join(''),
      )
      .digest('hex');
    expect(computeLogHash(hashes.slice(0, 3))).toBe(expected);
  });

  it('depends on the order of the events', () => {
    expect(computeLogHash([hashes[1], hashes[0]])).not.toBe(computeLogHash([hashes[0], hashes[1]]));
  });

  it('refuses anything that is not a lower-case hex SHA-256, rather than hash it', () => {
    expect(() => computeLogHash([hashes[0].toUpperCase()])).toThrow(TypeError);
    expect(() => computeLogHash(['abc'])).toThrow(/Not an event hash/);
  });
});

describe('LogHasher (incremental)', () => {
  it('given events added in batches with a read after each, then every read equals the from-scratch hash of the prefix', () => {
    const running = new LogHasher();
    let added = 0;
    for (const batch of [1, 7, 0, 20, 22]) {
      for (const h of hashes.slice(added, added + batch)) running.add(h);
      added += batch;
      expect(running.current()).toBe(computeLogHash(hashes.slice(0, added)));
      expect(running.eventCount).toBe(added);
    }
  });

  it('reading does not finalise the hash: it can be read twice and still extended', () => {
    const running = new LogHasher();
    running.add(hashes[0]);
    expect(running.current()).toBe(running.current());
    running.add(hashes[1]);
    expect(running.current()).toBe(computeLogHash(hashes.slice(0, 2)));
  });
});
