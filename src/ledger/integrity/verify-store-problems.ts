import type { SignedDigest } from '../digests/signed-digest';
import type { ChainProblem } from './chain-verifier';

/**
 * A signed digest as verify-store reads it: its claims are untrusted JSON (from the ledger or a
 * file) until digest-signature.ts has verified them. treeSize/treeRoot are absent on digests
 * recorded before the log tree; those are held to eventCount and logHash alone.
 */
export type DigestClaims = SignedDigest;

/** Where a digest came from: recorded in the ledger (a `digest-` stream event) or given on the command line. */
export type DigestSource = { kind: 'ledger'; eventPosition: number } | { kind: 'supplied'; name: string };

export interface SourcedDigest {
  digest: DigestClaims;
  source: DigestSource;
}

export type LedgerProblemKind =
  | ChainProblem['kind']
  /** Positions the engine hands out densely hold no event: something was deleted there. */
  | 'positions-missing'
  /** A digest's signature does not verify, or verifies with a key other than the pinned one. */
  | 'digest-signature-invalid'
  | 'digest-key-not-pinned'
  /** A digest that cannot be what the service records (id not naming its position, covering itself). */
  | 'digest-malformed'
  /** The log recomputed from the events disagrees with what a digest signed (root, log hash, count or position). */
  | 'digest-mismatch'
  /** A digest covers more of the log than the ledger holds: the log was cut short behind it. */
  | 'log-cut-short'
  /** A supplied (published) digest the ledger holds no record of: every digest signed is recorded, so the ledger lost it. */
  | 'digest-not-recorded';

/** One finding. Each names what it can: the event, its stream, revision and position, and the digest. */
export interface LedgerProblem {
  kind: LedgerProblemKind;
  message: string;
  streamId?: string;
  eventId?: string;
  revision?: number;
  position?: number;
  digestId?: string;
  /** 'ledger' or the supplied file's name, for digest findings. */
  digestSource?: string;
}

export interface DigestCheck {
  digestId: string;
  source: string;
  position: number;
  treeSize?: number;
  ok: boolean;
}

export interface LedgerReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** Position of the last event in the log (null when empty). */
  lastPosition: number | null;
  /** The RFC 9162 tree head recomputed from the events themselves. */
  treeSize: number;
  treeRoot: string;
  digests: DigestCheck[];
  /** Whether digest keys were held to a pinned public key (--public-key); if not, anyone can sign a digest. */
  keyPinned: boolean;
  problems: LedgerProblem[];
}

export const sourceName = (s: DigestSource): string => (s.kind === 'ledger' ? 'ledger' : s.name);
