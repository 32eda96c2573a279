import { createPublicKey } from 'node:crypto';
import { digestIdFor } from '../digests/ledger-digest';
import { verifyDigestSignature } from '../digests/digest-signature';
import { type LedgerProblem, type SourcedDigest, sourceName } from './verify-store-problems';

/**
 * Whether a digest can be held against the log at all: its signature verifies (with the pinned key
 * when one is given, else with the key it carries) and it is shaped as the service records it.
 * Returns the problems; a digest with a bad signature is not checked further (its claims mean nothing).
 */
export function digestProblems(
  sourced: SourcedDigest,
  pinnedKeyPem?: string,
): { problems: LedgerProblem[]; checkable: boolean } {
  const problems = shapeAndSignature(sourced, pinnedKeyPem);
  const checkable = !problems.some((p) => p.kind === 'digest-signature-invalid');
  return { problems: checkable ? [...problems, ...placement(sourced, pinnedKeyPem)] : problems, checkable };
}

function shapeAndSignature({ digest: d, source }: SourcedDigest, pinnedKeyPem?: string): LedgerProblem[] {
  const at = { digestId: String(d?.digestId), digestSource: sourceName(source) };
  if (typeof d !== 'object' || d === null || !Number.isSafeInteger(d.position) || !Number.isSafeInteger(d.eventCount)) {
    return [
      {
        kind: 'digest-signature-invalid',
        ...at,
        message: `digest ${at.digestId} (${at.digestSource}) is not a signed digest`,
      },
    ];
  }
  // A supplied digest is checked against the pinned key alone: the key it carries proves nothing.
  const signedBy = source.kind === 'supplied' && pinnedKeyPem ? { ...d, publicKeyPem: pinnedKeyPem } : d;
  if (!verifyDigestSignature(signedBy)) {
    return [
      {
        kind: 'digest-signature-invalid',
        ...at,
        message: `digest ${d.digestId} (${at.digestSource}) does not verify with ${signedBy === d ? 'the key it carries' : 'the pinned public key'}`,
      },
    ];
  }
  return [];
}

function placement({ digest: d, source }: SourcedDigest, pinnedKeyPem?: string): LedgerProblem[] {
  const at = { digestId: d.digestId, digestSource: sourceName(source) };
  const problems: LedgerProblem[] = [];
  if (pinnedKeyPem && !sameKey(d.publicKeyPem, pinnedKeyPem) && source.kind === 'ledger') {
    problems.push({
      kind: 'digest-key-not-pinned',
      ...at,
      message: `digest ${d.digestId} recorded in the ledger is signed by a key other than the pinned public key`,
    });
  }
  if (d.digestId !== digestIdFor(d.position)) {
    problems.push({
      kind: 'digest-malformed',
      ...at,
      message: `digest id ${d.digestId} does not name its position ${d.position}`,
    });
  }
  // A digest covers the log before it was recorded: one at or after its own event is forged or moved.
  if (source.kind === 'ledger' && !(d.position < source.eventPosition)) {
    problems.push({
      kind: 'digest-malformed',
      ...at,
      position: source.eventPosition,
      message: `digest ${d.digestId} covers position ${d.position}, but is itself recorded at position ${source.eventPosition}`,
    });
  }
  return problems;
}

function sameKey(a: string, b: string): boolean {
  try {
    const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der(a).equals(der(b));
  } catch {
    return false;
  }
}
