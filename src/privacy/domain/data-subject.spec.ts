import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { DataSubject, type DataSubjectCommand, type DataSubjectEvent } from './data-subject';

const meta: CommandMeta = {
  actor: { userId: 'dpo-1', role: 'data-protection-officer', agency: 'warwickshire-safeguarding' },
  occurredAt: '2023-01-10T09:00:00.000Z',
};
const given = (...events: DataSubjectEvent[]) => fold(DataSubject.decider, events);
const erase = (liveVersions: number[], keyVersion?: number): Omit<DataSubjectCommand, 'meta'> => ({
  type: 'erase-data-subject',
  data: {
    subjectId: 'child-1',
    basis: 'request',
    reason: 'Art. 17 request',
    liveVersions,
    ...(keyVersion ? { keyVersion } : {}),
  },
});
const when = (state: ReturnType<typeof given>, c: Omit<DataSubjectCommand, 'meta'>) =>
  DataSubject.decider.decide({ ...c, meta } as DataSubjectCommand, state);
const erased = (keyVersions: number[]): DataSubjectEvent => ({
  type: 'data-subject-erased',
  data: { subjectId: 'child-1', keyVersions, basis: 'request', reason: 'Art. 17 request' },
});

describe('Data subject decider', () => {
  it('given live keys, when erased, then every live version is recorded as erased', () => {
    expect(when(given(), erase([1, 2]))).toEqual([erased([1, 2])]);
    expect(given(erased([1, 2]))).toEqual({ erasedVersions: [1, 2] });
  });

  it('given two versions, when one version is erased, then only that version is recorded', () => {
    expect(when(given(), erase([1, 2], 1))).toEqual([erased([1])]);
  });

  it.each([
    ['nothing held for the subject', given(), erase([]), 'no-personal-data', 422],
    ['a key version that never existed', given(), erase([1], 5), 'key-version-unknown', 422],
    ['a subject already erased', given(erased([1])), erase([]), 'already-erased', 409],
    ['a version already erased', given(erased([1])), erase([2], 1), 'already-erased', 409],
  ])('refuses %s', (_, state, command, code, status) => {
    expect(() => when(state, command)).toThrow(expect.objectContaining({ code, status }));
  });
});
