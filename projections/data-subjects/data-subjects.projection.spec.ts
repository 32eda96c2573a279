import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { SealedValue } from '../../src/privacy';
import { statusOf, type DataSubjectDoc } from './data-subject-doc';
import { dataSubjectsProjection as p } from './data-subjects.projection';

const stored = storedEventFactory({ step: 3 });
const sealed = (subjectId: string, keyVersion: number): SealedValue => ({
  $personal: { subjectId, keyVersion, alg: 'A256GCM', field: 'f', iv: 'iv', ct: 'ct', tag: 'tag' },
});

function project(events: StoredEvent[]): Map<string, DataSubjectDoc> {
  const docs = new Map<string, DataSubjectDoc>();
  for (const e of events.filter((x) => p.canHandle(x)))
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  return docs;
}

const raised = stored('escalation-e1', 'escalation-raised', {
  escalationId: 'e1',
  protocolId: 'pr',
  protocolVersion: 1,
  stages: [{ name: 'Practitioner', timescaleWorkingDays: 2 }],
  raisedByAgency: 'police',
  concerningAgency: 'icb',
  subject: 'Strategy meeting not held',
  dataSubjects: [
    { subjectId: 'child-1', relation: 'child', name: sealed('child-1', 1), dateOfBirth: sealed('child-1', 1) },
    { subjectId: 'parent-1', relation: 'parent', name: sealed('parent-1', 1) },
  ],
  stage: 1,
  stageName: 'Practitioner',
  timescaleWorkingDays: 2,
});
const note = stored('escalation-e1', 'escalation-response-recorded', {
  escalationId: 'e1',
  respondingAgency: 'icb',
  stage: 1,
  response: 'Looked into it',
  personalNote: { subjectId: 'child-1', text: sealed('child-1', 1) },
});
const rectified = stored('escalation-e1', 'escalation-data-subject-rectified', {
  escalationId: 'e1',
  subjectId: 'child-1',
  stage: 1,
  name: sealed('child-1', 2),
  dateOfBirth: sealed('child-1', 2),
  reason: 'Misspelt',
});
const erase = (subjectId: string, keyVersions: number[]) =>
  stored(`datasubject-${subjectId}`, 'data-subject-erased', {
    subjectId,
    keyVersions,
    basis: 'request',
    reason: 'DPR-1',
  });
const closed = stored('escalation-e1', 'escalation-closed', { escalationId: 'e1', stage: 1 });

describe('data subjects projection', () => {
  it('given an escalation naming two people, then each is a record referring to it, values still sealed, status sealed', () => {
    const docs = project([raised, note, closed]);
    expect([...docs.keys()]).toEqual(['data-subject:child-1', 'data-subject:parent-1']);
    const child = docs.get('data-subject:child-1')!;
    expect(child).toMatchObject({ exists: true, name: sealed('child-1', 1), revision: -1 });
    expect(child.references).toEqual([
      expect.objectContaining({
        escalationId: 'e1',
        streamId: 'escalation-e1',
        relation: 'child',
        raisedByAgency: 'police',
        concerningAgency: 'icb',
        personalNotes: 1,
      }),
    ]);
    expect(statusOf(child)).toBe('sealed');
    expect(docs.get('data-subject:parent-1')!.references[0].personalNotes).toBe(0);
  });

  it('given a rectification, then the new sealed values replace the old and the subject reads as rectified', () => {
    const child = project([raised, rectified]).get('data-subject:child-1')!;
    expect(child.name).toEqual(sealed('child-1', 2));
    expect(child.rectifications).toEqual([
      expect.objectContaining({ fields: ['name', 'dateOfBirth'], reason: 'Misspelt' }),
    ]);
    expect(statusOf(child)).toBe('rectified');
  });

  it('given the superseded version erased, then still rectified; given every version erased, then erased with its stream revision', () => {
    const partly = project([raised, rectified, erase('child-1', [1])]).get('data-subject:child-1')!;
    // Version 1 held only the values the rectification replaced: what is held now is untouched.
    expect(statusOf(partly)).toBe('rectified');
    const wholly = project([raised, rectified, erase('child-1', [1, 2])]).get('data-subject:child-1')!;
    expect(wholly).toMatchObject({ erasedVersions: [1, 2], revision: 0 });
    expect(statusOf(wholly)).toBe('erased');
    expect(wholly.history.map((h) => h.summary)).toEqual([
      'Named (child) in escalation e1',
      'Rectified name and dateOfBirth in escalation e1',
      'Erased key versions 1, 2 (request)',
    ]);
  });
});
