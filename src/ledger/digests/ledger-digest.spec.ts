import { generateKeyPairSync } from 'node:crypto';
import type { SignedDigest } from './signed-digest';
import { fold } from '../../shared/decider';
import { DomainError } from '../../shared/domain-errors';
import { signDigest } from './digest-signature';
import { LedgerDigest, type LedgerDigestEvent } from './ledger-digest';

const key = generateKeyPairSync('ed25519').privateKey;
const admin = { userId: 'sam-admin', role: 'admin', agency: 'warwickshire-safeguarding' };
const recordedAt = '2022-11-21T12:00:00.000Z';
const digest = (over: Partial<Parameters<typeof signDigest>[0]> = {}) =>
  signDigest({ digestId: 'head-41', position: 41, eventCount: 42, logHash: 'a'.repeat(64), recordedAt, ...over }, key);

/** given events, when a command, then events or the stable code of the refusal. */
function when(given: LedgerDigestEvent[], data: SignedDigest, occurredAt = recordedAt) {
  const state = fold(LedgerDigest.decider, given);
  try {
    return LedgerDigest.decider.decide(
      { type: 'record-ledger-digest', data, meta: { actor: admin, occurredAt } },
      state,
    );
  } catch (err) {
    if (err instanceof DomainError) return (err as DomainError & { code: string }).code;
    throw err;
  }
}

describe('LedgerDigest', () => {
  it('given a new digest signed now, then it is recorded as it was signed', () => {
    const d = digest();
    expect(when([], d)).toEqual([{ type: 'ledger-digest-recorded', data: d }]);
  });

  it('given the digest is already recorded, then it is refused (digest-exists)', () => {
    expect(when([{ type: 'ledger-digest-recorded', data: digest() }], digest())).toBe('digest-exists');
  });

  it('given an empty ledger, then there is nothing to digest', () => {
    expect(when([], digest({ eventCount: 0 }))).toBe('nothing-to-digest');
  });

  it('given an id that does not name the position, then it is refused (digest-id-mismatch)', () => {
    expect(when([], digest({ digestId: 'head-40' }))).toBe('digest-id-mismatch');
  });

  it.each([
    ['a few minutes before signing (clock skew)', '2022-11-21T11:56:00.000Z', 'ledger-digest-recorded'],
    ['after signing', '2022-11-21T12:01:00.000Z', 'ledger-digest-recorded'],
    ['a day before signing', '2022-11-20T12:00:00.000Z', 'digest-backdated'],
  ])('given a business time %s (%s), then %s', (_, occurredAt, outcome) => {
    const result = when([], digest(), occurredAt);
    expect(typeof result === 'string' ? result : result[0].type).toBe(outcome);
  });

  it('given a signature that does not verify, then nothing unsigned is recorded (digest-signature-invalid)', () => {
    expect(when([], { ...digest(), logHash: 'b'.repeat(64) })).toBe('digest-signature-invalid');
  });
});
