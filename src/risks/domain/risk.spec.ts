import { deciderSpec } from '../../shared/testing/decider-spec';
import { riskRecorded } from '../testing';
import { Risk, type RiskEvent } from './risk';

const spec = deciderSpec(Risk);
const riskId = 'wseb-workforce-capacity';
const id = { riskId };

// A workforce risk owned by the council, identified in 2019 and reviewed at board meetings.
const recorded = riskRecorded(id);
const control: RiskEvent = {
  type: 'risk-control-added',
  data: { ...id, controlId: 'recruitment', addedOn: '2019-02-01', description: 'Recruitment campaign' },
};
const removed: RiskEvent = {
  type: 'risk-control-removed',
  data: { ...id, controlId: 'recruitment', removedOn: '2019-06-01', reason: 'Campaign ended' },
};
const closed: RiskEvent = { type: 'risk-closed', data: { ...id, closedOn: '2020-01-10', reason: 'Vacancies filled' } };

const recordCmd = (extra: object = {}) => ({
  type: 'record-risk' as const,
  data: { ...recorded.data, ownerRegistered: true, ...extra },
});
const rescore = (extra: object = {}) => ({
  type: 'rescore-risk' as const,
  data: { ...id, scoredOn: '2019-05-01', likelihood: 3, impact: 4, reason: 'Campaign filled posts', ...extra },
});
const review = (extra: object = {}) => ({
  type: 'review-risk' as const,
  data: { ...id, reviewedOn: '2019-04-10', outcome: 'No new risks identified', ...extra },
});
const escalate = (extra: object = {}) => ({
  type: 'escalate-risk' as const,
  data: { ...id, escalatedOn: '2019-04-10', boardId: 'wseb', boardRegistered: true, reason: 'Score 16', ...extra },
});
const closeCmd = () => ({ type: 'close-risk' as const, data: closed.data });
const remove = (extra: object = {}) => ({ type: 'remove-risk-control' as const, data: { ...removed.data, ...extra } });

describe('Risk decider', () => {
  it('given a recorded risk, when it is rescored, then the new likelihood and impact are recorded with the reason', () => {
    spec.given(recorded).when(rescore()).then({ type: 'risk-rescored', data: rescore().data });
  });

  it('given a risk, when a board meeting reviews it, then the outcome, meeting and next review date are recorded', () => {
    spec
      .given(recorded)
      .when(review({ meetingId: 'wseb-2019-04-10', meetingExists: true, nextReviewDue: '2019-07-10' }))
      .then({
        type: 'risk-reviewed',
        data: {
          ...id,
          reviewedOn: '2019-04-10',
          outcome: 'No new risks identified',
          meetingId: 'wseb-2019-04-10',
          nextReviewDue: '2019-07-10',
        },
      });
  });

  it('given a risk, when it is escalated to a registered board, then the board (and no handler finding) is recorded', () => {
    spec
      .given(recorded)
      .when(escalate())
      .then({
        type: 'risk-escalated',
        data: { ...id, escalatedOn: '2019-04-10', boardId: 'wseb', reason: 'Score 16' },
      });
  });

  it('given a control added then removed, and the risk closed, then the state says so', () => {
    const after = spec.given([recorded, control]).and(remove()).and(closeCmd());
    expect(after.state()).toEqual({
      exists: true,
      identifiedOn: '2019-01-10',
      closed: true,
      controls: { recruitment: { removed: true } },
    });
  });

  it.each([
    ['risk-exists', 409, [recorded], recordCmd()],
    ['partner-not-registered', 422, [], recordCmd({ ownerRegistered: false })],
    ['rating-out-of-range', 422, [recorded], rescore({ likelihood: 6 })],
    ['risk-not-found', 404, [], rescore()],
    ['date-before-identified', 422, [recorded], rescore({ scoredOn: '2018-12-31' })],
    ['next-review-not-after', 422, [recorded], review({ nextReviewDue: '2019-04-10' })],
    ['meeting-not-found', 422, [recorded], review({ meetingId: 'nope', meetingExists: false })],
    ['risk-closed', 409, [recorded, closed], review()],
    ['risk-closed', 409, [recorded, closed], escalate()],
    ['risk-already-closed', 409, [recorded, closed], closeCmd()],
    ['board-not-registered', 422, [recorded], escalate({ boardId: 'nope', boardRegistered: false })],
    ['control-exists', 409, [recorded, control], { type: 'add-risk-control', data: control.data }],
    ['control-not-found', 404, [recorded], remove()],
    ['control-removed', 409, [recorded, control, removed], remove()],
  ])('refuses %s (%i) and writes nothing', (code, status, given, command) => {
    spec
      .given(given)
      .when(command as never)
      .thenRefuses(code, status);
  });
});
