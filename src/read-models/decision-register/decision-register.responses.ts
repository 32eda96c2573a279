import { MeetingQuorumResponse } from '../meetings/meeting-responses.dto';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { DECISION_OUTCOMES, type DecisionOutcome, type DecisionStatus } from '../../decisions';
import { ActorSchema } from '../../http/response-schemas';
import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';

/**
 * The decision register's answers as OpenAPI classes. The controllers return these types, so the
 * compiler checks every required field against what DecisionRegisterReader builds
 * (decision-register-doc.ts, decision-register.views.ts).
 */
const DECISION_STATUSES: DecisionStatus[] = ['in-force', 'rescinded', 'superseded'];
const SIGNOFF_STATUSES = ['open', 'completed', 'withdrawn'] as const;
type SignoffStatus = (typeof SIGNOFF_STATUSES)[number];

@ApiSchema({ name: 'Stamp', description: 'Who did something and when' })
export class StampSchema {
  @ApiProperty({ format: 'date-time', description: 'Business time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger stored it' }) recordedAt!: string;
  @ApiProperty({ type: ActorSchema }) actor!: ActorSchema;
}

@ApiSchema({ name: 'RegisterHistoryEntry' })
export class HistoryEntrySchema extends StampSchema {
  @ApiProperty() type!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ description: 'The stream it came from, to verify against its hash chain' }) streamId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

@ApiSchema({ name: 'DecisionConditionState' })
export class ConditionEntrySchema {
  @ApiProperty() conditionId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() satisfied!: boolean;
  @ApiPropertyOptional({ type: StampSchema }) satisfiedAt?: StampSchema;
  @ApiPropertyOptional() note?: string;
}

@ApiSchema({ name: 'RescindedStamp' })
export class RescindedSchema extends StampSchema {
  @ApiProperty() reason!: string;
}

@ApiSchema({ name: 'SupersededStamp' })
export class SupersededSchema extends StampSchema {
  @ApiProperty() byDecisionId!: string;
  @ApiProperty() reason!: string;
}

@ApiSchema({ name: 'MeetingRef', description: 'Where and when the decision was made, as the minutes show it' })
export class MeetingRefSchema {
  @ApiProperty() meetingId!: string;
  @ApiProperty({ type: String, nullable: true }) boardId!: string | null;
  @ApiProperty({ type: String, nullable: true }) date!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) itemNumber!: number | null;
  @ApiProperty({ type: String, nullable: true }) itemLabel!: string | null;
  @ApiProperty({ type: String, nullable: true }) itemTitle!: string | null;
  @ApiProperty({
    type: MeetingQuorumResponse,
    nullable: true,
    description: "Whether the meeting was quorate under its board's rule that day (null when it had none)",
  })
  quorum!: MeetingQuorumResponse | null;
}

/** The decision's own fields, as stored and as shown. */
class DecisionFields {
  @ApiProperty() decisionId!: string;
  @ApiPropertyOptional() meetingId?: string;
  @ApiPropertyOptional({ type: 'integer' }) itemNumber?: number;
  @ApiPropertyOptional({ enum: DECISION_OUTCOMES }) outcome?: DecisionOutcome;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ type: 'integer' }) budgetPence?: number;
  @ApiProperty({ type: [String] }) responsiblePartnerIds!: string[];
  @ApiProperty({ type: [ConditionEntrySchema] }) conditions!: ConditionEntrySchema[];
  @ApiProperty({ enum: DECISION_STATUSES }) status!: DecisionStatus;
  @ApiPropertyOptional({ type: StampSchema }) recordedAt?: StampSchema;
  @ApiPropertyOptional({ type: RescindedSchema }) rescinded?: RescindedSchema;
  @ApiPropertyOptional({ type: SupersededSchema }) superseded?: SupersededSchema;
  @ApiProperty({ type: [String], description: 'Decisions this one replaced' }) supersedes!: string[];
  @ApiProperty({ type: [String] }) signoffIds!: string[];
}

class DecisionCore extends DecisionFields {
  @ApiProperty({ type: MeetingRefSchema, nullable: true }) meeting!: MeetingRefSchema | null;
  @ApiProperty({ type: 'integer' }) unsatisfiedConditions!: number;
  @ApiProperty({ type: 'integer' }) historyLength!: number;
}

@ApiSchema({ name: 'SignoffSummary', description: 'A sign-off at a glance' })
export class SignoffSummarySchema {
  @ApiProperty() signoffId!: string;
  @ApiProperty({ enum: SIGNOFF_STATUSES }) status!: SignoffStatus;
  @ApiProperty({ type: String, nullable: true }) artefactTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) version!: string | null;
  @ApiProperty({ type: 'integer' }) signed!: number;
  @ApiProperty({ type: 'integer' }) required!: number;
  @ApiProperty({ type: Boolean, nullable: true }) subjectToConditions!: boolean | null;
}

@ApiSchema({ name: 'DecisionRegisterItem' })
export class DecisionRegisterItemSchema extends DecisionCore {
  @ApiProperty({ type: [SignoffSummarySchema] }) signoffs!: SignoffSummarySchema[];
}

@ApiSchema({ name: 'ArtefactVersion' })
export class ArtefactVersionSchema {
  @ApiProperty() artefactId!: string;
  @ApiProperty({ enum: ['report', 'action-plan', 'protocol', 'briefing', 'other'] })
  kind!: 'report' | 'action-plan' | 'protocol' | 'briefing' | 'other';
  @ApiProperty() title!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) contentHash!: string;
}

@ApiSchema({ name: 'PartnerSignature' })
export class PartnerSignatureSchema {
  @ApiProperty() partnerId!: string;
  @ApiProperty({ enum: ['signed', 'awaiting'] }) status!: 'signed' | 'awaiting';
  @ApiPropertyOptional({ type: StampSchema }) signedAt?: StampSchema;
  @ApiPropertyOptional() signedByPersonId?: string;
  @ApiPropertyOptional({ type: [String] }) conditions?: string[];
}

@ApiSchema({ name: 'SignoffCompleted' })
export class SignoffCompletedSchema extends StampSchema {
  @ApiProperty() version!: string;
  @ApiProperty() subjectToConditions!: boolean;
}

@ApiSchema({ name: 'SignoffInvalidation', description: 'Why signatures stopped counting (by `kind`)' })
export class InvalidationSchema extends StampSchema {
  @ApiProperty({ enum: ['artefact-revised', 'signature-withdrawn'] }) kind!: 'artefact-revised' | 'signature-withdrawn';
  @ApiProperty() version!: string;
  @ApiProperty() reopened!: boolean;
  @ApiPropertyOptional({ description: 'artefact-revised' }) previousVersion?: string;
  @ApiPropertyOptional({ description: 'artefact-revised' }) contentHash?: string;
  @ApiPropertyOptional({ type: [String], description: 'artefact-revised' }) invalidatedPartnerIds?: string[];
  @ApiPropertyOptional({ description: 'signature-withdrawn' }) partnerId?: string;
  @ApiPropertyOptional({ description: 'signature-withdrawn' }) reason?: string;
}

class SignoffFields {
  @ApiProperty() signoffId!: string;
  @ApiPropertyOptional() decisionId?: string;
  @ApiPropertyOptional() meetingId?: string;
  @ApiPropertyOptional({ type: ArtefactVersionSchema }) artefact?: ArtefactVersionSchema;
  @ApiProperty({ type: [String] }) requiredPartnerIds!: string[];
  @ApiProperty({ enum: SIGNOFF_STATUSES }) status!: SignoffStatus;
  @ApiProperty({ type: [PartnerSignatureSchema] }) signatures!: PartnerSignatureSchema[];
  @ApiPropertyOptional({ type: SignoffCompletedSchema }) completed?: SignoffCompletedSchema;
  @ApiPropertyOptional({ type: RescindedSchema }) withdrawn?: RescindedSchema;
  @ApiProperty({ type: [InvalidationSchema] }) invalidations!: InvalidationSchema[];
}

@ApiSchema({ name: 'SignoffDetail' })
export class SignoffDetailSchema extends SignoffFields {}

@ApiSchema({ name: 'DecisionRegisterDetail' })
export class DecisionRegisterDetailSchema extends DecisionCore {
  @ApiProperty({ type: [SignoffDetailSchema] }) signoffs!: SignoffDetailSchema[];
}

@ApiSchema({ name: 'DecisionRegisterDetailAsOf' })
export class DecisionRegisterDetailAsOfSchema extends DecisionRegisterDetailSchema {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}

@ApiSchema({ name: 'HistoryRecordRef', description: 'The decision itself or one of its sign-offs (by `kind`)' })
export class HistoryRecordRefSchema {
  @ApiProperty({ enum: ['decision', 'signoff'] }) kind!: 'decision' | 'signoff';
  @ApiPropertyOptional() decisionId?: string;
  @ApiPropertyOptional() signoffId?: string;
}

@ApiSchema({ name: 'DecisionHistoryEntry' })
export class DecisionHistoryEntrySchema extends HistoryEntrySchema {
  @ApiProperty({ type: HistoryRecordRefSchema }) record!: HistoryRecordRefSchema;
}

@ApiSchema({ name: 'DecisionHistory' })
export class DecisionHistorySchema {
  @ApiProperty() decisionId!: string;
  @ApiProperty({ type: [DecisionHistoryEntrySchema] }) entries!: DecisionHistoryEntrySchema[];
}

@ApiSchema({ name: 'DecisionHistoryAsOf' })
export class DecisionHistoryAsOfSchema extends DecisionHistorySchema {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}

/** The data of the stream's "decision" events: the document as the projection holds it. */
@ApiSchema({ name: 'DecisionDocument' })
export class DecisionDocumentSchema extends DecisionFields {
  @ApiProperty({ enum: ['decision'] }) kind!: 'decision';
  @ApiProperty() recorded!: boolean;
  @ApiProperty({ type: [HistoryEntrySchema] }) history!: HistoryEntrySchema[];
}

/** The data of the stream's "signoff" events: the document as the projection holds it. */
@ApiSchema({ name: 'SignoffDocument' })
export class SignoffDocumentSchema extends SignoffFields {
  @ApiProperty({ enum: ['signoff'] }) kind!: 'signoff';
  @ApiProperty() requested!: boolean;
  @ApiProperty({ type: [HistoryEntrySchema] }) history!: HistoryEntrySchema[];
}
