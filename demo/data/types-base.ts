/** The demo data's ids, partners, people, boards and attendance (conventions in types.ts). */
import type { SourceRef } from './sources';

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** `YYYY-MM`, for targets the minutes give only as a month. */
export type IsoMonth = string;
/** Integer pence. £321,000 is 32100000. */
export type Pence = number;

export type PartnerId = string;
export type PersonId = string;
export type BoardId = string;
export type MeetingId = string;
export type ActionId = string;
export type DecisionId = string;

export type PartnerKind = 'local-authority' | 'police' | 'health' | 'education' | 'probation' | 'voluntary' | 'other';

/** An agency (organisation) that takes part in a safeguarding partnership. */
export interface Partner {
  id: PartnerId;
  name: string;
  shortName?: string;
  kind: PartnerKind;
  /** One of the three statutory safeguarding partners (local authority, police, health). */
  statutory: boolean;
  /** Area the partner serves, e.g. 'Warwickshire'. */
  area: string;
  /** First day the body existed / acted as a partner, where known. */
  activeFrom?: IsoDate;
  /** Last day the body existed / acted as a partner, where known. */
  activeTo?: IsoDate;
  /** Where the body is named, when no cited record (attendance, owners, escalations) names it. */
  source?: SourceRef;
  notes?: string;
}

/**
 * One body replacing another (or taking over functions from it). Both partners are kept so
 * that records made before the date still point at the body that existed at the time.
 */
export interface PartnerSuccession {
  id: string;
  fromPartnerId: PartnerId;
  toPartnerId: PartnerId;
  /** First day the successor is in effect. */
  effectiveDate: IsoDate;
  kind: 'replaced-by' | 'functions-transferred';
  /** True when the source only announces the change (it lies after the source's date). */
  announcedOnly: boolean;
  sourceMeetingId?: MeetingId;
  notes?: string;
}

/** A named individual. */
export interface Person {
  id: PersonId;
  /** Full name as written in the source. */
  fullName: string;
  /** Initials as the minutes use them. Display only; never a key. */
  initialsAsWritten?: string[];
  role?: string;
  /** Partner the person represents (the latest one known; see attendance for as-at). */
  partnerId?: PartnerId;
  /** Named as an owner or contact but on no attendance or apologies list of any meeting. */
  notOnAttendance?: boolean;
  /** Where the person is named, when no cited record (attendance, owners) names them. */
  source?: SourceRef;
  notes?: string;
}

/** A governance body that meets and records decisions. */
export interface Board {
  id: BoardId;
  name: string;
  area: string;
  chairPersonId?: PersonId;
  /** Statutory partners expected to sign off the board's key artefacts. */
  statutoryPartnerIds: PartnerId[];
  activeFrom?: IsoDate;
  /** Where the board is named, when no cited record (a meeting, a member) names it. */
  source?: SourceRef;
  notes?: string;
}

export type AttendanceStatus =
  'present' | 'in-attendance' | 'to-present' | 'apologies' | 'deputising' | 'also-representing' | 'minute-taker';

export interface AttendanceEntry {
  personId: PersonId;
  status: AttendanceStatus;
  /**
   * For 'deputising': the absent member the person stands in for. For 'also-representing':
   * the absent member whose seat the person also covers.
   */
  deputisingForPersonId?: PersonId;
  /** Partner represented at this meeting (as at the meeting date). */
  representingPartnerId?: PartnerId;
  notes?: string;
}
