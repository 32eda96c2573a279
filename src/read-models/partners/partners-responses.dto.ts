import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { PARTNER_KINDS } from '../../partners';
import { asOf, historyOf, idProperty, pageOf, recorded } from '../registry/registry-responses.dto';

export class PartnerNameDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'In force from (null: from registration)' })
  from!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Until the next name (null: current)' })
  until!: string | null;
  @ApiPropertyOptional() reason?: string;
}

export class SuccessionLinkDto {
  @ApiProperty(idProperty('The other partner')) partnerId!: string;
  @ApiProperty({ description: 'ISO-8601 date (or instant) as recorded' }) effectiveFrom!: string;
}

class PartnerFieldsDto {
  @ApiProperty(idProperty('Partner id')) partnerId!: string;
  @ApiProperty({ description: 'The current name' }) name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: string;
  @ApiProperty({ description: 'A statutory safeguarding partner (local authority, police, ICB)' }) statutory!: boolean;
  @ApiProperty({ enum: ['active', 'succeeded'] }) status!: string;
  @ApiProperty({ type: [PartnerNameDto], description: 'Every name it has borne, oldest first' })
  names!: PartnerNameDto[];
  @ApiPropertyOptional({ type: SuccessionLinkDto, description: 'Who took over its functions, and from when' })
  succeededBy?: SuccessionLinkDto;
  @ApiProperty({ type: [SuccessionLinkDto], description: 'The partners it succeeded' })
  predecessors!: SuccessionLinkDto[];
}

/** GET /partners/{partnerId}: a partner agency, its names over time and its successions. */
export class PartnerDto extends recorded(PartnerFieldsDto, 'lastUpdate') {}

export class PartnerPageDto extends pageOf(PartnerDto) {}

export class PartnerHistoryDto extends historyOf(
  'partnerId',
  'Partner id',
  'Its own events and successions naming it, in ledger order',
) {}

export class PartnerAsOfDto extends asOf(PartnerDto) {}

export class PartnerPageAsOfDto extends asOf(PartnerPageDto) {}

export class PartnerHistoryAsOfDto extends asOf(PartnerHistoryDto) {}
