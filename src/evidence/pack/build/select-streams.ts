import { businessDay as businessDate } from '../business-day';
import type { StoredEvent } from '../../../ledger/event-envelope';
import { PACK_EVENTS } from './pack-events';
import { streamCategory, streamEntityId, streamName } from '../../../ledger/stream-name';
import type { PackScope } from '../../domain/pack-scope';
import { KIND_OF_CATEGORY, noteEvent, themeMatcher, type RecordFacts } from './record-facts';
import { CaseReviewChainStreams } from './select-chain';

/**
 * Which streams a pack holds, and up to which revision. The rules (also in the README of the report):
 * 1. Records: the scope's record kinds pick stream categories: decisions -> decision-*, signoff-*;
 *    actions -> action-*; escalations -> escalation-*, protocol-*; funding -> budget-*; meetings -> meeting-*;
 *    case-reviews -> casereview-* (a review has no meeting or partner party yet: a partner filter leaves it out);
 *    inspections -> inspection-*; risks -> risk-* (a risk's party is its owner partner);
 *    forward-plan -> forwardplan-* (its meetings are its parties, no partner).
 *    assurance -> thematicreview-*, multiagencyaudit-* (parties: the partners a finding went to or an audit asked).
 *    Whatever the kinds, every meeting in the pack (a record's, or one asked for) is a row of
 *    meetings.csv with its attendance in attendance.csv, and counts in attendance-register.csv against
 *    the members its board's stream records.
 * 2. Period: a record is in scope when any of its events has an occurredAt whose business date
 *    (Europe/London) falls in [from, to], both inclusive.
 * 3. Boards (empty = every board): a record is in scope when one of its meetings (raised at, due back
 *    at, carried to; a decision's or sign-off's meeting; a sign-off's decision's meeting) belongs to
 *    one of the boards, by that meeting's 'meeting-scheduled'; a board's own budget (keyed by owner)
 *    belongs to its owner. Records with no meeting and no owner (the partnership's budgets,
 *    escalations, protocols, sign-offs not tied to a meeting or decision) belong to the whole
 *    partnership, so a board filter does not remove them.
 * 4. Partners (empty = every partner): a record is in scope when one of its parties is one of the
 *    partners: action owners (partner owners, and person owners by the partner their person record
 *    names), responsible partners, required signatories and signers, pledging/paying/underwriting
 *    partners, escalation agencies (raising, concerning, acknowledging, responding), the agencies an
 *    inspection inspected and its recommendations' owners, and a meeting's attendees (by their person's partner), presenters and partners represented.
 * 5. Themes (empty = no filter): a record is in scope when any theme matches, as whole words ignoring
 *    case, the record's action text, decision text, artefact title, escalation subject, protocol name
 *    budget line names, meeting and agenda item titles, or an audit's themes and a thematic review's areas.
 * 6. Sign-offs requested for an included decision are included with it (the register joins them), and
 *    a protocol is included when an included escalation was raised under it; a protocol otherwise
 *    needs rules 2 and 5 and no partner filter (it has no parties).
 * 7. Context: meeting-* of every included record's meetings, board-* of those meetings' boards,
 *    partner-* of the records' partner parties (and of their persons) and person-* of their persons.
 * 8. Every included stream is included WHOLE from revision 0 up to its last event whose business date
 *    is on or before `to` (events after `to` are left out; earlier ones never), so each chain verifies
 *    from genesis and the projections can be recomputed as at the end of the period. A stream with no
 *    event by `to` is left out.
 * 9. Completeness (build-pack.ts): an included stream's events recorded in the log before the pack's
 *    last period event (lastPosition) are in the pack even when dated after `to`, so a verifier holding
 *    log-hashes.txt can tell a stream cut short from one that simply ended; the CSVs leave them out.
 *    With a digest that commits to the log tree, every included stream goes in up to its last event
 *    at the digest, which log-proofs.ndjson names as its head (../formats/log-proofs.ts).
 * 10. One case review (scope.caseReviewId): its chain and nothing else (./select-chain.ts), when the
 *    review has an event in the period; rules 3 to 7 do not apply, rules 8 and 9 do.
 */
export class StreamSelector {
  private readonly records = new Map<string, RecordFacts>();
  /** Last revision with business date <= to, for every stream seen. */
  private readonly lastByTo = new Map<string, number>();
  /** Log position of that revision, so the pack's last position is known before pass 2 writes. */
  private readonly positionOfLastByTo = new Map<string, number>();
  private readonly boardOfMeeting = new Map<string, string>();
  private readonly partnerOfPerson = new Map<string, string>();
  private readonly categories: Set<string>;
  private readonly matchesTheme: ((text: string[]) => boolean) | undefined;
  private readonly chain: CaseReviewChainStreams | undefined;

  constructor(private readonly scope: PackScope) {
    this.chain = scope.caseReviewId === undefined ? undefined : new CaseReviewChainStreams(scope.caseReviewId);
    this.categories = new Set(Object.keys(KIND_OF_CATEGORY).filter((c) => scope.records.includes(KIND_OF_CATEGORY[c])));
    this.matchesTheme = themeMatcher(scope.themes);
  }

  observe(stored: StoredEvent): void {
    // Facts are read from the current domain shape (upcasters included), whatever version was stored.
    const e = PACK_EVENTS.knows(stored) ? PACK_EVENTS.decode(stored) : stored;
    const date = businessDate(e.metadata.occurredAt);
    if (date <= this.scope.to && e.revision >= (this.lastByTo.get(e.streamId) ?? -1)) {
      this.lastByTo.set(e.streamId, e.revision);
      this.positionOfLastByTo.set(e.streamId, e.position);
    }
    this.chain?.observe(e);
    const category = streamCategory(e.streamId);
    const d = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === 'meeting-scheduled' && typeof d.meetingId === 'string')
      this.boardOfMeeting.set(d.meetingId, String(d.boardId));
    if ((e.type === 'person-registered' || e.type === 'person-updated') && typeof d.partnerId === 'string')
      this.partnerOfPerson.set(String(d.personId), d.partnerId);
    if (!this.categories.has(category)) return;
    let facts = this.records.get(e.streamId);
    if (!facts) {
      facts = {
        kind: KIND_OF_CATEGORY[category],
        meetingIds: new Set(),
        boardIds: new Set(),
        partnerIds: new Set(),
        personIds: new Set(),
        text: [],
        inPeriod: false,
      };
      this.records.set(e.streamId, facts);
    }
    noteEvent(facts, e);
    if (!this.matchesTheme) facts.text.length = 0; // no themes: nothing to match, so keep no words
    if (date >= this.scope.from && date <= this.scope.to) facts.inPeriod = true;
  }

  /** Stream id -> last revision to include, once every event has been observed. */
  result(): Map<string, number> {
    const included = this.chain ? this.chainIncluded(this.chain) : this.recordsIncluded();
    const out = new Map<string, number>();
    for (const streamId of included) {
      const last = this.lastByTo.get(streamId);
      if (last !== undefined) out.set(streamId, last);
    }
    return out;
  }

  /** Rule 10: the review's chain, if the review itself is in the period. */
  private chainIncluded(chain: CaseReviewChainStreams): Set<string> {
    return this.records.get(chain.reviewStream)?.inPeriod ? chain.all() : new Set();
  }

  /** Rules 1 to 7. */
  private recordsIncluded(): Set<string> {
    const included = new Set<string>();
    const decisions = new Set<string>();
    const protocols = new Set<string>();
    for (const [streamId, f] of this.records) {
      if (streamCategory(streamId) === 'protocol' || !this.passes(f)) continue;
      included.add(streamId);
      if (streamCategory(streamId) === 'decision') decisions.add(streamEntityId(streamId));
      if (f.protocolId) protocols.add(f.protocolId);
    }
    for (const [streamId, f] of this.records) {
      const category = streamCategory(streamId);
      if (category === 'signoff' && f.decisionId && decisions.has(f.decisionId)) included.add(streamId);
      if (category === 'protocol') {
        const ownRight = this.scope.partnerIds.length === 0 && f.inPeriod && this.themeOk(f);
        if (protocols.has(streamEntityId(streamId)) || ownRight) included.add(streamId);
      }
    }
    for (const streamId of [...included]) this.addContext(this.records.get(streamId)!, included);
    return included;
  }

  /**
   * The log position of the pack's last period event: the latest position of a selected stream's
   * last revision on or before `to`. Null when nothing is selected.
   */
  lastPosition(selected: Map<string, number>): number | null {
    let last: number | null = null;
    for (const streamId of selected.keys()) {
      const p = this.positionOfLastByTo.get(streamId);
      if (p !== undefined && (last === null || p > last)) last = p;
    }
    return last;
  }

  private themeOk(f: RecordFacts): boolean {
    return !this.matchesTheme || this.matchesTheme(f.text);
  }

  private meetingsOf(f: RecordFacts): string[] {
    const meetings = [...f.meetingIds];
    const decision = f.decisionId ? this.records.get(streamName('decision', f.decisionId)) : undefined;
    return decision ? [...meetings, ...decision.meetingIds] : meetings;
  }

  private partiesOf(f: RecordFacts): string[] {
    return [
      ...f.partnerIds,
      ...[...f.personIds].map((p) => this.partnerOfPerson.get(p)).filter((p): p is string => p !== undefined),
    ];
  }

  private passes(f: RecordFacts): boolean {
    if (!f.inPeriod || !this.themeOk(f)) return false;
    const { boardIds, partnerIds } = this.scope;
    const meetings = this.meetingsOf(f);
    const boards = [...meetings.map((m) => this.boardOfMeeting.get(m) ?? ''), ...f.boardIds];
    if (boardIds.length > 0 && boards.length > 0 && !boards.some((b) => boardIds.includes(b))) return false;
    if (partnerIds.length > 0 && !this.partiesOf(f).some((p) => partnerIds.includes(p))) return false;
    return true;
  }

  private addContext(f: RecordFacts, included: Set<string>): void {
    for (const b of f.boardIds) included.add(streamName('board', b));
    for (const m of this.meetingsOf(f)) {
      included.add(streamName('meeting', m));
      const board = this.boardOfMeeting.get(m);
      if (board) included.add(streamName('board', board));
    }
    for (const p of this.partiesOf(f)) included.add(streamName('partner', p));
    for (const p of f.personIds) included.add(streamName('person', p));
  }
}
