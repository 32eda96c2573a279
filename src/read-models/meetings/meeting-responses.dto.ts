import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';
import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import type { ActionOwner } from '../../actions';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../decisions';
import type { Actor } from '../../ledger/event-envelope';
import { ATTENDANCE_STATUSES, MINUTES_OUTCOMES, type AttendanceStatus, type MinutesOutcome } from '../../meetings';
import type * as Doc from '../../../projections/meetings/meeting-doc';
import type { MeetingView } from '../../../projections/meetings/meetings.queries';
import type { MeetingQuorum } from '../../../projections/meetings/quorum';
import type { AttendanceRegisterRow } from '../../../projections/meetings/attendance-register';
import { QUORUM_RULES, type QuorumRuleKind } from '../../partners';

/** The response classes of the meetings endpoints: each implements the projection's type it documents. */
export class ActorResponse implements Actor {
  @ApiProperty() userId!: string;
  @ApiProperty() role!: string;
  @ApiProperty() agency!: string;
}

export class StampResponse implements Doc.Stamp {
  @ApiProperty({ description: 'Business time', format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: 'When the ledger stored it', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ActorResponse }) actor!: ActorResponse;
}

export class AttendanceDetailResponse {
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status!: AttendanceStatus;
  @ApiPropertyOptional({ description: 'The absent member whose seat the person covered' })
  deputisingForPersonId?: string;
  @ApiPropertyOptional() representingPartnerId?: string;
}

export class AttendanceLineResponse extends AttendanceDetailResponse implements Doc.AttendanceLine {
  @ApiProperty() personId!: string;
}

export class AttendanceCorrectionResponse implements Doc.AttendanceCorrection {
  @ApiProperty() personId!: string;
  @ApiProperty({ type: AttendanceDetailResponse }) entry!: AttendanceDetailResponse;
  @ApiProperty({ type: AttendanceDetailResponse }) previous!: AttendanceDetailResponse;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: StampResponse }) corrected!: StampResponse;
}

export class AgendaItemResponse implements Doc.AgendaItem {
  @ApiProperty({ minimum: 1 }) itemNumber!: number;
  @ApiPropertyOptional({ example: '2.1' }) label?: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: [String], description: 'Who presented it, in the order the minutes name them' })
  presenterPersonIds?: string[];
  @ApiPropertyOptional({ deprecated: true, description: 'The first of presenterPersonIds' })
  presenterPersonId?: string;
}

export class ContributionAtMeetingResponse implements Doc.ContributionAtMeeting {
  @ApiProperty({ description: '1, 2, ... in the order recorded at the meeting' }) contributionNumber!: number;
  @ApiProperty() itemNumber!: number;
  @ApiProperty() personId!: string;
  @ApiProperty({ description: 'What they said, as the minutes record it' }) summary!: string;
  @ApiPropertyOptional({ description: 'Why the attribution is as it is' }) note?: string;
  @ApiProperty({
    enum: [...ATTENDANCE_STATUSES, 'not-recorded'],
    description: "The person's attendance status at the meeting when it was recorded (apologies included)",
  })
  attendanceStatus!: AttendanceStatus | 'not-recorded';
  @ApiProperty({ type: StampResponse }) recorded!: StampResponse;
}

export class MinutesApprovalResponse implements Doc.MinutesApproval {
  @ApiProperty({ description: 'The other meeting: the one approved, or the one approving' }) meetingId!: string;
  @ApiProperty({ enum: MINUTES_OUTCOMES }) outcome!: MinutesOutcome;
  @ApiPropertyOptional({ type: [String] }) amendments?: string[];
  @ApiProperty({ type: StampResponse }) approved!: StampResponse;
}

export class DecisionAtMeetingResponse implements Doc.DecisionAtMeeting {
  @ApiProperty() decisionId!: string;
  @ApiProperty() itemNumber!: number;
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome!: DecisionOutcome;
  @ApiProperty() text!: string;
  @ApiProperty({ type: StampResponse }) recorded!: StampResponse;
}

export class ActionAtMeetingResponse implements Doc.ActionAtMeeting {
  @ApiProperty() actionId!: string;
  @ApiProperty() itemNumber!: number;
  @ApiProperty() text!: string;
  @ApiProperty({
    description: '{ kind: person, personId } | { kind: partner, partnerId } | { kind: team, name }',
    type: 'array',
    items: { type: 'object', additionalProperties: { type: 'string' } },
  })
  owners!: ActionOwner[];
  @ApiPropertyOptional({ format: 'date' }) dueDate?: string;
  @ApiProperty({ type: StampResponse }) raised!: StampResponse;
}

export class MeetingQuorumResponse implements MeetingQuorum {
  @ApiProperty({ enum: QUORUM_RULES, description: "The board's rule in force on the meeting's date" })
  rule!: QuorumRuleKind;
  @ApiPropertyOptional({ description: 'With minimum-count' }) minimum?: number;
  @ApiProperty() quorate!: boolean;
  @ApiProperty({ type: [String], description: 'Statutory partners with no seat attended or deputised for' })
  missingStatutoryPartners!: string[];
  @ApiProperty({ description: 'Seats whose holder attended or was deputised for' }) seatsCovered!: number;
  @ApiProperty({ description: 'Seats held on the date' }) seatsHeld!: number;
}

export class MeetingResponse implements MeetingView {
  @ApiProperty({
    description: "The meeting stream's revision (-1 before it is scheduled): the ETag its commands take as If-Match",
  })
  revision!: number;
  @ApiProperty() meetingId!: string;
  @ApiPropertyOptional() boardId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) scheduledFor?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() location?: string;
  @ApiProperty({ description: 'Nothing more can be recorded against it: closed after it was held, or cancelled' })
  closed!: boolean;
  @ApiPropertyOptional({ description: 'Why it was called off, when it was cancelled before it was held' })
  cancelledBecause?: string;
  @ApiProperty({ type: [AttendanceLineResponse], description: 'One line per person, by person id, as corrected' })
  attendance!: AttendanceLineResponse[];
  @ApiProperty({ type: [AttendanceCorrectionResponse] }) attendanceCorrections!: AttendanceCorrectionResponse[];
  @ApiProperty({ type: [AgendaItemResponse] }) agenda!: AgendaItemResponse[];
  @ApiProperty({ type: [MinutesApprovalResponse], description: 'Earlier meetings whose minutes this one approved' })
  approvesMinutesOf!: MinutesApprovalResponse[];
  @ApiProperty({ type: [MinutesApprovalResponse], description: "Later meetings that approved this one's minutes" })
  minutesApprovedAt!: MinutesApprovalResponse[];
  @ApiProperty({ type: [DecisionAtMeetingResponse] }) decisions!: DecisionAtMeetingResponse[];
  @ApiProperty({ type: [ActionAtMeetingResponse] }) actions!: ActionAtMeetingResponse[];
  @ApiProperty({ type: [ContributionAtMeetingResponse], description: 'Who said what, where the minutes attribute it' })
  contributions!: ContributionAtMeetingResponse[];
  @ApiPropertyOptional({
    type: MeetingQuorumResponse,
    description: "Quorate or not under the board's rule in force that day (absent when it had none)",
  })
  quorum?: MeetingQuorumResponse;
}

export class MeetingPageResponse {
  @ApiProperty({ type: [MeetingResponse] }) items!: MeetingResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' }) nextCursor!: string | null;
}

export class HistoryEntryResponse extends StampResponse implements Doc.HistoryEntry {
  @ApiProperty({ description: 'The event type' }) type!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ description: 'The stream to verify the event in (meeting-, decision- or action-<id>)' })
  streamId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Ledger position (opaque)' }) position!: number;
}

export class MeetingHistoryResponse {
  @ApiProperty() meetingId!: string;
  @ApiProperty({ type: [HistoryEntryResponse] }) entries!: HistoryEntryResponse[];
}

export class MeetingPageAsOfResponse extends MeetingPageResponse {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}
export class MeetingAsOfResponse extends MeetingResponse {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}
export class MeetingHistoryAsOfResponse extends MeetingHistoryResponse {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}

export class AttendanceRegisterRowResponse implements AttendanceRegisterRow {
  @ApiProperty() boardId!: string;
  @ApiProperty({ example: '2022-23' }) financialYear!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() partnerId!: string;
  @ApiProperty() seat!: string;
  @ApiProperty() statutory!: boolean;
  @ApiProperty({ description: 'Held meetings (not cancelled, attendance recorded) on dates the person held the seat' })
  meetings!: number;
  @ApiProperty() attended!: number;
  @ApiProperty() apologies!: number;
  @ApiProperty({ description: 'Meetings where a deputy attended in their place' }) deputised!: number;
  @ApiProperty({ type: [String], description: 'Who stood in at those meetings, each once, in id order' })
  deputisedBy!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'attended / meetings, whole percent' })
  attendanceRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '(attended + deputised) / meetings, whole percent' })
  coveredRate!: number | null;
}

export class AttendanceRegisterResponse {
  @ApiProperty({ type: [AttendanceRegisterRowResponse], description: 'By board, financial year, seat and person' })
  items!: AttendanceRegisterRowResponse[];
}

export class AttendanceRegisterAsOfResponse extends AttendanceRegisterResponse {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}
