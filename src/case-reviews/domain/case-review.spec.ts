import { deciderSpec } from '../../shared/testing/decider-spec';
import { caseReviewOpened } from '../testing';
import { CaseReview, type CaseReviewEvent } from './case-review';
import { deadlineRuleFor } from './statutory-deadlines';

const spec = deciderSpec(CaseReview);
const caseReviewId = 'wsp-rr-2022-03';
const id = { caseReviewId };

const opened = (type: 'rapid-review' | 'sar' | 'serious-case-review' = 'rapid-review'): CaseReviewEvent =>
  caseReviewOpened({ caseReviewId, type });
const notified: CaseReviewEvent = { type: 'national-panel-notified', data: { ...id, notifiedOn: '2022-09-01' } };
const rapid: CaseReviewEvent = {
  type: 'rapid-review-completed',
  data: { ...id, completedOn: '2022-09-15', outcome: 'Learning about information sharing', recommendsCspr: true },
};
const decided = (commission: boolean): CaseReviewEvent => ({
  type: 'review-commissioning-decided',
  data: { ...id, decidedOn: '2022-10-10', commission, reasons: 'Criteria met' },
});
const appointed: CaseReviewEvent = {
  type: 'reviewer-appointed',
  data: { ...id, appointedOn: '2022-10-24', reviewer: 'Independent reviewer', termsOfReference: 'ToR v1' },
};
const draft: CaseReviewEvent = {
  type: 'review-draft-received',
  data: { ...id, version: 'v1', receivedOn: '2022-12-12', contentHash: 'a'.repeat(64) },
};
const linked: CaseReviewEvent = { type: 'review-signoff-linked', data: { ...id, signoffId: 'cspr-report' } };
const cspr = [opened(), notified, rapid, decided(true), appointed, draft, linked];
const finding: CaseReviewEvent = {
  type: 'review-finding-recorded',
  data: { ...id, findingId: 'r1', kind: 'recommendation', text: 'Share chronologies', actionIds: ['a1'] },
};
const briefing: CaseReviewEvent = {
  type: 'learning-briefing-drafted',
  data: { ...id, briefingId: 'b7', format: '7-minute', title: 'Child J: seven minutes' },
};

const open = (extra: object = {}) => ({
  type: 'open-case-review' as const,
  data: { caseReviewId, type: 'rapid-review' as const, title: 'Child J', awareOn: '2022-08-26', ...extra },
});
const publish = (extra: object = {}) => ({
  type: 'publish-review' as const,
  data: { ...id, publishedOn: '2023-05-26', signoffId: 'cspr-report', signoffCompleted: true, ...extra },
});

describe('CaseReview decider: from notification to commissioning', () => {
  it('given nothing, when a rapid review is opened naming the child, then it is opened with the sealed subject', () => {
    const dataSubjects = [{ subjectId: 'cr-1-child', relation: 'child' as const, name: 'A Child' }];
    spec
      .given()
      .when(open({ dataSubjects, boardId: 'wseb', boardRegistered: true }))
      .then([caseReviewOpened({ caseReviewId, boardId: 'wseb', dataSubjects })]);
    expect(CaseReview.codec.personalOf('case-review-opened').map((p) => p.path)).toEqual([
      'dataSubjects[].name',
      'dataSubjects[].dateOfBirth',
    ]);
  });

  it('given notification, rapid review and a decision to commission, then the rapid review has become a CSPR', () => {
    const state = spec
      .given([opened(), notified, rapid])
      .and({ type: 'decide-commissioning', data: { ...id, decidedOn: '2022-10-10', commission: true, reasons: 'Met' } })
      .state();
    expect(state).toMatchObject({ type: 'cspr', commissioned: true, notified: true, rapidReviewCompleted: true });
    expect(spec.given([opened(), notified, rapid, decided(false)]).state()).toMatchObject({
      type: 'rapid-review',
      commissioned: false,
    });
  });

  it('given a legacy serious case review, then the Panel may answer it (e.g. approve a step-down) without a rapid review', () => {
    spec
      .given([opened('serious-case-review')])
      .when({
        type: 'record-panel-response',
        data: { ...id, respondedOn: '2022-09-02', response: 'step-down-approved', summary: 'Stepped down' },
      })
      .thenMatches([{ type: 'panel-response-recorded' }]);
  });

  const dup = [
    { subjectId: 's', relation: 'child', name: 'x' },
    { subjectId: 's', relation: 'parent', name: 'y' },
  ];
  it.each([
    ['case-review-exists', 409, [opened()], open()],
    ['duplicate-data-subject', 422, [], open({ dataSubjects: dup })],
    ['board-not-registered', 422, [], open({ boardId: 'nope', boardRegistered: false })],
    ['case-review-not-found', 404, [], { type: 'notify-national-panel', data: { ...id, notifiedOn: '2022-09-01' } }],
    [
      'notification-not-applicable',
      422,
      [opened('sar')],
      { type: 'notify-national-panel', data: { ...id, notifiedOn: '2022-09-01' } },
    ],
    [
      'already-notified',
      409,
      [opened(), notified],
      { type: 'notify-national-panel', data: { ...id, notifiedOn: '2022-09-01' } },
    ],
    [
      'date-before-awareness',
      422,
      [opened()],
      { type: 'notify-national-panel', data: { ...id, notifiedOn: '2022-08-25' } },
    ],
    ['rapid-review-without-notification', 422, [opened()], { type: 'complete-rapid-review', data: rapid.data }],
    ['rapid-review-not-applicable', 422, [opened('sar')], { type: 'complete-rapid-review', data: rapid.data }],
    ['rapid-review-completed', 409, [opened(), notified, rapid], { type: 'complete-rapid-review', data: rapid.data }],
    [
      'rapid-review-not-completed',
      422,
      [opened(), notified],
      { type: 'decide-commissioning', data: decided(true).data },
    ],
    [
      'commissioning-decided',
      409,
      [opened(), notified, rapid, decided(false)],
      { type: 'decide-commissioning', data: decided(true).data },
    ],
    [
      'rapid-review-not-completed',
      422,
      [opened(), notified],
      { type: 'record-panel-response', data: { ...id, respondedOn: '2022-09-20', response: 'agrees', summary: 'ok' } },
    ],
    [
      'panel-not-involved',
      422,
      [opened('sar')],
      { type: 'record-panel-response', data: { ...id, respondedOn: '2022-09-20', response: 'agrees', summary: 'ok' } },
    ],
  ])('refuses %s (%i) and writes nothing', (code, status, given, command) => {
    spec
      .given(given)
      .when(command as never)
      .thenRefuses(code, status);
  });
});

describe('CaseReview decider: report, sign-off and publication', () => {
  it('given a CSPR whose linked sign-off is complete, when published, then the publication names that sign-off', () => {
    spec
      .given(cspr)
      .when(publish({ url: 'https://example.org/cspr' }))
      .then([
        {
          type: 'review-published',
          data: { ...id, publishedOn: '2023-05-26', signoffId: 'cspr-report', url: 'https://example.org/cspr' },
        },
      ]);
  });

  it('given a CSPR, when publication is delayed pending an inquest, then the delay and its review date are recorded', () => {
    const delay = {
      ...id,
      delayedOn: '2023-03-01',
      reason: 'pending-inquest' as const,
      detail: 'Coroner',
      reviewOn: '2023-06-01',
    };
    spec
      .given(cspr)
      .when({ type: 'delay-publication', data: delay })
      .then([{ type: 'publication-delayed', data: delay }]);
  });

  const published: CaseReviewEvent = {
    type: 'review-published',
    data: { ...id, publishedOn: '2023-05-26', signoffId: 'cspr-report' },
  };
  const delay = (reviewOn: string) => ({
    type: 'delay-publication',
    data: { ...id, delayedOn: '2023-03-01', reason: 'pending-inquest', detail: 'x', reviewOn },
  });
  it.each([
    [
      'review-not-commissioned',
      422,
      [opened(), notified, rapid, decided(false)],
      { type: 'appoint-reviewer', data: appointed.data },
    ],
    [
      'reviewer-not-appointed',
      422,
      [opened(), notified, rapid, decided(true)],
      { type: 'receive-draft', data: draft.data },
    ],
    ['draft-version-exists', 409, cspr, { type: 'receive-draft', data: draft.data }],
    [
      'no-draft-received',
      422,
      [opened(), notified, rapid, decided(true), appointed],
      { type: 'link-signoff', data: { ...id, signoffId: 's', signoffExists: true } },
    ],
    [
      'signoff-not-found',
      422,
      cspr,
      { type: 'link-signoff', data: { ...id, signoffId: 'nope', signoffExists: false } },
    ],
    [
      'signoff-already-linked',
      409,
      cspr,
      { type: 'link-signoff', data: { ...id, signoffId: 'cspr-report', signoffExists: true } },
    ],
    ['signoff-not-linked', 422, cspr, publish({ signoffId: 'other' })],
    ['signoff-not-completed', 422, cspr, publish({ signoffCompleted: false })],
    ['review-not-commissioned', 422, [opened(), notified, rapid], publish()],
    ['review-published', 409, [...cspr, published], publish()],
    ['review-published', 409, [...cspr, published], delay('2023-06-01')],
    ['review-date-not-after-delay', 422, cspr, delay('2023-03-01')],
  ])('refuses %s (%i) and writes nothing', (code, status, given, command) => {
    spec
      .given(given)
      .when(command as never)
      .thenRefuses(code, status);
  });
});

describe('CaseReview decider: findings and learning briefings', () => {
  it('given a recommendation, when a further action is linked and a briefing held then published, then each is recorded', () => {
    const link = { ...id, findingId: 'r1', actionId: 'a2', actionExists: true };
    const after = spec.given([opened(), finding, briefing]).and({ type: 'link-finding-action', data: link });
    expect(after.state().findings).toEqual({ r1: ['a1', 'a2'] });
    const held = after.and({ type: 'hold-briefing', data: { ...id, briefingId: 'b7', reason: 'Until the inquest' } });
    held
      .when({
        type: 'publish-briefing',
        data: { ...id, briefingId: 'b7', publishedOn: '2023-06-01', disseminatedTo: ['WSEB'] },
      })
      .thenMatches([{ type: 'learning-briefing-published', data: { disseminatedTo: ['WSEB'] } }]);
  });

  const record = (extra: object) => ({
    type: 'record-finding',
    data: { ...id, findingId: 'r2', kind: 'finding', text: 't', actionIds: [], missingActionIds: [], ...extra },
  });
  const pub = (disseminatedTo: string[], briefingId = 'b7') => ({
    type: 'publish-briefing',
    data: { ...id, briefingId, publishedOn: '2023-06-01', disseminatedTo },
  });
  const heldB: CaseReviewEvent = { type: 'learning-briefing-held', data: { ...id, briefingId: 'b7', reason: 'x' } };
  it.each([
    ['finding-exists', 409, [opened(), finding], record({ findingId: 'r1' })],
    ['action-not-found', 422, [opened()], record({ actionIds: ['nope'], missingActionIds: ['nope'] })],
    ['duplicate-action', 422, [opened()], record({ actionIds: ['a1', 'a1'] })],
    [
      'finding-not-found',
      422,
      [opened()],
      { type: 'link-finding-action', data: { ...id, findingId: 'x', actionId: 'a1', actionExists: true } },
    ],
    [
      'action-not-found',
      422,
      [opened(), finding],
      { type: 'link-finding-action', data: { ...id, findingId: 'r1', actionId: 'n', actionExists: false } },
    ],
    [
      'action-already-linked',
      409,
      [opened(), finding],
      { type: 'link-finding-action', data: { ...id, findingId: 'r1', actionId: 'a1', actionExists: true } },
    ],
    ['briefing-exists', 409, [opened(), briefing], { type: 'draft-briefing', data: briefing.data }],
    ['briefing-not-found', 422, [opened()], pub(['WSEB'])],
    ['dissemination-missing', 422, [opened(), briefing], pub([])],
    ['briefing-already-on-hold', 409, [opened(), briefing, heldB], { type: 'hold-briefing', data: heldB.data }],
    [
      'briefing-already-published',
      409,
      [opened(), briefing, { type: 'learning-briefing-published', data: pub(['W']).data }],
      pub(['W']),
    ],
  ])('refuses %s (%i) and writes nothing', (code, status, given, command) => {
    spec
      .given(given as CaseReviewEvent[])
      .when(command as never)
      .thenRefuses(code, status);
  });
});

describe('statutory deadlines: dated, versioned configuration', () => {
  it('measures a review by the edition in force when its clock started, and has no clock for a SAR', () => {
    expect(deadlineRuleFor('notification', 'rapid-review', '2022-08-26')).toMatchObject({
      version: 'wt-2018',
      workingDays: 5,
    });
    expect(deadlineRuleFor('rapid-review', 'cspr', '2024-01-10')).toMatchObject({
      version: 'wt-2023',
      workingDays: 15,
    });
    expect(deadlineRuleFor('publication', 'serious-case-review', '2017-02-01')).toMatchObject({
      version: 'wt-2015',
      months: 6,
    });
    expect(deadlineRuleFor('notification', 'rapid-review', '2018-01-01')).toBeUndefined();
    expect(deadlineRuleFor('publication', 'sar', '2022-08-26')).toBeUndefined();
  });
});
