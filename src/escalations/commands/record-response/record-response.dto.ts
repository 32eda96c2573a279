import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CommandDto } from '../../../http/command.dto';
import { PersonalNoteDto } from '../data-subject.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';

export class RecordResponseDto extends CommandDto {
  @IsRecordId('Partner id of the agency responding: one of the two parties to the escalation', 'cw-icb')
  respondingAgency!: string;

  @ApiProperty({
    description: "The agency's response. No names of children or families.",
    maxLength: 4000,
    example: 'A health assessment is booked within 10 working days.',
  })
  @IsString()
  @Length(1, 4000)
  @LongText()
  response!: string;

  @ApiPropertyOptional({
    type: PersonalNoteDto,
    description: 'A note about one named data subject: encrypted under their key and erased with them',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalNoteDto)
  personalNote?: PersonalNoteDto;
}
