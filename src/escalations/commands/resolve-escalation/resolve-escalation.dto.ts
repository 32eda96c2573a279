import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { ESCALATION_OUTCOMES, type EscalationOutcome } from '../../domain/escalation';
import { LongText } from '../../../http/text-hygiene';

export class ResolveEscalationDto extends CommandDto {
  @ApiProperty({ enum: ESCALATION_OUTCOMES, description: 'How the disagreement ended' })
  @IsIn(ESCALATION_OUTCOMES)
  outcome!: EscalationOutcome;

  @ApiProperty({
    description: 'What was agreed or why not. No names of children or families.',
    maxLength: 2000,
    example: 'Health assessment date agreed between the team managers',
  })
  @IsString()
  @Length(1, 2000)
  @LongText()
  summary!: string;
}
