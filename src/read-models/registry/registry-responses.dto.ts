import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { ID_PATTERN } from '../../http/ids';

/** The classes the registry read models (partners, people, boards) answer with, for the OpenAPI document. */

/** An id property's schema: the record id pattern. */
export const idProperty = (description: string) => ({ description, pattern: ID_PATTERN.source, maxLength: 80 });

/** A business-date property's schema (YYYY-MM-DD). */
export const dateProperty = (description: string) => ({ format: 'date', description });

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

/**
 * The history class of a record, for `class RiskHistoryDto extends historyOf('riskId', 'Risk id') {}`:
 * the record's id under its own name, then its ledger entries. The id's name varies, so the
 * properties are declared by calling the decorators (in schema order) rather than on the class body.
 */
export function historyOf<K extends string>(idName: K, idDescription: string, entriesDescription?: string) {
  class History {}
  ApiProperty({ type: String, ...idProperty(idDescription) })(History.prototype, idName);
  const described = entriesDescription === undefined ? {} : { description: entriesDescription };
  ApiProperty({ type: [RecordHistoryEntryDto], ...described })(History.prototype, 'entries');
  return History as Type<Record<K, string> & { entries: RecordHistoryEntryDto[] }>;
}

/** The stamps a record's document ends with: `lastChange` for most, `lastUpdate` (with the event type) for some. */
interface RecordStamps {
  revision: number;
  registered: StampDto;
}

/**
 * A record DTO: its own fields (the base), then its revision and registration stamp, for
 * `class RiskDto extends recorded(RiskFieldsDto, 'lastChange') {}`. The third stamp is the latest
 * change (`lastChange`), the latest change with its event type (`lastUpdate`), or none (`registered`
 * alone: a record that does not change).
 */
export function recorded<B extends Type<object>>(
  base: B,
  latest: 'lastChange',
): B & Type<RecordStamps & { lastChange: StampDto }>;
export function recorded<B extends Type<object>>(
  base: B,
  latest: 'lastUpdate',
): B & Type<RecordStamps & { lastUpdate: LastUpdateDto }>;
export function recorded<B extends Type<object>>(base: B, latest: 'registered'): B & Type<RecordStamps>;
export function recorded<B extends Type<object>>(base: B, latest: 'lastChange' | 'lastUpdate' | 'registered') {
  class Recorded extends base {}
  const prototype = Recorded.prototype as object;
  ApiProperty(revisionProperty)(prototype, 'revision');
  ApiProperty({ type: StampDto })(prototype, 'registered');
  if (latest === 'lastChange') ApiProperty({ type: StampDto })(prototype, 'lastChange');
  if (latest === 'lastUpdate') ApiProperty({ type: LastUpdateDto })(prototype, 'lastUpdate');
  return Recorded;
}
