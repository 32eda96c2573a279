import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { ID_PATTERN, IsRecordId } from '../../../http/ids';
import { ARTEFACT_KINDS, type ArtefactKind } from '../../domain/signoff';
import { IsArtefactVersion, IsContentHash } from '../artefact-fields';

export class ArtefactDto {
  @IsRecordId('Stable id of the artefact across its versions', 'wsp-annual-report-2021-22')
  artefactId!: string;

  @ApiProperty({ enum: ARTEFACT_KINDS, example: 'report' })
  @IsIn(ARTEFACT_KINDS)
  kind!: ArtefactKind;

  @ApiProperty({ example: 'Warwickshire Safeguarding Annual Report 2021-22', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @IsArtefactVersion()
  version!: string;

  @IsContentHash()
  contentHash!: string;
}

export class RequestSignoffDto extends CommandDto {
  @IsRecordId('Stable id of the sign-off request', 'annual-report-2021-22-signoff')
  signoffId!: string;

  @ApiProperty({ type: ArtefactDto })
  // ValidateNested alone lets a missing object through: require it explicitly.
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ArtefactDto)
  artefact!: ArtefactDto;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 30,
    description: 'Registered partners whose signature is needed',
    example: ['warwickshire-cc', 'warwickshire-police', 'cw-icb'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each of $property must be a lower-case slug (letters, digits, dashes)' })
  requiredPartnerIds!: string[];

  @ApiPropertyOptional({
    description: 'Meeting at which sign-off was sought',
    example: 'wseb-2022-09-22',
    pattern: ID_PATTERN.source,
    maxLength: 80,
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' })
  meetingId?: string;

  @ApiPropertyOptional({
    description: 'Decision the sign-off follows from',
    example: 'wseb-2022-09-22-d3',
    pattern: ID_PATTERN.source,
    maxLength: 80,
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' })
  decisionId?: string;
}
