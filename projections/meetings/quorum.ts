import { businessDate } from '../calendar/business-date';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import {
  Board,
  evolveMembership,
  heldOn,
  type BoardMembership,
  type BoardState,
  type QuorumRuleKind,
} from '../../src/partners';
import { subscribe } from '../subscription';
import type { AttendanceLine } from './attendance-line';

/** What a read model keeps of a board to judge its meetings' quorum: the board decider's own fields. */
export type BoardQuorumFacts = Pick<BoardState, 'memberships' | 'deputies' | 'quorumRules'>;

export const NO_QUORUM_FACTS: BoardQuorumFacts = { memberships: [], deputies: [], quorumRules: [] };

/**
 * The board events a meeting's quorum is judged by (the meetings read model and the decision
 * register both read them): members, deputies and quorum rules; the registration changes none.
 */
export const quorumBoards = subscribe(Board, {
  'board-registered': 'ignored',
  'board-member-added': 'handled',
  'board-membership-ended': 'handled',
  'board-deputy-arranged': 'handled',
  'board-quorum-rule-set': 'handled',
});

/** A board's quorum facts after one of its events, folded by the board decider's own rules. */
export function evolveQuorumFacts(facts: BoardQuorumFacts, stored: StoredEvent): BoardQuorumFacts {
  const event = quorumBoards.decode(stored);
  return event.type === 'board-registered' ? facts : evolveMembership(facts, event);
}

/** Whether a meeting was quorate under the board's rule in force on its date, and which statutory partners were missing. */
export interface MeetingQuorum {
  rule: QuorumRuleKind;
  minimum?: number;
  quorate: boolean;
  /** Statutory partners with no seat held by someone present or deputised for, in id order. */
  missingStatutoryPartners: string[];
  /** Seats whose holder attended, or was deputised for, of the seats held on the date. */
  seatsCovered: number;
  seatsHeld: number;
}

/** Counted as there for the seat: present, or there and also covering another seat. */
const THERE = new Set(['present', 'also-representing', 'deputising']);
const PRESENT = new Set(['present', 'also-representing']);

/** Whether someone attended for the member's seat: the member, a deputy named for them, or the seat's standing deputy. */
function covered(
  member: BoardMembership,
  facts: BoardQuorumFacts,
  attendance: AttendanceLine[],
  date: string,
): boolean {
  const standing = new Set(
    facts.deputies.filter((d) => d.seat === member.seat && heldOn(d, date)).map((d) => d.deputyPersonId),
  );
  return attendance.some(
    (a) =>
      (a.personId === member.personId && PRESENT.has(a.status)) ||
      (THERE.has(a.status) && a.deputisingForPersonId === member.personId) ||
      (THERE.has(a.status) && standing.has(a.personId)),
  );
}

/**
 * The quorum of a meeting on `scheduledFor` (judged on its date in England) with `attendance`,
 * against the board's members and the rule in force that day; undefined when no rule was in force.
 */
export function quorumOf(
  scheduledFor: string,
  attendance: AttendanceLine[],
  facts: BoardQuorumFacts | undefined,
): MeetingQuorum | undefined {
  if (!facts) return undefined;
  const date = businessDate(scheduledFor);
  const inForce = [...facts.quorumRules]
    .filter((r) => r.from <= date)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .at(-1);
  if (!inForce) return undefined;
  const members = facts.memberships.filter((m) => heldOn(m, date));
  const coveredSeats = members.filter((m) => covered(m, facts, attendance, date));
  const statutory = new Set(members.filter((m) => m.statutory).map((m) => m.partnerId));
  const there = new Set(coveredSeats.filter((m) => m.statutory).map((m) => m.partnerId));
  const missingStatutoryPartners = [...statutory].filter((p) => !there.has(p)).sort();
  const quorate =
    inForce.rule === 'each-statutory-partner'
      ? missingStatutoryPartners.length === 0
      : coveredSeats.length >= (inForce.minimum ?? 1);
  return {
    rule: inForce.rule,
    ...(inForce.minimum !== undefined ? { minimum: inForce.minimum } : {}),
    quorate,
    missingStatutoryPartners,
    seatsCovered: coveredSeats.length,
    seatsHeld: members.length,
  };
}
