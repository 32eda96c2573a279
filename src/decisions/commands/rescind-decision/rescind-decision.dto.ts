import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class RescindDecisionDto extends CommandDto {
  @ApiProperty({
    description: 'Why the decision no longer stands',
    example: 'Funding for the programme was withdrawn',
    maxLength: 2000,
  })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}
