import type { SealedValue } from '../../src/privacy';
import { escalationTrailProjection as p } from './escalation-trail.projection';
import { given, icbRep, raisedEvent, stored, trail } from './testing/trail-events';

/** Personal values reach the document exactly as stored (sealed); the projection never opens them. */
const id = 'wsep-2022-001';
const sealed = (subjectId: string, keyVersion: number, ct: string): SealedValue => ({
  $personal: { subjectId, keyVersion, alg: 'A256GCM', field: 'f', iv: 'iv', ct, tag: 'tag' },
});
const base = raisedEvent(id, '2022-05-10T10:00:00.000Z');
const raised = {
  ...base,
  data: {
    ...(base.data as object),
    dataSubjects: [
      {
        subjectId: 'child-1',
        relation: 'child',
        name: sealed('child-1', 1, 'old'),
        dateOfBirth: sealed('child-1', 1, 'dob'),
      },
    ],
  },
};
const ack = stored(
  {
    type: 'escalation-acknowledged',
    data: {
      escalationId: id,
      agency: 'cw-icb',
      stage: 1,
      personalNote: { subjectId: 'child-1', text: sealed('child-1', 1, 'note') },
    },
  },
  '2022-05-11T10:00:00.000Z',
  icbRep,
);
const rectified = stored(
  {
    type: 'escalation-data-subject-rectified',
    data: { escalationId: id, subjectId: 'child-1', stage: 1, name: sealed('child-1', 2, 'new'), reason: 'Spelling' },
  },
  '2022-05-12T10:00:00.000Z',
);

describe('escalation-trail projection: data subjects and personal notes', () => {
  it('given a raise naming a child, then the document lists the subject with its values still sealed', () => {
    expect(trail(id, raised).dataSubjects).toEqual([
      {
        subjectId: 'child-1',
        relation: 'child',
        name: sealed('child-1', 1, 'old'),
        dateOfBirth: sealed('child-1', 1, 'dob'),
      },
    ]);
  });

  it('given a raise naming nobody, then the document has no dataSubjects member', () => {
    expect(trail(id, base)).not.toHaveProperty('dataSubjects');
  });

  it('keeps a personal note, sealed, on its timeline entry', () => {
    expect(trail(id, raised, ack).timeline[1]).toMatchObject({
      type: 'escalation-acknowledged',
      personalNote: { subjectId: 'child-1', text: sealed('child-1', 1, 'note') },
    });
  });

  it('given a rectification, then the corrected value (new key version) replaces the old, the rest stays, and the timeline says why', () => {
    expect(p.canHandle(rectified)).toBe(true);
    const doc = trail(id, raised, rectified);
    expect(doc.dataSubjects).toEqual([
      {
        subjectId: 'child-1',
        relation: 'child',
        name: sealed('child-1', 2, 'new'),
        dateOfBirth: sealed('child-1', 1, 'dob'),
        rectifiedAt: '2022-05-12T10:00:00.000Z',
      },
    ]);
    expect(doc.timeline[1]).toMatchObject({
      type: 'escalation-data-subject-rectified',
      subjectId: 'child-1',
      reason: 'Spelling',
      summary: 'Personal details of data subject child-1 rectified: Spelling',
    });
  });
});

describe('escalation-trail projection: erasures', () => {
  const erasure = (subjectId: string, keyVersions: number[]) =>
    stored(
      { type: 'data-subject-erased', data: { subjectId, keyVersions, basis: 'request', reason: 'Request upheld' } },
      '2022-06-01T09:00:00Z',
      undefined,
      `datasubject-${subjectId}`,
    );

  it('given a subject erased, then one document per subject keeps the erased key versions, and no escalation document changes', () => {
    const before = trail(id, raised);
    const docs = given(raised, erasure('child-1', [1]), erasure('child-1', [2, 1]), erasure('other-1', [1]));
    expect(p.keysOf(erasure('child-1', [1]))).toEqual(['erased-subject:child-1']);
    expect(docs.get('erased-subject:child-1')).toEqual({ subjectId: 'child-1', erasedVersions: [1, 2] });
    expect(docs.get('erased-subject:other-1')).toEqual({ subjectId: 'other-1', erasedVersions: [1] });
    expect(docs.get(`escalation:${id}`)).toEqual(before);
  });
});
