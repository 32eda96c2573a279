import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { PERIOD_KINDS, type PeriodKind } from '../../../projections/escalations/periods';
import {
  DATA_SUBJECT_RELATIONS,
  ESCALATION_OUTCOMES,
  type DataSubjectRelation,
  type EscalationOutcome,
  type EscalationStatus,
} from '../../escalations';
import { ActorSchema } from '../../http/response-schemas';
import { ERASED_TEXT, WITHHELD_TEXT } from '../../privacy';
import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';

/**
 * The escalation trail's answers as OpenAPI classes. The controllers return these types, so the
 * compiler checks every field against what EscalationTrailReader builds and TrailDisclosure shows
 * (stage-measure.ts, escalation-trail-doc.ts, escalation-trail.summary.ts). Personal values are
 * strings here: a sealed envelope never leaves the service, so an answer carrying one fails the schema.
 */
const STATUSES = ['open', 'resolved', 'closed'] as const satisfies readonly EscalationStatus[];

/** A sealed personal value as a response shows it: in clear, erased, or withheld from this reader. */
const personal = (what: string) => ({
  type: String,
  description: `${what}: in clear to those who may see it, "${ERASED_TEXT}" once erased, "${WITHHELD_TEXT}" to everyone else`,
  example: WITHHELD_TEXT,
});

@ApiSchema({ name: 'EscalationPersonalNote', description: 'Free text about one named data subject' })
export class EscalationPersonalNoteSchema {
  @ApiProperty() subjectId!: string;
  @ApiProperty(personal('The note')) text!: string;
}

@ApiSchema({
  name: 'EscalationTrailEntry',
  description: 'One line of the timeline: who did what, at which stage, when',
})
export class EscalationTrailEntrySchema {
  @ApiProperty({ example: 'escalation-raised' }) type!: string;
  @ApiProperty({ type: 'integer' }) stage!: number;
  @ApiProperty({ format: 'date-time', description: 'Business time: working days are counted from it' })
  occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger stored it' }) recordedAt!: string;
  @ApiProperty({ type: ActorSchema }) actor!: ActorSchema;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({ description: 'The agency that acknowledged or responded' }) agency?: string;
  @ApiPropertyOptional() response?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES }) outcome?: EscalationOutcome;
  @ApiPropertyOptional() resolution?: string;
  @ApiPropertyOptional({ type: EscalationPersonalNoteSchema }) personalNote?: EscalationPersonalNoteSchema;
  @ApiPropertyOptional({ description: 'The data subject a rectification corrected' }) subjectId?: string;
  @ApiProperty({ description: 'The event in the ledger, to verify against the hash chain' }) eventId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

@ApiSchema({ name: 'EscalationDataSubject', description: 'A person the escalation names, with their latest values' })
export class EscalationDataSubjectSchema {
  @ApiProperty({ description: 'Pseudonymous: always readable' }) subjectId!: string;
  @ApiProperty({ enum: DATA_SUBJECT_RELATIONS }) relation!: DataSubjectRelation;
  @ApiProperty(personal('The name')) name!: string;
  @ApiPropertyOptional({ ...personal('The date of birth (YYYY-MM-DD in clear)') }) dateOfBirth?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the values were last rectified' })
  rectifiedAt?: string;
}

@ApiSchema({ name: 'EscalationProtocolStep', description: 'A stage of the protocol version it was raised under' })
export class EscalationProtocolStepSchema {
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) timescaleWorkingDays!: number;
}

/** A stage's business instants, as the document holds them (the stream sends these). */
@ApiSchema({ name: 'EscalationStagePeriod' })
export class EscalationStagePeriodSchema {
  @ApiProperty({ type: 'integer' }) stage!: number;
  @ApiProperty() stageName!: string;
  @ApiProperty({ type: 'integer' }) timescaleWorkingDays!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) endedAt?: string;
  @ApiPropertyOptional({ enum: ['escalated', 'resolved'] }) endedBy?: 'escalated' | 'resolved';
  @ApiPropertyOptional({ format: 'date-time', description: 'First acknowledgement by the concerning agency' })
  acknowledgedAt?: string;
  @ApiProperty({ type: 'integer' }) responses!: number;
}

@ApiSchema({ name: 'EscalationStageMeasure', description: 'A stage with its time in working days' })
export class EscalationStageMeasureSchema extends EscalationStagePeriodSchema {
  @ApiProperty() open!: boolean;
  @ApiProperty({ format: 'date', description: "The date counted to: the stage's end, or measuredOn while open" })
  measuredTo!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null when a date is outside the calendar' })
  workingDays!: number | null;
  @ApiPropertyOptional({ format: 'date', description: 'The last working day within the timescale' }) dueBy?: string;
  @ApiProperty() breached!: boolean;
  @ApiPropertyOptional({ format: 'date', description: 'The first working day beyond the timescale' })
  breachedOn?: string;
  @ApiPropertyOptional({ enum: ['outside-calendar', 'out-of-order'] }) unmeasured?: 'outside-calendar' | 'out-of-order';
}

/** What every escalation answer (document, list row, timeline) says about the escalation itself. */
class EscalationFacts {
  @ApiProperty() escalationId!: string;
  @ApiProperty() raised!: boolean;
  @ApiProperty({ type: 'integer', description: "The escalation stream's revision (send as If-Match)" })
  revision!: number;
  @ApiPropertyOptional() protocolId?: string;
  @ApiPropertyOptional({ type: 'integer' }) protocolVersion?: number;
  @ApiProperty({ type: [EscalationProtocolStepSchema] }) protocolStages!: EscalationProtocolStepSchema[];
  @ApiPropertyOptional() raisedByAgency?: string;
  @ApiPropertyOptional() concerningAgency?: string;
  @ApiPropertyOptional() raisedByPersonId?: string;
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional() caseReference?: string;
  @ApiPropertyOptional({ type: [EscalationDataSubjectSchema] }) dataSubjects?: EscalationDataSubjectSchema[];
  @ApiProperty({ enum: STATUSES }) status!: EscalationStatus;
  @ApiPropertyOptional({ format: 'date-time' }) raisedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional({ enum: ESCALATION_OUTCOMES }) outcome?: EscalationOutcome;
  @ApiPropertyOptional() resolution?: string;
}

/** The data of the stream's "escalation" events: the document as the projection holds it, values shown per reader. */
@ApiSchema({ name: 'EscalationTrailDocument', description: 'An escalation document as the projection holds it' })
export class EscalationTrailDocumentSchema extends EscalationFacts {
  @ApiProperty({ type: [EscalationStagePeriodSchema] }) stages!: EscalationStagePeriodSchema[];
  @ApiProperty({ type: [EscalationTrailEntrySchema] }) timeline!: EscalationTrailEntrySchema[];
}

/** An escalation measured on a date, without its asOf (which the live and as-of answers give differently). */
class MeasuredEscalation extends EscalationFacts {
  @ApiProperty({ type: 'integer' }) currentStage!: number;
  @ApiProperty() currentStageName!: string;
  @ApiProperty({ type: [EscalationStageMeasureSchema] }) stages!: EscalationStageMeasureSchema[];
  @ApiProperty({ description: 'Any stage over its timescale' }) breached!: boolean;
  @ApiProperty({ type: 'integer', isArray: true }) breachedStages!: number[];
}

const MEASURED_ON = 'The business date every measure is read at';

@ApiSchema({ name: 'EscalationTrailItem', description: 'One escalation in the list, measured, without its timeline' })
export class EscalationTrailItemSchema extends MeasuredEscalation {
  @ApiProperty({ format: 'date', description: MEASURED_ON }) asOf!: string;
  @ApiProperty({ type: 'integer' }) timelineLength!: number;
}

/** A page of list rows, without its asOf. */
class TrailPageItems {
  @ApiProperty({ type: [EscalationTrailItemSchema] }) items!: EscalationTrailItemSchema[];
  @ApiProperty({ type: String, nullable: true, description: 'Send as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

@ApiSchema({ name: 'EscalationTrailPage', description: 'A page of escalations measured on asOf' })
export class EscalationTrailPageSchema extends TrailPageItems {
  @ApiProperty({ format: 'date', description: MEASURED_ON }) asOf!: string;
}

@ApiSchema({ name: 'EscalationTrailPageAsOf', description: 'A page of escalations as known then' })
export class EscalationTrailPageAsOfSchema extends TrailPageItems {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
  @ApiProperty({ format: 'date', description: MEASURED_ON }) measuredOn!: string;
}

@ApiSchema({ name: 'EscalationTrailDetail', description: 'One escalation measured on asOf, with its timeline' })
export class EscalationTrailDetailSchema extends MeasuredEscalation {
  @ApiProperty({ format: 'date', description: MEASURED_ON }) asOf!: string;
  @ApiProperty({ type: [EscalationTrailEntrySchema] }) timeline!: EscalationTrailEntrySchema[];
}

@ApiSchema({ name: 'EscalationTrailDetailAsOf', description: 'One escalation as known then' })
export class EscalationTrailDetailAsOfSchema extends MeasuredEscalation {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
  @ApiProperty({ format: 'date', description: MEASURED_ON }) measuredOn!: string;
  @ApiProperty({ type: [EscalationTrailEntrySchema] }) timeline!: EscalationTrailEntrySchema[];
}

@ApiSchema({ name: 'EscalationStageCounts' })
export class EscalationStageCountsSchema {
  @ApiProperty({ type: 'integer' }) stage!: number;
  @ApiProperty({ type: 'integer', description: 'Reached this stage in the period (stage 1: raised)' }) entered!: number;
  @ApiProperty({ type: 'integer', description: 'At this stage, unresolved, at the end of the period' })
  openAtEnd!: number;
  @ApiProperty({ type: 'integer', description: "Went over this stage's timescale in the period" }) breached!: number;
}

@ApiSchema({ name: 'EscalationPeriodSummary' })
export class EscalationPeriodSummarySchema {
  @ApiProperty({ example: '2022-Q2', description: '2022-05 for a month, 2022-Q2 for a quarter' }) period!: string;
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
  @ApiProperty({ type: 'integer' }) raised!: number;
  @ApiProperty({ type: 'integer' }) resolved!: number;
  @ApiProperty({ type: 'integer' }) closed!: number;
  @ApiProperty({ type: 'integer' }) openAtEnd!: number;
  @ApiProperty({ type: 'integer' }) breached!: number;
  @ApiProperty({ type: [EscalationStageCountsSchema] }) byStage!: EscalationStageCountsSchema[];
}

@ApiSchema({ name: 'EscalationAgencyCounts' })
export class EscalationAgencyCountsSchema {
  @ApiProperty({ type: 'integer' }) raised!: number;
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) resolved!: number;
  @ApiProperty({ type: 'integer' }) closed!: number;
  @ApiProperty({ type: 'integer' }) breached!: number;
}

@ApiSchema({ name: 'EscalationAgencySummary' })
export class EscalationAgencySummarySchema {
  @ApiProperty() agency!: string;
  @ApiProperty({ type: EscalationAgencyCountsSchema }) raisedBy!: EscalationAgencyCountsSchema;
  @ApiProperty({ type: EscalationAgencyCountsSchema }) concerning!: EscalationAgencyCountsSchema;
}

/** The summary's window and figures, without its asOf. */
class TrailSummaryFigures {
  @ApiProperty({ enum: PERIOD_KINDS }) period!: PeriodKind;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) agency!: string | null;
  @ApiProperty({ type: [EscalationPeriodSummarySchema] }) periods!: EscalationPeriodSummarySchema[];
  @ApiProperty({ type: [EscalationAgencySummarySchema] }) agencies!: EscalationAgencySummarySchema[];
}

@ApiSchema({ name: 'EscalationTrailSummary', description: 'Per period and per agency, measured on asOf' })
export class EscalationTrailSummarySchema extends TrailSummaryFigures {
  @ApiProperty({ format: 'date', description: MEASURED_ON }) asOf!: string;
}

@ApiSchema({ name: 'EscalationTrailSummaryAsOf', description: 'Per period and per agency, as known then' })
export class EscalationTrailSummaryAsOfSchema extends TrailSummaryFigures {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
  @ApiProperty({ format: 'date', description: MEASURED_ON }) measuredOn!: string;
}
