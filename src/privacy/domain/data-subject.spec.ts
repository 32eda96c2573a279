import { deciderSpec, type TestCommand } from '../../shared/testing/decider-spec';
import { DataSubject, type DataSubjectCommand, type DataSubjectEvent } from './data-subject';

const spec = deciderSpec(DataSubject, {
  meta: {
    actor: { userId: 'dpo-1', role: 'data-protection-officer', agency: 'warwickshire-safeguarding' },
    occurredAt: '2023-01-10T09:00:00.000Z',
  },
});
type Cmd = TestCommand<DataSubjectCommand>;

const erase = (liveVersions: number[], keyVersion?: number): Cmd => ({
  type: 'erase-data-subject',
  data: {
    subjectId: 'child-1',
    basis: 'request',
    reason: 'Art. 17 request',
    liveVersions,
    ...(keyVersion ? { keyVersion } : {}),
  },
});
const erased = (keyVersions: number[]): DataSubjectEvent => ({
  type: 'data-subject-erased',
  data: { subjectId: 'child-1', keyVersions, basis: 'request', reason: 'Art. 17 request' },
});

describe('Data subject decider', () => {
  it('given live keys, when erased, then every live version is recorded as erased', () => {
    spec
      .given()
      .when(erase([1, 2]))
      .then([erased([1, 2])]);
    expect(spec.given([erased([1, 2])]).state()).toEqual({ erasedVersions: [1, 2] });
  });

  it('given two versions, when one version is erased, then only that version is recorded', () => {
    spec
      .given()
      .when(erase([1, 2], 1))
      .then([erased([1])]);
  });

  it.each([
    ['nothing held for the subject', spec.given(), erase([]), 'no-personal-data', 422],
    ['a key version that never existed', spec.given(), erase([1], 5), 'key-version-unknown', 422],
    ['a subject already erased', spec.given([erased([1])]), erase([]), 'already-erased', 409],
    ['a version already erased', spec.given([erased([1])]), erase([2], 1), 'already-erased', 409],
  ])('refuses %s', (_, state, command, code, status) => {
    state.when(command).thenRefuses(code, status);
  });
});
