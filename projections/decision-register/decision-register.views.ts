import type { MeetingQuorum } from '../meetings/quorum';
import type {
  DecisionDoc,
  HistoryEntry,
  JoinedMeeting as MeetingDoc,
  SignoffDoc,
  SignoffStatus,
} from './decision-register-doc';
import { unsatisfiedConditionCount } from './decision-register.queries';

/** Where and when the decision was made, as the minutes show it. */
export interface MeetingRef {
  meetingId: string;
  boardId: string | null;
  date: string | null;
  itemNumber: number | null;
  itemLabel: string | null;
  itemTitle: string | null;
  /** Whether the meeting was quorate under its board's rule that day; null when the board had no rule then. */
  quorum: MeetingQuorum | null;
}

/** A sign-off at a glance, for list rows. */
export interface SignoffSummary {
  signoffId: string;
  status: SignoffStatus;
  artefactTitle: string | null;
  version: string | null;
  signed: number;
  required: number;
  subjectToConditions: boolean | null;
}

type DecisionCore = Omit<DecisionDoc, 'kind' | 'history' | 'recorded'> & {
  meeting: MeetingRef | null;
  unsatisfiedConditions: number;
  historyLength: number;
};
export type DecisionRegisterItem = DecisionCore & { signoffs: SignoffSummary[] };
export type SignoffDetail = Omit<SignoffDoc, 'kind' | 'history' | 'requested'>;
export type DecisionRegisterDetail = DecisionCore & { signoffs: SignoffDetail[] };
/** A history line with the record it belongs to: the decision itself or one of its sign-offs. */
export type DecisionHistoryEntry = HistoryEntry & {
  record: { kind: 'decision'; decisionId: string } | { kind: 'signoff'; signoffId: string };
};

export function meetingRef(doc: DecisionDoc, meeting: MeetingDoc | undefined): MeetingRef | null {
  if (doc.meetingId === undefined) return null;
  const item = doc.itemNumber === undefined ? undefined : meeting?.items[doc.itemNumber];
  return {
    meetingId: doc.meetingId,
    boardId: meeting?.boardId ?? null,
    date: meeting?.scheduledFor ?? null,
    itemNumber: doc.itemNumber ?? null,
    itemLabel: item?.label ?? null,
    itemTitle: item?.title ?? null,
    quorum: meeting?.quorum ?? null,
  };
}

export function signoffSummary(s: SignoffDoc): SignoffSummary {
  return {
    signoffId: s.signoffId,
    status: s.status,
    artefactTitle: s.artefact?.title ?? null,
    version: s.artefact?.version ?? null,
    signed: s.signatures.filter((x) => x.status === 'signed').length,
    required: s.requiredPartnerIds.length,
    subjectToConditions: s.completed?.subjectToConditions ?? null,
  };
}

function core(doc: DecisionDoc, meeting: MeetingDoc | undefined): DecisionCore {
  const { kind: _k, history, recorded: _r, ...rest } = doc;
  return {
    ...rest,
    meeting: meetingRef(doc, meeting),
    unsatisfiedConditions: unsatisfiedConditionCount(doc),
    historyLength: history.length,
  };
}

/** Sign-offs never requested (an id with no document) are left out rather than shown empty. */
const requested = (signoffs: (SignoffDoc | undefined)[]) =>
  signoffs.filter((s): s is SignoffDoc => s?.requested === true);

export function registerItem(
  doc: DecisionDoc,
  meeting: MeetingDoc | undefined,
  signoffs: (SignoffDoc | undefined)[],
): DecisionRegisterItem {
  return { ...core(doc, meeting), signoffs: requested(signoffs).map(signoffSummary) };
}

export function registerDetail(
  doc: DecisionDoc,
  meeting: MeetingDoc | undefined,
  signoffs: (SignoffDoc | undefined)[],
): DecisionRegisterDetail {
  const details = requested(signoffs).map(({ kind: _k, history: _h, requested: _r, ...rest }) => rest);
  return { ...core(doc, meeting), signoffs: details };
}

/** The decision's own events and its sign-offs' events as one list, in ledger order. */
export function decisionHistory(doc: DecisionDoc, signoffs: (SignoffDoc | undefined)[]): DecisionHistoryEntry[] {
  const own = doc.history.map((h) => ({ ...h, record: { kind: 'decision' as const, decisionId: doc.decisionId } }));
  const theirs = requested(signoffs).flatMap((s) =>
    s.history.map((h) => ({ ...h, record: { kind: 'signoff' as const, signoffId: s.signoffId } })),
  );
  return [...own, ...theirs].sort((a, b) => a.position - b.position);
}
