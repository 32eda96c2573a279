import type { Action, ActionOwner, ActionUpdate, DemoData, Meeting } from '../data';
import { businessManagerFor } from './actors';
import type { DemoClient } from './demo-client';
import { logItemNumber, meetingDates } from './load-meetings';
import { at, itemNumberOf, NO_OWNER_TEAM, unresolvedTeam } from './mappings';

/** Owners as the API takes them (see mappings for team stand-ins). */
function ownersOf(owners: ActionOwner[]): Array<Record<string, string>> {
  if (owners.length === 0) return [{ kind: 'team', name: NO_OWNER_TEAM }];
  return owners.map((o): Record<string, string> => {
    switch (o.kind) {
      case 'person':
        return { kind: 'person', personId: o.personId };
      case 'partner':
        return { kind: 'partner', partnerId: o.partnerId };
      case 'team':
        return { kind: 'team', name: o.name };
      case 'unresolved':
        return { kind: 'team', name: unresolvedTeam(o.asWritten) };
    }
  });
}

/**
 * Due as the minutes give it: a date, a period from the meeting ("within six months": its last day),
 * a target meeting. Where they give none, the API still needs one: the action is due back at
 * `fallback`, and its own text says so (illustrative for the next meeting; for an earlier action, the
 * meeting whose action log reported on it). A described due keeps its words in the text too.
 */
function dueOf(a: Action, fallback: { meetingId: string; why: string }): { text: string; due: Record<string, string> } {
  switch (a.due?.kind) {
    case 'date':
      return { text: a.text, due: { dueDate: a.due.date } };
    case 'within':
      return {
        text: `${a.text} (minuted: "${a.due.asWritten}"; due by ${a.due.date}, ${a.due.months} months from the meeting)`,
        due: { dueDate: a.due.date },
      };
    case 'meeting':
      return { text: a.text, due: { targetMeetingId: a.due.meetingId } };
    case 'described':
      return { text: `${a.text} (due ${a.due.text}; ${fallback.why})`, due: { targetMeetingId: fallback.meetingId } };
    case undefined:
      return { text: `${a.text} (no due date minuted; ${fallback.why})`, due: { targetMeetingId: fallback.meetingId } };
  }
}

/** Where an action without a minuted due is due back, and the words that say why in its text. */
const nextMeetingFallback = (m: Meeting) => {
  const meetingId = nextMeeting(m);
  return { meetingId, why: `illustrative: due back at the next meeting, ${meetingId}` };
};
const reportedAtFallback = (m: Meeting) => ({
  meetingId: m.id,
  why: `due back at ${m.id}, the meeting whose action log reports on it`,
});

async function raise(
  client: DemoClient,
  data: DemoData,
  a: Action,
  itemNumber: number,
  fallback: { meetingId: string; why: string },
  boardId: string,
): Promise<void> {
  const { text, due } = dueOf(a, fallback);
  const body = {
    actionId: a.id,
    meetingId: a.raisedAtMeetingId,
    itemNumber,
    text,
    owners: ownersOf(a.owners),
    ...due,
    occurredAt: at(meetingDates(data).dateOf(a.raisedAtMeetingId)),
  };
  await client.post(businessManagerFor(boardId), '/actions', body, `demo:action:${a.id}:raise`);
}

/** Earlier actions first (they are due back at the meeting that reported on them), then each meeting's own. */
export async function loadActions(client: DemoClient, data: DemoData): Promise<void> {
  for (const m of data.meetings) {
    for (const a of m.priorActions) await raise(client, data, a, logItemNumber(a.id), reportedAtFallback(m), m.boardId);
  }
  for (const m of data.meetings) {
    for (const item of m.items) {
      for (const a of item.actions)
        await raise(client, data, a, itemNumberOf(item.number), nextMeetingFallback(m), m.boardId);
    }
  }
  const updates = data.meetings
    .flatMap((m) => m.actionUpdates.map((u) => ({ m, u })))
    .sort((x, y) => x.m.date.localeCompare(y.m.date));
  for (const { m, u } of updates) await recordUpdate(client, data, m, u);
}

const nextMeeting = (m: Meeting): string => {
  if (!m.nextMeetingId) throw new Error(`Meeting ${m.id} names no next meeting to carry actions to`);
  return m.nextMeetingId;
};

const PROGRESS_LABEL: Record<string, string> = {
  delayed: 'Delayed',
  'on-agenda': 'On the agenda',
  'for-discussion': 'For discussion',
  'in-progress': 'In progress',
  progressed: 'Progressed',
};

/** One update as the action's status machine records it (mapping in mappings.ts). */
async function recordUpdate(client: DemoClient, data: DemoData, m: Meeting, u: ActionUpdate): Promise<void> {
  const reporter = u.reportedByPersonId ? data.people.find((p) => p.id === u.reportedByPersonId)?.fullName : undefined;
  const said = `${u.text}${reporter ? ` (reported by ${reporter})` : ''}`;
  const occurredAt = at(m.date);
  const key = `demo:action:${u.actionId}:update:${m.id}:${u.status}`;
  const actor = businessManagerFor(m.boardId);
  switch (u.status) {
    case 'actioned':
      return void (await client.post(actor, `/actions/${u.actionId}/complete`, { note: said, occurredAt }, key));
    case 'closed':
      return void (await client.post(actor, `/actions/${u.actionId}/close`, { reason: said, occurredAt }, key));
    case 'carried-forward':
      return void (await client.post(
        actor,
        `/actions/${u.actionId}/carry-forward`,
        { toMeetingId: nextMeeting(m), note: said, occurredAt },
        key,
      ));
    default: {
      const basis = u.basis === 'inferred' ? 'inferred from later items, no action log: ' : '';
      await client.post(
        actor,
        `/actions/${u.actionId}/progress`,
        { note: `${PROGRESS_LABEL[u.status]} (${basis}${m.id}): ${said}`, occurredAt },
        key,
      );
    }
  }
}
