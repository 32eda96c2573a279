import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import type { DataSubjectEvent, DataSubjectCommand, DataSubjectState } from './data-subject.messages';

export * from './data-subject.messages';

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

const evolutions: Evolutions<DataSubjectEvent, DataSubjectState> = {
  'data-subject-erased': (state, event) => ({ erasedVersions: [...state.erasedVersions, ...event.data.keyVersions] }),
};

export const DataSubject = aggregateOf(
  { category: 'datasubject', name: 'Data subject' },
  { initialState, decide, evolutions },
);
