import type { Board, DemoData, Meeting, ReferencedMeeting } from '../data';
import { businessManagerFor } from './actors';
import type { DemoClient } from './demo-client';
import { at, itemLabelOf, itemNumberOf } from './mappings';

/** Where each meeting stands in time: recorded ones by their date, referenced ones as mapped. */
export interface MeetingDates {
  dateOf(meetingId: string): string;
}

/** A referenced meeting's date: as given, the 1st of a given month, or a placeholder (see mappings). */
function referencedDate(r: ReferencedMeeting, data: DemoData): { date: string; placeholder: boolean } {
  if (r.date) return { date: r.date, placeholder: false };
  if (r.month) return { date: `${r.month}-01`, placeholder: true };
  const mentioned = data.meetings
    .filter((m) => r.mentionedInMeetingIds.includes(m.id))
    .map((m) => m.date)
    .sort()[0];
  const d = new Date(`${mentioned}T00:00:00Z`);
  return {
    date: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 10),
    placeholder: true,
  };
}

export function meetingDates(data: DemoData): MeetingDates {
  const dates = new Map<string, string>([
    ...data.meetings.map((m) => [m.id, m.date] as const),
    ...data.referencedMeetings.map((r) => [r.id, referencedDate(r, data).date] as const),
  ]);
  return { dateOf: (id) => dates.get(id) ?? fail(`Meeting ${id} is neither recorded nor referenced`) };
}

/** The API needs a time of day; where the minutes give none, 10:00 stands in and the title says so. */
const DEFAULT_TIME = '10:00';
const TIME_NOT_MINUTED = `time of day not minuted: ${DEFAULT_TIME} illustrative`;

const fail = (message: string): never => {
  throw new Error(message);
};

/** Every meeting scheduled, then each recorded meeting's attendance, agenda and minutes approval. */
export async function loadMeetings(client: DemoClient, data: DemoData): Promise<void> {
  const board = (id: string): Board => data.boards.find((b) => b.id === id) ?? fail(`Board ${id} is not in the data`);
  for (const m of data.meetings) {
    const body = {
      meetingId: m.id,
      boardId: m.boardId,
      scheduledFor: `${m.date}T${m.startTime ?? DEFAULT_TIME}:00Z`,
      title: `${board(m.boardId).name}${m.startTime ? '' : ` (${TIME_NOT_MINUTED})`}`,
      ...(m.location ? { location: m.location } : {}),
      occurredAt: at(m.date),
    };
    await client.post(businessManagerFor(m.boardId), '/meetings', body, `demo:meeting:${m.id}:schedule`);
  }
  for (const r of data.referencedMeetings) await scheduleReferenced(client, data, r, board(r.boardId));
  for (const m of data.meetings) await recordMeeting(client, m);
  await addLogItems(client, data);
}

async function scheduleReferenced(client: DemoClient, data: DemoData, r: ReferencedMeeting, b: Board): Promise<void> {
  const { date, placeholder } = referencedDate(r, data);
  const mentioned = data.meetings
    .filter((m) => r.mentionedInMeetingIds.includes(m.id))
    .map((m) => m.date)
    .sort()[0];
  const what = r.kind === 'planned' ? 'planned' : 'minutes not in the data set';
  const given = r.month ? 'the minutes give the month only' : 'the minutes give no date';
  const day = placeholder ? `; illustrative date ${date}: ${given}` : '';
  const title = `${b.name} (${what}${day}${r.startTime ? '' : `; ${TIME_NOT_MINUTED}`})`;
  // A past meeting was scheduled by the time it met; a planned one when the minutes announced it.
  const occurredAt = at(r.kind === 'past-not-recorded' ? date : mentioned);
  const body = {
    meetingId: r.id,
    boardId: r.boardId,
    scheduledFor: `${date}T${r.startTime ?? DEFAULT_TIME}:00Z`,
    title,
    ...(r.location ? { location: r.location } : {}),
    occurredAt,
  };
  await client.post(businessManagerFor(r.boardId), '/meetings', body, `demo:meeting:${r.id}:schedule`);
}

async function recordMeeting(client: DemoClient, m: Meeting): Promise<void> {
  const actor = businessManagerFor(m.boardId);
  const occurredAt = at(m.date);
  const entries = m.attendance.map((a) => ({
    personId: a.personId,
    status: a.status,
    ...(a.deputisingForPersonId ? { deputisingForPersonId: a.deputisingForPersonId } : {}),
    ...(a.representingPartnerId ? { representingPartnerId: a.representingPartnerId } : {}),
  }));
  await client.post(actor, `/meetings/${m.id}/attendance`, { entries, occurredAt }, `demo:meeting:${m.id}:attendance`);
  for (const item of m.items) {
    const itemNumber = itemNumberOf(item.number);
    const presenters = item.presenterPersonIds ?? [];
    const body = {
      itemNumber,
      ...itemLabelOf(item.number),
      title: item.title,
      ...(presenters.length > 0 ? { presenterPersonIds: presenters } : {}),
      occurredAt,
    };
    await client.post(actor, `/meetings/${m.id}/agenda-items`, body, `demo:meeting:${m.id}:item:${itemNumber}`);
  }
  // Who said what, where the minutes attribute it (after the attendance it is read against).
  for (const item of m.items) {
    const itemNumber = itemNumberOf(item.number);
    for (const [i, c] of (item.contributions ?? []).entries()) {
      const body = {
        itemNumber,
        personId: c.personId,
        summary: c.summary,
        ...(c.notes ? { note: c.notes } : {}),
        occurredAt,
      };
      const key = `demo:meeting:${m.id}:item:${itemNumber}:contribution:${i + 1}`;
      await client.post(actor, `/meetings/${m.id}/contributions`, body, key);
    }
  }
  const prev = m.previousMinutes;
  if (prev) {
    const body = {
      previousMeetingId: prev.previousMeetingId,
      outcome: prev.outcome,
      ...(prev.outcome === 'amended' ? { amendments: [prev.amendment] } : {}),
      occurredAt,
    };
    await client.post(
      actor,
      `/meetings/${m.id}/previous-minutes-approval`,
      body,
      `demo:meeting:${m.id}:previous-minutes`,
    );
  }
}

/** The item an earlier action sits under: its action-log number ('...-log-3-1' -> 31), else 1. */
export function logItemNumber(actionId: string): number {
  const log = /-log-(\d+)-(\d)$/.exec(actionId);
  return log ? Number(log[1]) * 10 + Number(log[2]) : 1;
}

/** Past meetings without minutes get the items their reported actions were raised under. */
async function addLogItems(client: DemoClient, data: DemoData): Promise<void> {
  const dates = meetingDates(data);
  const added = new Set<string>();
  for (const a of data.meetings.flatMap((m) => m.priorActions)) {
    const itemNumber = logItemNumber(a.id);
    const key = `${a.raisedAtMeetingId}:${itemNumber}`;
    if (added.has(key)) continue;
    added.add(key);
    const written = itemNumber === 1 ? 'action log' : `action log ${Math.floor(itemNumber / 10)}.${itemNumber % 10}`;
    const body = {
      itemNumber,
      title: `Business recorded in the ${written} (minutes not in the data set)`,
      occurredAt: at(dates.dateOf(a.raisedAtMeetingId)),
    };
    const board = data.referencedMeetings.find((r) => r.id === a.raisedAtMeetingId)?.boardId ?? 'wseb';
    await client.post(
      businessManagerFor(board),
      `/meetings/${a.raisedAtMeetingId}/agenda-items`,
      body,
      `demo:meeting:${a.raisedAtMeetingId}:item:${itemNumber}`,
    );
  }
}

/** Last of all: recorded meetings and past ones are closed; planned meetings stay open. */
export async function closeMeetings(client: DemoClient, data: DemoData): Promise<void> {
  const past = [
    ...data.meetings.map((m) => ({ id: m.id, boardId: m.boardId, date: m.date })),
    ...data.referencedMeetings
      .filter((r) => r.kind === 'past-not-recorded')
      .map((r) => ({ id: r.id, boardId: r.boardId, date: meetingDates(data).dateOf(r.id) })),
  ];
  for (const m of past) {
    await client.post(
      businessManagerFor(m.boardId),
      `/meetings/${m.id}/close`,
      { occurredAt: at(m.date) },
      `demo:meeting:${m.id}:close`,
    );
  }
}
