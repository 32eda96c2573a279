/**
 * The meetings section: per meeting in date order, its board and title, attendance (how many
 * attended, who sent apologies, who deputised for whom) and what it decided and raised, each
 * decision and action by agenda item. The records' later course is in the tables that follow.
 */
import type { MeetingSummary } from './summary-figures';
import { day } from './format';
import { bottom, heading, newPage, para, subheading, type Doc } from './layout';
import { drawTable } from './table';

/** Room for a meeting's heading, attendance lines and a table's first rows before a page break. */
const MEETING_MIN_SPACE = 140;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function drawMeetings(doc: Doc, meetings: MeetingSummary[]): void {
  newPage(doc);
  heading(doc, 'Meetings');
  para(
    doc,
    'Each meeting in the pack with its attendance as corrected and what it decided and raised (meetings.csv and attendance.csv hold the same figures). People are named by their person ids.',
    { muted: true, size: 9 },
  );
  if (meetings.length === 0) return para(doc, 'No meetings fall within the scope of this pack.', { muted: true });
  for (const m of meetings) {
    if (doc.y + MEETING_MIN_SPACE > bottom(doc)) newPage(doc);
    subheading(doc, `${m.date ? day(m.date) : 'Undated'} - ${m.boardId}: ${m.title || m.meetingId}`);
    para(
      doc,
      `${plural(m.attending, 'attended', 'attended')}, ${plural(m.apologies.length, 'apology', 'apologies')}, ${plural(m.deputies.length, 'deputy', 'deputies')}. Meeting ${m.meetingId}.`,
      { size: 9 },
    );
    if (m.apologies.length) para(doc, `Apologies: ${m.apologies.join(', ')}`, { size: 9, muted: true });
    if (m.deputies.length) para(doc, `Deputising: ${m.deputies.join('; ')}`, { size: 9, muted: true });
    const rows = [
      ...m.decisions.map((d) => [d.item, 'Decision', d.decisionId, d.outcome, '', d.text]),
      ...m.actions.map((a) => [a.item, 'Action', a.actionId, a.owners, a.due, a.text]),
    ];
    if (rows.length === 0) para(doc, 'No decisions recorded or actions raised.', { size: 9, muted: true });
    else
      drawTable(
        doc,
        { title: 'Decided and raised', columns: ['Item', 'Kind', 'Record', 'Outcome / owners', 'Due', 'Text'], rows },
        { continueOnPage: true },
      );
  }
}
