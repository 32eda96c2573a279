import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CommandDto } from '../../../http/command.dto';
import { PersonalNoteDto } from '../data-subject.dto';
import { LongText } from '../../../http/text-hygiene';

export class AcknowledgeEscalationDto extends CommandDto {
  @ApiPropertyOptional({
    description: 'No names of children or families',
    maxLength: 1000,
    example: 'Received; the team manager will reply within the stage timescale',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  note?: string;

  @ApiPropertyOptional({
    type: PersonalNoteDto,
    description: 'A note about one named data subject: encrypted under their key and erased with them',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalNoteDto)
  personalNote?: PersonalNoteDto;
}
