import { sealEvents, NEW_STREAM_TAIL } from '../hash-chain';
import { eventLeafHash, eventLeafInput } from './event-leaf';
import { hashLeaf } from './hashing';

const HASH = 'a'.repeat(64);

describe('eventLeafInput (what a ledger event contributes to the log-level tree)', () => {
  it('given an event, when its leaf is built, then it is streamId NUL revision NUL hash in UTF-8, byte for byte', () => {
    expect(eventLeafInput('action-1', 12, HASH)).toEqual(Buffer.from(`action-1\x0012\x00${HASH}`));
    expect(eventLeafInput('réunion', 0, HASH).subarray(0, 8)).toEqual(
      Buffer.from([0x72, 0xc3, 0xa9, 0x75, 0x6e, 0x69, 0x6f, 0x6e]),
    );
    // Pinned: every signed digest commits to this format, so a change must fail here first.
    expect(eventLeafHash({ streamId: 'action-1', revision: 12, integrity: { hash: HASH } }).toString('hex')).toBe(
      hashLeaf(Buffer.from(`action-1\x0012\x00${HASH}`)).toString('hex'),
    );
    // Computed outside this code: python3 -c "import hashlib; print(hashlib.sha256(b'\x00action-1\x0012\x00' + b'a'*64).hexdigest())"
    expect(eventLeafHash({ streamId: 'action-1', revision: 12, integrity: { hash: HASH } }).toString('hex')).toBe(
      '03bc47eb690b3bb45e404f29694fb4c2cffa21160eeedeea4e72ec63b9f15d93',
    );
  });

  it('given the same event content at another stream or revision, when leafed, then the leaves differ', () => {
    const base = eventLeafInput('action-1', 1, HASH);
    expect(eventLeafInput('action-2', 1, HASH)).not.toEqual(base);
    expect(eventLeafInput('action-1', 2, HASH)).not.toEqual(base);
    expect(eventLeafInput('action-1', 1, 'b'.repeat(64))).not.toEqual(base);
    // A NUL inside a stream id cannot shift the fields: revision and hash never hold one.
    expect(eventLeafInput('a\x001', 2, HASH)).not.toEqual(eventLeafInput('a', 1, HASH));
    expect(eventLeafInput('a1', 2, HASH)).not.toEqual(eventLeafInput('a', 12, HASH));
  });

  it('given sealed events, when leafed, then the leaf covers their chain hash (and so their content)', () => {
    const events = sealEvents(
      'action-9',
      [1, 2].map((n) => ({
        id: `e${n}`,
        type: 'ProgressNoted',
        schemaVersion: 1,
        data: { n },
        metadata: {
          actor: { userId: 'u', role: 'chair', agency: 'a' },
          correlationId: 'c',
          causationId: 'c',
          occurredAt: '2026-01-01T00:00:00Z',
        },
      })),
      NEW_STREAM_TAIL,
      '2026-01-01T00:00:00Z',
    );
    const leaves = events.map(eventLeafHash);
    expect(leaves[0]).toEqual(hashLeaf(eventLeafInput('action-9', 0, events[0].integrity.hash)));
    expect(leaves[0]).not.toEqual(leaves[1]);
  });

  it('given a stream id, revision or hash outside its format, when leafed, then it is refused rather than encoded ambiguously', () => {
    expect(() => eventLeafInput('bad\uD800', 0, HASH)).toThrow(/well-formed/);
    expect(() => eventLeafInput('bad\uDC00x', 0, HASH)).toThrow(/well-formed/);
    expect(() => eventLeafInput('ok\uD83D\uDE00', 0, HASH)).not.toThrow(); // a surrogate pair is fine
    expect(() => eventLeafInput('s', -1, HASH)).toThrow(/revision/);
    expect(() => eventLeafInput('s', 1.5, HASH)).toThrow(/revision/);
    expect(() => eventLeafInput('s', 0, HASH.toUpperCase())).toThrow(/64 lowercase hex/);
    expect(() => eventLeafInput('s', 0, HASH.slice(1))).toThrow(/64 lowercase hex/);
  });
});
