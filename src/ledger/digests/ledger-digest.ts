import type { SignedDigest } from './signed-digest';
import { aggregateOf, type DomainCommand } from '../aggregate';
import type { DomainEvent, Evolutions } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import { verifyDigestSignature } from './digest-signature';

/**
 * A signed digest of the log head, stored in the ledger itself (stream `digest-<digestId>`) so the
 * record of what was published is as tamper-evident as what it covers.
 */
export type LedgerDigestEvent = DomainEvent<'ledger-digest-recorded', SignedDigest>;

/** The handler computes and signs the digest from the log (I/O); the decider only decides whether to record it. */
export type LedgerDigestCommand = DomainCommand<'record-ledger-digest', SignedDigest>;

export interface LedgerDigestState {
  recorded: boolean;
}

const initialState: LedgerDigestState = { recorded: false };

/** A digest states the head as it is now: its business time may not be earlier than its signing time. */
const BACKDATING_TOLERANCE_MS = 5 * 60_000;

/** Digest ids name the position covered, so two requests racing for the same head record it once. */
export const digestIdFor = (position: number) => `head-${position}`;

function decide(command: LedgerDigestCommand, state: LedgerDigestState): LedgerDigestEvent[] {
  const d = command.data;
  if (state.recorded) throw new StateConflict('digest-exists', `Digest ${d.digestId} is already recorded`);
  if (d.eventCount === 0) throw new RuleViolation('nothing-to-digest', 'The ledger holds no events yet');
  if (d.digestId !== digestIdFor(d.position)) {
    throw new RuleViolation('digest-id-mismatch', `Digest id ${d.digestId} does not name position ${d.position}`, {
      expected: digestIdFor(d.position),
    });
  }
  if (Date.parse(command.meta.occurredAt) < Date.parse(d.recordedAt) - BACKDATING_TOLERANCE_MS) {
    throw new RuleViolation(
      'digest-backdated',
      `A digest states the ledger as at ${d.recordedAt}; it cannot be dated ${command.meta.occurredAt}`,
      { occurredAt: command.meta.occurredAt },
    );
  }
  // Nothing unsigned or mis-signed is ever written: a verifier would reject it later anyway.
  if (!verifyDigestSignature(d))
    throw new RuleViolation('digest-signature-invalid', `Digest ${d.digestId} does not verify with its own public key`);
  return [{ type: 'ledger-digest-recorded', data: d }];
}

const evolutions: Evolutions<LedgerDigestEvent, LedgerDigestState> = {
  'ledger-digest-recorded': () => ({ recorded: true }),
};

export const LedgerDigest = aggregateOf(
  { category: 'digest', name: 'Ledger digest' },
  { initialState, decide, evolutions },
);
