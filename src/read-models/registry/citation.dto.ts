import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { SERVED_KINDS } from '../../shared/serves';
import { idProperty, StampDto } from './registry-responses.dto';

export class ServedRecordViewDto {
  @ApiProperty({ enum: SERVED_KINDS }) kind!: string;
  @ApiProperty(idProperty('The cited record (a finding or recommendation: its id in its record)')) id!: string;
  @ApiPropertyOptional(idProperty('The record a finding or recommendation belongs to')) parentId?: string;
}

/**
 * An action, decision or sign-off that cites a register's record or something inside it (its
 * `serves`): what came of that record, in every register that lists citedBy (issue 16).
 */
export class CitationDto {
  @ApiProperty({ enum: ['action', 'decision', 'signoff'] }) kind!: string;
  @ApiProperty(idProperty('The citing record')) id!: string;
  @ApiProperty({ type: [ServedRecordViewDto], description: 'What of this record it serves' })
  serves!: ServedRecordViewDto[];
  @ApiProperty({ type: StampDto, description: 'Who recorded it, when' }) cited!: StampDto;
  @ApiProperty({ description: 'Its stream in the ledger' }) streamId!: string;
  @ApiProperty({ type: 'integer', description: 'Ledger position of the citing event' }) position!: number;
}
