import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { ACTION_STATUSES, type ActionStatus } from '../../actions';
import { ActorSchema } from '../../http/response-schemas';
import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';

/**
 * The action log's answers as OpenAPI classes. The controllers return these types, so the compiler
 * checks every required field against what ActionLogReader builds (action-log-doc.ts, action-log.reader.ts).
 */
@ApiSchema({ name: 'ActionOwner', description: 'A person, a partner or a named team (by `kind`)' })
export class ActionOwnerSchema {
  @ApiProperty({ enum: ['person', 'partner', 'team'] }) kind!: 'person' | 'partner' | 'team';
  @ApiPropertyOptional({ description: 'When kind is person' }) personId?: string;
  @ApiPropertyOptional({ description: 'When kind is partner' }) partnerId?: string;
  @ApiPropertyOptional({ description: 'When kind is team' }) name?: string;
}

@ApiSchema({ name: 'ActionLastUpdate' })
export class ActionLastUpdateSchema {
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger stored it' }) recordedAt!: string;
  @ApiProperty({ type: ActorSchema }) actor!: ActorSchema;
}

@ApiSchema({
  name: 'OwnerPartner',
  description: 'The partner a person owner represented when the owners were set (raised or reassigned)',
})
export class OwnerPartnerSchema {
  @ApiProperty() personId!: string;
  @ApiProperty() partnerId!: string;
}

/** The fields every action answer shares. */
class ActionFields {
  @ApiProperty({ enum: ['action'] }) kind!: 'action';
  @ApiProperty() actionId!: string;
  @ApiProperty() raised!: boolean;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status!: ActionStatus;
  @ApiProperty({ type: [ActionOwnerSchema] }) owners!: ActionOwnerSchema[];
  @ApiPropertyOptional({
    type: [OwnerPartnerSchema],
    description: "Each person owner's partner as recorded when the owners were set (absent on actions recorded before)",
  })
  ownerPartners?: OwnerPartnerSchema[];
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      "Business time the owners were set (raised or last reassigned): a person owner's partner is judged then",
  })
  ownedSince?: string;
  @ApiPropertyOptional({ format: 'date' }) dueDate?: string;
  @ApiPropertyOptional() targetMeetingId?: string;
  @ApiPropertyOptional() originMeetingId?: string;
  @ApiPropertyOptional({ type: 'integer' }) originItemNumber?: number;
  @ApiProperty({ type: 'integer' }) timesCarriedForward!: number;
  @ApiPropertyOptional({ format: 'date-time' }) raisedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) cancelledAt?: string;
  @ApiPropertyOptional({ type: ActionLastUpdateSchema }) lastUpdate?: ActionLastUpdateSchema;
  @ApiProperty({
    type: 'integer',
    description: "The action stream's revision this document shows: send it as If-Match with a command on the action",
  })
  revision!: number;
}

/** What the log derives for an action as it answers, after the base's fields: list items and the detail show them. */
function withDerivedFields<B extends Type<object>>(base: B) {
  class Derived extends base {
    @ApiProperty({ type: String, nullable: true, description: 'The board of the meeting that raised it' })
    boardId!: string | null;
    @ApiProperty({
      type: String,
      format: 'date',
      nullable: true,
      description:
        'The date it is due by: its due date, else the date of the meeting it is due back at (raised for or carried to)',
    })
    effectiveDueDate!: string | null;
    @ApiProperty({ description: 'Open past effectiveDueDate on the date asked about' }) overdue!: boolean;
    @ApiProperty({
      type: [String],
      description:
        "The partner agencies owning it: partner owners, and each person owner's partner when the owners were set",
    })
    owningPartnerIds!: string[];
  }
  return Derived;
}

/** The data of the stream's "action" events: the document as the projection holds it. */
@ApiSchema({ name: 'ActionLogDocument', description: 'An action document as the projection holds it' })
export class ActionLogDocumentSchema extends ActionFields {
  @ApiProperty({ type: 'integer', description: 'How many changes its history holds' }) historyLength!: number;
}

@ApiSchema({
  name: 'ActionLogItem',
  description: 'One action in the action log list: the document, its board and overdue flag',
})
export class ActionLogItemSchema extends withDerivedFields(ActionLogDocumentSchema) {}

@ApiSchema({ name: 'ActionHistoryEntry' })
export class ActionHistoryEntrySchema {
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger stored it' }) recordedAt!: string;
  @ApiProperty({ type: ActorSchema }) actor!: ActorSchema;
  @ApiProperty() summary!: string;
  @ApiProperty({ description: 'The event in the ledger, to verify against the hash chain' }) eventId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

@ApiSchema({ name: 'ActionLogDetail', description: 'One action with its full change history' })
export class ActionLogDetailSchema extends withDerivedFields(ActionFields) {
  @ApiProperty({ type: [ActionHistoryEntrySchema] }) history!: ActionHistoryEntrySchema[];
}

@ApiSchema({ name: 'ActionLogDetailAsOf' })
export class ActionLogDetailAsOfSchema extends ActionLogDetailSchema {
  @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
}
