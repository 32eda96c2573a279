import {
  boardFactsKey,
  MEETING_KEY_PREFIX,
  meetingKey,
  type MeetingDoc,
} from '../../../projections/meetings/meeting-doc';
import { meetingsProjection } from '../../../projections/meetings/meetings.projection';
import {
  matchesQuery,
  meetingHistory,
  meetingView,
  type MeetingsQuery,
  type MeetingView,
} from '../../../projections/meetings/meetings.queries';
import { attendanceRegister, type AttendanceRegisterRow } from '../../../projections/meetings/attendance-register';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';

const NAME = meetingsProjection.name;

/** Reads the meetings read model (live, or an as-of view of it): meetings in id order, filtered in pure code. */
export class MeetingsReader {
  constructor(private readonly store: ReadModelView) {}

  /** Key-ordered pages; the filters are sent again with each cursor. */
  list(query: MeetingsQuery, limit: number, cursor?: string): Page<MeetingView> {
    return documentPage<MeetingDoc, MeetingView>(this.store, NAME, MEETING_KEY_PREFIX, { limit, cursor }, (doc) =>
      matchesQuery(doc, query) ? this.view(doc) : undefined,
    );
  }

  get(meetingId: string): MeetingView {
    return this.view(this.meeting(meetingId));
  }

  /** The attendance register of every board (or one) and financial year (or one), from all held meetings. */
  attendanceRegister(q: { boardId?: string; financialYear?: string }): AttendanceRegisterRow[] {
    const meetings = [...this.store.scan<MeetingDoc>(NAME, MEETING_KEY_PREFIX)]
      .map(({ doc }) => doc)
      .filter((doc) => q.boardId === undefined || doc.boardId === q.boardId);
    const facts = (boardId: string) => this.store.get<MeetingDoc>(NAME, boardFactsKey(boardId))?.board;
    return attendanceRegister(meetings, facts).filter(
      (row) => q.financialYear === undefined || row.financialYear === q.financialYear,
    );
  }

  /** Quorum needs the board's facts, kept in the same read model (so an as-of view has them too). */
  private view(doc: MeetingDoc): MeetingView {
    const board = doc.boardId === undefined ? undefined : this.store.get<MeetingDoc>(NAME, boardFactsKey(doc.boardId));
    return meetingView(doc, board?.board);
  }

  history(meetingId: string): ReturnType<typeof meetingHistory> {
    return meetingHistory(this.meeting(meetingId));
  }

  private meeting(meetingId: string): MeetingDoc {
    const doc = this.store.get<MeetingDoc>(NAME, meetingKey(meetingId));
    if (!doc?.scheduled) throw new NotFound('Meeting', meetingId);
    return doc;
  }
}
