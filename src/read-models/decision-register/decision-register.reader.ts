import {
  DECISION_KEY_PREFIX,
  decisionKey,
  boardFactsKey,
  meetingKey,
  signoffKey,
  type BoardFactsDoc,
  type DecisionDoc,
  type JoinedMeeting,
  type MeetingDoc,
  type SignoffDoc,
} from '../../../projections/decision-register/decision-register-doc';
import { decisionRegisterProjection } from '../../../projections/decision-register/decision-register.projection';
import {
  matchesQuery,
  type DecisionRegisterQuery,
} from '../../../projections/decision-register/decision-register.queries';
import {
  decisionHistory,
  registerDetail,
  registerItem,
  type DecisionHistoryEntry,
  type DecisionRegisterDetail,
  type DecisionRegisterItem,
} from '../../../projections/decision-register/decision-register.views';
import { quorumOf } from '../../../projections/meetings/quorum';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';

const NAME = decisionRegisterProjection.name;

/**
 * Reads the decision register: decisions in key (decision id) order, each joined with its meeting
 * and sign-off documents; filters are the pure matchesQuery, joins the pure views.
 */
export class DecisionRegisterReader {
  /** The live ReadModelStore, or an as-of view of it (the same get/scan calls). */
  constructor(private readonly store: ReadModelView) {}

  /** Key-ordered pages; the filters are sent again with each cursor. */
  list(query: DecisionRegisterQuery, limit: number, cursor?: string): Page<DecisionRegisterItem> {
    const meetingOf = this.meetingLookup();
    return documentPage<DecisionDoc, DecisionRegisterItem>(
      this.store,
      NAME,
      DECISION_KEY_PREFIX,
      { limit, cursor },
      (doc) => {
        const meeting = meetingOf(doc.meetingId);
        return matchesQuery(doc, meeting, query) ? registerItem(doc, meeting, this.signoffsOf(doc)) : undefined;
      },
    );
  }

  get(decisionId: string): DecisionRegisterDetail {
    const doc = this.decision(decisionId);
    return registerDetail(doc, this.meetingLookup()(doc.meetingId), this.signoffsOf(doc));
  }

  /** `revision` is the decision's, as on the decision itself: its If-Match. */
  history(decisionId: string): { decisionId: string; revision: number; entries: DecisionHistoryEntry[] } {
    const doc = this.decision(decisionId);
    return { decisionId, revision: doc.revision, entries: decisionHistory(doc, this.signoffsOf(doc)) };
  }

  private decision(decisionId: string): DecisionDoc {
    const doc = this.store.get<DecisionDoc>(NAME, decisionKey(decisionId));
    if (!doc?.recorded) throw new NotFound('Decision', decisionId);
    return doc;
  }

  private signoffsOf(doc: DecisionDoc): (SignoffDoc | undefined)[] {
    return doc.signoffIds.map((id) => this.store.get<SignoffDoc>(NAME, signoffKey(id)));
  }

  /** Meeting documents joined to their board's quorum facts, each read once per request. */
  private meetingLookup(): (meetingId: string | undefined) => JoinedMeeting | undefined {
    const cache = new Map<string, JoinedMeeting | undefined>();
    return (meetingId) => {
      if (!meetingId) return undefined;
      if (!cache.has(meetingId))
        cache.set(meetingId, this.joined(this.store.get<MeetingDoc>(NAME, meetingKey(meetingId))));
      return cache.get(meetingId);
    };
  }

  private joined(meeting: MeetingDoc | undefined): JoinedMeeting | undefined {
    if (!meeting?.boardId || !meeting.scheduledFor) return meeting;
    const board = this.store.get<BoardFactsDoc>(NAME, boardFactsKey(meeting.boardId));
    const quorum = quorumOf(meeting.scheduledFor, meeting.attendance ?? [], board?.facts);
    return quorum ? { ...meeting, quorum } : meeting;
  }
}
