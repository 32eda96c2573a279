import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsRecordId } from '../../http/ids';
import { DATA_SUBJECT_RELATIONS, type DataSubjectRelation } from '../domain/escalation.messages';
import { LongText } from '../../http/text-hygiene';

/** A person named in an escalation. name and dateOfBirth are sealed under the subject's key before they are stored. */
export class DataSubjectDto {
  @IsRecordId(
    'Pseudonymous id of the person (never their name): erasure and rectification address it',
    'wsep-2022-001-child-1',
  )
  subjectId!: string;

  @ApiProperty({ enum: DATA_SUBJECT_RELATIONS, example: 'child' })
  @IsIn(DATA_SUBJECT_RELATIONS)
  relation!: DataSubjectRelation;

  @ApiProperty({
    description: 'Personal: encrypted per data subject before it is stored, erasable',
    maxLength: 200,
    example: 'Jamie Example',
  })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'Personal: encrypted like the name', example: '2015-03-04' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateOfBirth?: string;
}

/** Free text about one named data subject: encrypted under that subject's key, erased with them. */
export class PersonalNoteDto {
  @IsRecordId('The data subject (named in the escalation) the note is about', 'wsep-2022-001-child-1')
  subjectId!: string;

  @ApiProperty({
    description: 'Personal: encrypted per data subject before it is stored, erasable',
    maxLength: 2000,
    example: 'Jamie has missed two appointments',
  })
  @IsString()
  @Length(1, 2000)
  @LongText()
  text!: string;
}

/** The optional `personalNote` body field of the commands that take one (in stacked-decorator order, bottom up). */
export const IsPersonalNote = () =>
  applyDecorators(
    Type(() => PersonalNoteDto),
    ValidateNested(),
    IsOptional(),
    ApiPropertyOptional({
      type: PersonalNoteDto,
      description: 'A note about one named data subject: encrypted under their key and erased with them',
    }),
  );

/** The note as the domain takes it (a plain object, not the DTO instance), or nothing. */
export const personalNote = (dto: PersonalNoteDto | undefined) =>
  dto ? { personalNote: { subjectId: dto.subjectId, text: dto.text } } : {};
