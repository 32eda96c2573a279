import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { asOf, historyOf, idProperty, StampDto } from '../registry/registry-responses.dto';

export class ProtocolStageViewDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) timescaleWorkingDays!: number;
}

export class ProtocolVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: '1 when defined, +1 for every revision' }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [ProtocolStageViewDto] }) stages!: ProtocolStageViewDto[];
  @ApiPropertyOptional({ description: 'Why it was revised' }) reason?: string;
  @ApiProperty({ type: StampDto, description: 'Who defined or revised it, when' }) at!: StampDto;
}

/** GET /escalation-protocols/{protocolId}: the protocol in force and every version of it. */
export class ProtocolDto {
  @ApiProperty(idProperty('Protocol id')) protocolId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The version in force' }) currentVersion!: number;
  @ApiProperty({ type: [ProtocolStageViewDto], description: 'The stages of the version in force' })
  stages!: ProtocolStageViewDto[];
  @ApiProperty({ type: [ProtocolVersionDto], description: 'Every version, oldest first' })
  versions!: ProtocolVersionDto[];
  @ApiProperty({ type: 'integer', description: "The record's stream revision: the ETag its commands take as If-Match" })
  revision!: number;
  @ApiProperty({ type: StampDto }) defined!: StampDto;
}

export class ProtocolPageDto {
  @ApiProperty({ type: [ProtocolDto] }) items!: ProtocolDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Null on the last page' }) nextCursor!: string | null;
}

export class ProtocolHistoryDto extends historyOf('protocolId', 'Protocol id') {}

export class ProtocolAsOfDto extends asOf(ProtocolDto) {}

export class ProtocolPageAsOfDto extends asOf(ProtocolPageDto) {}

export class ProtocolHistoryAsOfDto extends asOf(ProtocolHistoryDto) {}
