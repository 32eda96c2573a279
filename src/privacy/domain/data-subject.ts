import type { Aggregate, DomainCommand } from '../../ledger/aggregate';
import { eventCodec, v1 } from '../../ledger/event-codec';
import type { DomainEvent } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';

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

const initialState: DataSubjectState = { erasedVersions: [] };

function decide(command: DataSubjectCommand, state: DataSubjectState): DataSubjectEvent[] {
  const { subjectId, basis, reason, keyVersion, liveVersions } = command.data;
  const wanted = keyVersion === undefined ? liveVersions : liveVersions.filter((v) => v === keyVersion);
  if (wanted.length === 0) {
    const gone = keyVersion === undefined ? state.erasedVersions.length > 0 : state.erasedVersions.includes(keyVersion);
    if (gone)
      throw new StateConflict(
        'already-erased',
        `Data subject ${subjectId}${keyVersion ? ` key version ${keyVersion}` : ''} is already erased`,
        { subjectId },
      );
    if (keyVersion !== undefined && liveVersions.length > 0)
      throw new RuleViolation('key-version-unknown', `Data subject ${subjectId} has no key version ${keyVersion}`, {
        subjectId,
        keyVersion,
      });
    throw new RuleViolation('no-personal-data', `No personal data is held for data subject ${subjectId}`, {
      subjectId,
    });
  }
  return [{ type: 'data-subject-erased', data: { subjectId, keyVersions: wanted, basis, reason } }];
}

function evolve(state: DataSubjectState, event: DataSubjectEvent): DataSubjectState {
  return { erasedVersions: [...state.erasedVersions, ...event.data.keyVersions] };
}

export const DataSubject: Aggregate<DataSubjectCommand, DataSubjectEvent, DataSubjectState> = {
  category: 'datasubject',
  name: 'Data subject',
  decider: { initialState, decide, evolve },
  codec: eventCodec<DataSubjectEvent>(v1('data-subject-erased')),
};
