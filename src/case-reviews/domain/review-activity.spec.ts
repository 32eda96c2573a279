import { deciderSpec } from '../../shared/testing/decider-spec';
import { ReviewActivity, type ReviewActivityRecorded } from './review-activity';

const spec = deciderSpec(ReviewActivity);

const recorded: ReviewActivityRecorded = {
  activityId: 'ws-review-activity-2019-20',
  boardId: 'wseb',
  period: '2019-20',
  referrals: { total: 21, adult: 11, children: 10 },
  rapidReviews: { total: 14, adult: 8, children: 6, statedElsewhere: 15 },
  fullReviews: { total: 4, adult: 1, children: 2, joint: 1 },
  source: 'Cabinet report, 12 November 2020',
  cites: [{ document: 'cabinet-report-2019-20', where: 'Safeguarding Reviews' }],
  notes: ['Rapid reviews: 14 in the breakdown, 15 in the executive summary.'],
};
const record = (data: Partial<ReviewActivityRecorded> = {}, boardRegistered = true) => ({
  type: 'record-review-activity' as const,
  data: { ...recorded, ...data, boardRegistered },
});

describe('ReviewActivity decider: a period’s review counts as a report states them, recorded once', () => {
  it('given nothing, when counts whose parts add up are recorded (one stated differently elsewhere), then they are recorded as given', () => {
    spec
      .given([])
      .when(record())
      .then([{ type: 'review-activity-recorded', data: recorded }]);
  });

  it('given nothing, when a count gives only its total, then it is recorded', () => {
    const fullReviews = { total: 4 };
    spec
      .given([])
      .when(record({ fullReviews }))
      .then([{ type: 'review-activity-recorded', data: { ...recorded, fullReviews } }]);
  });

  it('given nothing, when the parts of a count do not make its total, then it is refused', () => {
    spec
      .given([])
      .when(record({ rapidReviews: { total: 15, adult: 8, children: 6 } }))
      .thenRefuses('counts-do-not-add-up', 422);
  });

  it('given nothing, when the board is not registered, then it is refused', () => {
    spec.given([]).when(record({}, false)).thenRefuses('board-not-registered', 422);
  });

  it('given the activity recorded, when recorded again, then it is refused', () => {
    spec
      .given([{ type: 'review-activity-recorded', data: recorded }])
      .when(record())
      .thenRefuses('review-activity-exists', 409);
  });
});
