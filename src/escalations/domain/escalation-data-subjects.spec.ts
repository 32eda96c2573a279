import { deciderSpec } from '../../shared/testing/decider-spec';
import { Escalation, type EscalationEvent } from './escalation';

const spec = deciderSpec(Escalation, { occurredAt: '2022-09-22T09:00:00.000Z' });

const escalationId = 'wsep-2022-001';
const stages = [{ name: 'Practitioner to practitioner', timescaleWorkingDays: 2 }];
const child = { subjectId: 'child-1', relation: 'child' as const, name: 'Jamie Example', dateOfBirth: '2015-03-04' };
const base = {
  escalationId,
  protocolId: 'p',
  raisedByAgency: 'warwickshire-cc',
  concerningAgency: 'cw-icb',
  subject: 'Delay in a health assessment',
};
const raise = (dataSubjects: (typeof child)[]) => ({
  type: 'raise-escalation' as const,
  data: {
    ...base,
    dataSubjects,
    protocol: { defined: true, version: 1, stages },
    raisedByAgencyRegistered: true,
    concerningAgencyRegistered: true,
    raisedByPersonRegistered: true,
  },
});
const raised: EscalationEvent = {
  type: 'escalation-raised',
  data: {
    ...base,
    dataSubjects: [child],
    protocolVersion: 1,
    stages,
    stage: 1,
    stageName: stages[0].name,
    timescaleWorkingDays: 2,
  },
};
const note = (subjectId: string) => ({ subjectId, text: 'Missed two appointments' });
const rectify = (over: Record<string, unknown> = {}) => ({
  type: 'rectify-data-subject' as const,
  data: { escalationId, subjectId: 'child-1', name: 'Jamie Exampel', reason: 'Spelling', ...over },
});

describe('Escalation decider: data subjects', () => {
  it('given nothing, when raised naming a child, then the event carries the data subject and the state only the subject id', () => {
    spec
      .given()
      .when(raise([child]))
      .then([raised]);
    expect(spec.given([raised]).state().dataSubjectIds).toEqual(['child-1']);
  });

  it('refuses the same data subject named twice', () => {
    spec
      .given()
      .when(raise([child, { ...child, name: 'Other' }]))
      .thenRefuses('duplicate-data-subject', 422);
  });

  it('records a personal note about a named subject on an acknowledgement and a response', () => {
    expect(
      spec
        .given([raised])
        .when({ type: 'acknowledge-escalation', data: { escalationId, personalNote: note('child-1') } })
        .decided()[0].data,
    ).toMatchObject({ personalNote: note('child-1') });
    expect(
      spec
        .given([raised])
        .when({
          type: 'record-escalation-response',
          data: { escalationId, respondingAgency: 'cw-icb', response: 'Booked', personalNote: note('child-1') },
        })
        .decided()[0].data,
    ).toMatchObject({ personalNote: note('child-1') });
  });

  it('refuses a personal note about someone the escalation does not name', () => {
    spec
      .given([raised])
      .when({ type: 'acknowledge-escalation', data: { escalationId, personalNote: note('stranger-1') } })
      .thenRefuses('data-subject-not-named', 422);
    spec
      .given([raised])
      .when({
        type: 'record-escalation-response',
        data: { escalationId, respondingAgency: 'cw-icb', response: 'x', personalNote: note('stranger-1') },
      })
      .thenRefuses('data-subject-not-named', 422);
  });

  it('rectifies a named subject at the current stage, even once closed', () => {
    const expected: EscalationEvent = {
      type: 'escalation-data-subject-rectified',
      data: { escalationId, subjectId: 'child-1', stage: 1, name: 'Jamie Exampel', reason: 'Spelling' },
    };
    spec.given([raised]).when(rectify()).then([expected]);
    const closed = spec.given([
      raised,
      { type: 'escalation-resolved', data: { escalationId, stage: 1, outcome: 'agreed', summary: 's' } },
      { type: 'escalation-closed', data: { escalationId, stage: 1 } },
    ]);
    closed.when(rectify()).then([expected]);
  });

  it.each([
    ['an escalation never raised', spec.given(), rectify(), 'escalation-not-raised'],
    [
      'a subject it does not name',
      spec.given([raised]),
      rectify({ subjectId: 'stranger-1' }),
      'data-subject-not-named',
    ],
    ['a rectification that corrects nothing', spec.given([raised]), rectify({ name: undefined }), 'nothing-to-rectify'],
  ])('refuses rectifying %s', (_, state, command, code) => {
    state.when(command).thenRefuses(code, 422);
  });

  it('declares names, dates of birth and personal notes as personal, and rectifications under a new key version', () => {
    expect(Escalation.codec.personalOf('escalation-raised').map((f) => f.path)).toEqual([
      'dataSubjects[].name',
      'dataSubjects[].dateOfBirth',
    ]);
    expect(Escalation.codec.personalOf('escalation-acknowledged')).toEqual([
      { path: 'personalNote.text', subject: 'personalNote.subjectId' },
    ]);
    expect(Escalation.codec.personalOf('escalation-data-subject-rectified').every((f) => f.newKeyVersion)).toBe(true);
    expect(Escalation.codec.personalOf('escalation-closed')).toEqual([]);
  });
});
