import type { DomainCommand } from '../../ledger/aggregate';
import type { PersonRole } from '../../partners';
import type { DomainEvent } from '../../shared/decider';
import type { ServedRecord } from '../../shared/serves';

export const ARTEFACT_KINDS = ['report', 'action-plan', 'protocol', 'briefing', 'other'] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

/** One version of the thing being signed off; the hash pins exactly which text partners saw. */
export interface ArtefactVersion {
  artefactId: string;
  kind: ArtefactKind;
  title: string;
  version: string;
  /** SHA-256 of the content, lower-case hex. */
  contentHash: string;
}

export interface SignoffRequest {
  signoffId: string;
  artefact: ArtefactVersion;
  requiredPartnerIds: string[];
  meetingId?: string;
  decisionId?: string;
  /** What is signed off for (a case review's report...): absent on sign-offs before issue 16. */
  serves?: ServedRecord[];
}

export type SignoffEvent =
  | DomainEvent<'signoff-requested', SignoffRequest>
  | DomainEvent<
      'signoff-signed',
      {
        signoffId: string;
        partnerId: string;
        version: string;
        contentHash: string;
        signedByPersonId?: string;
        conditions?: string[];
      }
    >
  | DomainEvent<
      'signoff-completed',
      { signoffId: string; version: string; contentHash: string; partnerIds: string[]; subjectToConditions: boolean }
    >
  | DomainEvent<
      'signoff-artefact-revised',
      {
        signoffId: string;
        previousVersion: string;
        version: string;
        contentHash: string;
        /** Partners whose signatures were on the earlier version and no longer count. */
        invalidatedPartnerIds: string[];
        /** True when the sign-off had completed: the revision reopens it. */
        reopened: boolean;
      }
    >
  | DomainEvent<
      'signoff-signature-withdrawn',
      { signoffId: string; partnerId: string; version: string; reason: string; reopened: boolean }
    >
  | DomainEvent<'signoff-request-withdrawn', { signoffId: string; reason: string }>;

/**
 * Facts about other aggregates, read by the handler: which required partners are not registered,
 * and (only when referenced) whether the meeting and decision exist.
 */
export interface RequestSignoffFacts {
  unregisteredPartnerIds: string[];
  meetingExists?: boolean;
  decisionExists?: boolean;
  /** Cited records the SERVED_RECORDS port could not find. */
  missingServed: ServedRecord[];
}

export type SignoffCommand =
  | DomainCommand<'request-signoff', SignoffRequest & RequestSignoffFacts>
  | DomainCommand<
      'sign-signoff',
      {
        signoffId: string;
        partnerId: string;
        signedByPersonId?: string;
        conditions?: string[];
        /** Fact read by the handler when a signer is named: the person's partner roles over time ([] if not registered). */
        signerRoles?: PersonRole[];
      }
    >
  | DomainCommand<'revise-signoff-artefact', { signoffId: string; version: string; contentHash: string }>
  | DomainCommand<'withdraw-signoff-signature', { signoffId: string; partnerId: string; reason: string }>
  | DomainCommand<'withdraw-signoff-request', { signoffId: string; reason: string }>;

export interface Signature {
  version: string;
  contentHash: string;
  conditions?: string[];
}

export interface SignoffState {
  exists: boolean;
  withdrawn: boolean;
  completed: boolean;
  artefact?: ArtefactVersion;
  requiredPartnerIds: string[];
  /** Valid signatures by partner id: a revision clears them all. */
  signatures: Record<string, Signature>;
}
