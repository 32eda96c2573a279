import { BadRequestException } from '@nestjs/common';
import {
  DECISION_KEY_PREFIX,
  decisionKey,
  meetingKey,
  signoffKey,
  type DecisionDoc,
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
import { problem } from '../../http/problem';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';

const NAME = decisionRegisterProjection.name;

/** The cursor is the last key returned, opaque to clients; the filters are sent again with it. */
export const encodeCursor = (key: string) => Buffer.from(JSON.stringify({ k: key })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    const { k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof k === 'string' && k.startsWith(DECISION_KEY_PREFIX)) return k;
  } catch {
    /* falls through to the 400 below */
  }
  throw new BadRequestException(problem(400, 'invalid-cursor', 'The cursor is not one this API returned'));
}

/**
 * Reads the decision register: decisions in key (decision id) order, each joined with its meeting
 * and sign-off documents; filters are the pure matchesQuery, joins the pure views.
 */
export class DecisionRegisterReader {
  /** The live ReadModelStore, or an as-of view of it (the same get/scan calls). */
  constructor(private readonly store: ReadModelView) {}

  list(
    query: DecisionRegisterQuery,
    limit: number,
    cursor?: string,
  ): { items: DecisionRegisterItem[]; nextCursor: string | null } {
    const meetingOf = this.meetingLookup();
    const items: DecisionRegisterItem[] = [];
    let lastKey: string | undefined;
    let more = false;
    // Scans forward until a page is full; a selective filter reads further, never more than the register.
    for (const { key, doc } of this.store.scan<DecisionDoc>(
      NAME,
      DECISION_KEY_PREFIX,
      cursor === undefined ? undefined : decodeCursor(cursor),
    )) {
      const meeting = meetingOf(doc.meetingId);
      if (!matchesQuery(doc, meeting, query)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(registerItem(doc, meeting, this.signoffsOf(doc)));
      lastKey = key;
    }
    return { items, nextCursor: more && lastKey ? encodeCursor(lastKey) : null };
  }

  get(decisionId: string): DecisionRegisterDetail {
    const doc = this.decision(decisionId);
    return registerDetail(doc, this.meetingLookup()(doc.meetingId), this.signoffsOf(doc));
  }

  history(decisionId: string): { decisionId: string; entries: DecisionHistoryEntry[] } {
    const doc = this.decision(decisionId);
    return { decisionId, entries: decisionHistory(doc, this.signoffsOf(doc)) };
  }

  private decision(decisionId: string): DecisionDoc {
    const doc = this.store.get<DecisionDoc>(NAME, decisionKey(decisionId));
    if (!doc?.recorded) throw new NotFound('Decision', decisionId);
    return doc;
  }

  private signoffsOf(doc: DecisionDoc): (SignoffDoc | undefined)[] {
    return doc.signoffIds.map((id) => this.store.get<SignoffDoc>(NAME, signoffKey(id)));
  }

  /** Meeting documents, each read once per request. */
  private meetingLookup(): (meetingId: string | undefined) => MeetingDoc | undefined {
    const cache = new Map<string, MeetingDoc | undefined>();
    return (meetingId) => {
      if (!meetingId) return undefined;
      if (!cache.has(meetingId)) cache.set(meetingId, this.store.get<MeetingDoc>(NAME, meetingKey(meetingId)));
      return cache.get(meetingId);
    };
  }
}
