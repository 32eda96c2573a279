import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import { withoutUndefined } from '../../shared/without-undefined';
import type { MeetingCommand, MeetingEvent, MeetingState } from './meeting.messages';

type RecordContribution = Extract<MeetingCommand, { type: 'record-contribution' }>['data'];

/**
 * Who said what on an item, as the minutes attribute it. The person's attendance status is read
 * from the meeting's own attendance list, so it is the status at that meeting, whatever changes
 * later: real minutes quote members who sent apologies, and the record shows it rather than hide it.
 */
export function recordContribution(data: RecordContribution, state: MeetingState): MeetingEvent[] {
  const { meetingId, itemNumber, personId, summary, note } = data;
  if (Object.keys(state.attendance).length === 0)
    throw new StateConflict(
      'meeting-not-held',
      `Meeting ${meetingId} has no attendance recorded: record it first, contributions are read against it`,
      { meetingId },
    );
  if (!Object.hasOwn(state.items, itemNumber))
    throw new RuleViolation('agenda-item-not-found', `Meeting ${meetingId} has no item ${itemNumber}`, { itemNumber });
  if (!data.personRegistered)
    throw new RuleViolation('person-not-registered', `Person ${personId} is not registered`, { personId });
  if (state.contributions.some((c) => c.itemNumber === itemNumber && c.personId === personId && c.summary === summary))
    throw new StateConflict('contribution-already-recorded', `That contribution of ${personId} is already recorded`, {
      meetingId,
      itemNumber,
      personId,
    });
  const attendanceStatus = state.attendance[personId]?.status ?? 'not-recorded';
  const contributionNumber = state.contributions.length + 1;
  return [
    {
      type: 'contribution-recorded',
      data: withoutUndefined({
        meetingId,
        itemNumber,
        contributionNumber,
        personId,
        summary,
        note,
        attendanceStatus,
      }),
    },
  ];
}

/** Presenters checked: each named once and each registered. An empty list is no presenter. */
export function checkPresenters(
  presenterPersonIds: string[] | undefined,
  unregistered: string[],
): string[] | undefined {
  if (!presenterPersonIds?.length) return undefined;
  const twice = presenterPersonIds.filter((p, i) => presenterPersonIds.indexOf(p) !== i);
  if (twice.length > 0)
    throw new RuleViolation('duplicate-presenter', `Presenters are named twice: ${twice.join(', ')}`, {
      duplicates: twice,
    });
  const missing = presenterPersonIds.find((p) => unregistered.includes(p));
  if (missing !== undefined)
    throw new RuleViolation('person-not-registered', `Person ${missing} is not registered`, { personId: missing });
  return presenterPersonIds;
}
