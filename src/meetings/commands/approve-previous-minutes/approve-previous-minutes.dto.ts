import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { MINUTES_OUTCOMES, type MinutesOutcome } from '../../domain/meeting';
import { LongText } from '../../../http/text-hygiene';

export class ApprovePreviousMinutesDto extends CommandDto {
  @IsRecordId('An earlier meeting of the same board', 'worcs-scb-2018-12-05')
  previousMeetingId!: string;

  @ApiProperty({ enum: MINUTES_OUTCOMES })
  @IsIn(MINUTES_OUTCOMES)
  outcome!: MinutesOutcome;

  @ApiPropertyOptional({
    type: [String],
    description: "Required when the outcome is 'amended'",
    maxItems: 50,
    example: ['Early Help teams work in six districts, not two'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  @LongText()
  amendments?: string[];
}
