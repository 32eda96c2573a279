import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class EscalateEscalationDto extends CommandDto {
  @ApiProperty({
    description: 'Why it moves to the next stage. No names of children or families.',
    maxLength: 1000,
    example: 'Not resolved within the 2 working days of stage 1',
  })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}
