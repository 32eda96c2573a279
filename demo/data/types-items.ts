/** Shapes of what a meeting records: items, decisions, sign-offs, actions, escalations. */
import type {
  ActionId,
  AttendanceEntry,
  BoardId,
  DecisionId,
  IsoDate,
  IsoMonth,
  MeetingId,
  PartnerId,
  Pence,
  PersonId,
} from './types-base';
import type { SourceRef } from './types-case-reviews';

export type DecisionOutcome =
  'approved' | 'endorsed' | 'agreed' | 'accepted' | 'noted' | 'approved-in-principle' | 'rejected' | 'deferred';

export interface Decision {
  id: DecisionId;
  outcome: DecisionOutcome;
  /** Paraphrase of what was decided. */
  text: string;
  conditions?: string[];
  /** Money attached to the decision, e.g. a training budget. */
  amountPence?: Pence;
  notes?: string;
}

export type SignOffKind = 'report' | 'action-plan' | 'protocol' | 'other';

/** Formal sign-off of an artefact by partners. */
export interface SignOff {
  id: string;
  artefactTitle: string;
  kind: SignOffKind;
  requiredPartnerIds: PartnerId[];
  signedByPartnerIds: PartnerId[];
  status: 'signed-off' | 'signed-off-subject-to-conditions' | 'pending';
  conditions?: string[];
  decisionId?: DecisionId;
  notes?: string;
}

/** Who owns an action. `unresolved` keeps an owner the source gives only as ambiguous initials. */
export type ActionOwner =
  | { kind: 'person'; personId: PersonId }
  | { kind: 'partner'; partnerId: PartnerId }
  | { kind: 'team'; name: string }
  | { kind: 'unresolved'; asWritten: string; notes: string };

export type ActionDue =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'meeting'; meetingId: MeetingId }
  | { kind: 'described'; text: string }
  /** A period from the meeting, as minuted ("within six months"); `date` is its last day, computed. */
  | { kind: 'within'; months: number; date: IsoDate; asWritten: string };

export interface Action {
  /** Stable id, e.g. 'wseb-2022-05-10-a3'. */
  id: ActionId;
  /** Meeting (recorded or referenced) at which the action was raised. */
  raisedAtMeetingId: MeetingId;
  text: string;
  /** Owners as the minutes give them; `[]` when the source names no owner. */
  owners: ActionOwner[];
  due?: ActionDue;
  /** False when the action is implied by the discussion but absent from the action column. */
  inActionColumn: boolean;
  /** Later actions / decisions that continue this one. */
  relatedIds?: string[];
  notes?: string;
}

export type ActionUpdateStatus =
  'actioned' | 'closed' | 'carried-forward' | 'in-progress' | 'on-agenda' | 'for-discussion' | 'delayed' | 'progressed';

/** Status of an action as recorded (or, with basis 'inferred', as implied) at a later meeting. */
export interface ActionUpdate {
  actionId: ActionId;
  recordedAtMeetingId: MeetingId;
  status: ActionUpdateStatus;
  text: string;
  reportedByPersonId?: PersonId;
  /** 'recorded': in the action log; 'inferred': the later minutes show follow-up work only. */
  basis: 'recorded' | 'inferred';
}

export type EscalationKind = 'case-practice' | 'systemic-concern' | 'routing-agreement' | 'inter-agency-challenge';

/** An escalation or disagreement discussed at a meeting. */
export interface Escalation {
  id: string;
  kind: EscalationKind;
  summary: string;
  raisedByPersonId?: PersonId;
  concernsPartnerIds: PartnerId[];
  /** Person escalations are to be directed to, if agreed. */
  routeToPersonId?: PersonId;
  protocolId?: string;
}

/** A paraphrased contribution attributed to a person (used where attribution matters). */
export interface Contribution {
  personId: PersonId;
  summary: string;
  notes?: string;
}

export interface AgendaItem {
  /** Item number as written, e.g. '4', '2.1', 'Part 1'. */
  number: string;
  title: string;
  /** Short paraphrase of the discussion. */
  summary?: string;
  presenterPersonIds?: PersonId[];
  decisions: Decision[];
  signOffs: SignOff[];
  actions: Action[];
  escalations: Escalation[];
  contributions?: Contribution[];
  notes?: string;
}

export type PreviousMinutesApproval =
  | { outcome: 'accurate'; previousMeetingId: MeetingId }
  | { outcome: 'amended'; previousMeetingId: MeetingId; amendment: string };

export interface Meeting {
  id: MeetingId;
  boardId: BoardId;
  /** The minutes every record of this meeting (attendance, items, decisions, actions) is taken from. */
  source: SourceRef;
  /** The date as written; kept even when the written weekday disagrees. */
  date: IsoDate;
  /** Weekday as the minutes write it (may not match `date`; see notes). */
  weekdayAsWritten?: string;
  startTime?: string;
  endTime?: string;
  location?: string;
  attendance: AttendanceEntry[];
  previousMinutes?: PreviousMinutesApproval;
  items: AgendaItem[];
  /** Actions raised at earlier meetings outside the data set, reported on at this one. */
  priorActions: Action[];
  /** Updates recorded here on actions raised earlier. */
  actionUpdates: ActionUpdate[];
  nextMeetingId?: MeetingId;
  notes?: string[];
}

/**
 * A meeting the records mention but whose minutes are not in the data set: a past meeting
 * whose minutes were approved, or a planned one that actions target.
 */
export interface ReferencedMeeting {
  id: MeetingId;
  boardId: BoardId;
  /** Where the minutes mention it (its date, or that its minutes were approved). */
  source: SourceRef;
  kind: 'past-not-recorded' | 'planned';
  date?: IsoDate;
  month?: IsoMonth;
  weekdayAsWritten?: string;
  /** `HH:MM`, where the minutes give it. */
  startTime?: string;
  location?: string;
  mentionedInMeetingIds: MeetingId[];
  notes?: string;
}
