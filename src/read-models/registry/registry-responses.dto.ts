import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN } from '../../http/ids';

/** The classes the registry read models (partners, people, boards) answer with, for the OpenAPI document. */

/** An id property's schema: the record id pattern. */
export const idProperty = (description: string) => ({ description, pattern: ID_PATTERN.source, maxLength: 80 });

/** A record's `revision` property schema. */
export const revisionProperty = {
  type: 'integer',
  description: "The record's stream revision: the ETag its commands take as If-Match",
} as const;

export class OnBehalfOfDto {
  @ApiProperty() userId!: string;
  @ApiProperty() role!: string;
  @ApiProperty() agency!: string;
  @ApiProperty() meetingId!: string;
}

export class ActorDto {
  @ApiProperty({ description: 'Who acted (the verified token subject)' }) userId!: string;
  @ApiProperty() role!: string;
  @ApiProperty() agency!: string;
  @ApiPropertyOptional({ type: OnBehalfOfDto, description: 'Set when a deputy acted with a member’s authority' })
  onBehalfOf?: OnBehalfOfDto;
}

export class StampDto {
  @ApiProperty({ format: 'date-time', description: 'Business time: when it happened' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger stored it' }) recordedAt!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
}

export class LastUpdateDto extends StampDto {
  @ApiProperty({ description: 'The event type of the latest change' }) type!: string;
}

export class RecordHistoryEntryDto extends StampDto {
  @ApiProperty({ description: 'Event type', example: 'partner-renamed' }) type!: string;
  @ApiProperty({ description: 'One plain-English line' }) summary!: string;
  @ApiProperty({ description: 'The stream holding the event (e.g. partner-<id>)' }) streamId!: string;
  @ApiProperty({ description: 'The event id in the ledger' }) eventId!: string;
  @ApiProperty({ type: 'integer', description: 'Ledger position (opaque: compare, never compute)' }) position!: number;
}

/**
 * The page class of a record DTO, for `class PartnerPageDto extends pageOf(PartnerDto) {}`: the
 * subclass gives the schema its name, the properties come from here.
 */
export function pageOf<T>(item: Type<T>) {
  class Page {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Null on the last page' }) nextCursor!: string | null;
  }
  return Page;
}

/** A record DTO answered as of a past point, for `class PartnerAsOfDto extends asOf(PartnerDto) {}`. */
export function asOf<B extends Type<object>>(base: B) {
  class AsOf extends base {
    @ApiProperty({ type: AsOfProvenanceSchema }) asOf!: AsOfProvenanceSchema;
  }
  return AsOf;
}
