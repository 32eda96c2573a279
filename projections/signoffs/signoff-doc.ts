import type { ArtefactVersion } from '../../src/signoffs';
import type { RecordHistoryEntry, Stamp } from '../partners/record-history';

export const SIGNOFF_STATUSES = ['open', 'completed', 'withdrawn'] as const;
/** Open until every required partner holds a signature on the current version; withdrawn is final. */
export type SignoffStatus = (typeof SIGNOFF_STATUSES)[number];

/** One version of the artefact put for signature, and who put it when. */
export interface ArtefactVersionEntry {
  version: string;
  contentHash: string;
  at: Stamp;
}

/**
 * One signing act: a partner signed a version. It stops counting when the partner withdraws it
 * (withdrawn) or when the artefact is revised past it (supersededBy: the version that replaced it).
 */
export interface SignatureEntry {
  partnerId: string;
  version: string;
  contentHash: string;
  signedByPersonId?: string;
  conditions?: string[];
  signed: Stamp;
  withdrawn?: Stamp & { reason: string };
  supersededBy?: string;
}

/** A sign-off: the artefact and its versions, who was asked to sign, who signed which version, and its status. */
export interface SignoffDoc {
  signoffId: string;
  exists: boolean;
  artefact?: Omit<ArtefactVersion, 'version' | 'contentHash'>;
  /** The version partners are asked to sign now (the last of versions). */
  currentVersion?: string;
  versions: ArtefactVersionEntry[];
  requiredPartnerIds: string[];
  meetingId?: string;
  decisionId?: string;
  status: SignoffStatus;
  /** Every signing act, in ledger order, withdrawn and superseded ones included. */
  signatures: SignatureEntry[];
  /** Required partners whose signature on the current version still counts. */
  signedPartnerIds: string[];
  completed?: Stamp & { subjectToConditions: boolean };
  withdrawn?: Stamp & { reason: string };
  /** The revision of the record's own stream (-1 before its first event): the ETag its commands take as If-Match. */
  revision: number;
  requested?: Stamp;
  history: RecordHistoryEntry[];
}

export const SIGNOFF_KEY_PREFIX = 'signoff:';
export const signoffKey = (signoffId: string) => `${SIGNOFF_KEY_PREFIX}${signoffId}`;
