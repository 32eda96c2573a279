import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import type {
  ActivityCount,
  ReviewActivityCommand,
  ReviewActivityEvent,
  ReviewActivityState,
} from './review-activity.messages';

export * from './review-activity.messages';

const initialState: ReviewActivityState = { exists: false };

/** Parts are optional; when a count gives all the parts it names, they must make its total. */
function addsUp(name: string, { total, adult, children, joint }: ActivityCount): void {
  const parts = [adult, children, joint].filter((p): p is number => p !== undefined);
  if (parts.length < 2) return;
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum !== total)
    throw new RuleViolation('counts-do-not-add-up', `${name}: the parts make ${sum}, the total is ${total}`, {
      count: name,
    });
}

function decide(command: ReviewActivityCommand, state: ReviewActivityState): ReviewActivityEvent[] {
  const { boardRegistered, ...recorded } = command.data;
  if (state.exists)
    throw new StateConflict('review-activity-exists', `Review activity ${recorded.activityId} is already recorded`);
  if (!boardRegistered) throw new RuleViolation('board-not-registered', `Board ${recorded.boardId} is not registered`);
  addsUp('referrals', recorded.referrals);
  addsUp('rapidReviews', recorded.rapidReviews);
  addsUp('fullReviews', recorded.fullReviews);
  return [{ type: 'review-activity-recorded', data: recorded }];
}

const evolutions: Evolutions<ReviewActivityEvent, ReviewActivityState> = {
  'review-activity-recorded': () => ({ exists: true }),
};

/** A period's review counts as an annual report states them, recorded once. */
export const ReviewActivity = aggregateOf(
  { category: 'reviewactivity', name: 'Review activity' },
  { initialState, decide, evolutions },
);
