import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { SIGNOFF_STATUSES } from '../../../projections/signoffs/signoff-doc';
import { ARTEFACT_KINDS } from '../../signoffs';
import { asOf, historyOf, idProperty, StampDto } from '../registry/registry-responses.dto';

@ApiSchema({ name: 'SignoffArtefact' })
export class SignoffArtefactDto {
  @ApiProperty(idProperty('Artefact id')) artefactId!: string;
  @ApiProperty({ enum: ARTEFACT_KINDS }) kind!: string;
  @ApiProperty() title!: string;
}

export class ArtefactVersionEntryDto {
  @ApiProperty() version!: string;
  @ApiProperty({ description: 'SHA-256 of the content, lower-case hex' }) contentHash!: string;
  @ApiProperty({ type: StampDto, description: 'Who put this version for signature, when' }) at!: StampDto;
}

export class WithdrawalDto extends StampDto {
  @ApiProperty() reason!: string;
}

export class CompletionDto extends StampDto {
  @ApiProperty() subjectToConditions!: boolean;
}

export class SignatureEntryDto {
  @ApiProperty(idProperty('The partner that signed')) partnerId!: string;
  @ApiProperty({ description: 'The artefact version signed' }) version!: string;
  @ApiProperty() contentHash!: string;
  @ApiPropertyOptional(idProperty('The person who signed for the partner')) signedByPersonId?: string;
  @ApiPropertyOptional({ type: [String] }) conditions?: string[];
  @ApiProperty({ type: StampDto }) signed!: StampDto;
  @ApiPropertyOptional({ type: WithdrawalDto, description: 'Set when the partner withdrew this signature' })
  withdrawn?: WithdrawalDto;
  @ApiPropertyOptional({ description: 'The version that replaced the one signed: the signature no longer counts' })
  supersededBy?: string;
}

/** GET /signoffs/{signoffId}: the artefact and its versions, who was asked, who signed which version, its status. */
export class SignoffDto {
  @ApiProperty(idProperty('Sign-off id')) signoffId!: string;
  @ApiProperty({ type: SignoffArtefactDto }) artefact!: SignoffArtefactDto;
  @ApiProperty({ description: 'The version partners are asked to sign now' }) currentVersion!: string;
  @ApiProperty({ type: [ArtefactVersionEntryDto] }) versions!: ArtefactVersionEntryDto[];
  @ApiProperty({ type: [String], description: 'Partners asked to sign' }) requiredPartnerIds!: string[];
  @ApiPropertyOptional(idProperty('The meeting it was requested at')) meetingId?: string;
  @ApiPropertyOptional(idProperty('The decision it belongs to')) decisionId?: string;
  @ApiProperty({ enum: SIGNOFF_STATUSES }) status!: string;
  @ApiProperty({ type: [SignatureEntryDto], description: 'Every signing act, withdrawn and superseded ones included' })
  signatures!: SignatureEntryDto[];
  @ApiProperty({ type: [String], description: 'Partners whose signature on the current version counts' })
  signedPartnerIds!: string[];
  @ApiPropertyOptional({ type: CompletionDto }) completed?: CompletionDto;
  @ApiPropertyOptional({ type: WithdrawalDto, description: 'Set when the request was withdrawn' })
  withdrawn?: WithdrawalDto;
  @ApiProperty({ type: 'integer', description: "The record's stream revision: the ETag its commands take as If-Match" })
  revision!: number;
  @ApiProperty({ type: StampDto }) requested!: StampDto;
}

export class SignoffPageDto {
  @ApiProperty({ type: [SignoffDto] }) items!: SignoffDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Null on the last page' }) nextCursor!: string | null;
}

export class SignoffHistoryDto extends historyOf('signoffId', 'Sign-off id') {}

export class SignoffAsOfDto extends asOf(SignoffDto) {}

export class SignoffPageAsOfDto extends asOf(SignoffPageDto) {}

export class SignoffHistoryAsOfDto extends asOf(SignoffHistoryDto) {}
