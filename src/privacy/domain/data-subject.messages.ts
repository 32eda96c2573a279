/** The data subject's commands, events and state: what its decider (data-subject.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/**
 * A data subject's erasures (stream datasubject-<subjectId>). The event records who erased which
 * key versions, when and why; it holds no personal data, so it can stay in the ledger for ever.
 * Why: an erasure on request (UK GDPR Art. 17) or at the end of a retention period.
 */
export const ERASURE_BASES = ['request', 'retention'] as const;
export type ErasureBasis = (typeof ERASURE_BASES)[number];

export type DataSubjectEvent = DomainEvent<
  'data-subject-erased',
  { subjectId: string; keyVersions: number[]; basis: ErasureBasis; reason: string }
>;

export type DataSubjectCommand = DomainCommand<
  'erase-data-subject',
  {
    subjectId: string;
    basis: ErasureBasis;
    reason: string;
    /** One version only (e.g. the one a rectification superseded); all live versions when absent. */
    keyVersion?: number;
    /** Fact from the key store, read by the handler: the versions whose keys still exist. */
    liveVersions: number[];
  }
>;

export interface DataSubjectState {
  erasedVersions: number[];
}
