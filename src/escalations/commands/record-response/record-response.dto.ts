import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

export class RecordResponseDto extends CommandDto {
  @IsRecordId('Partner id of the agency responding: one of the two parties to the escalation', 'cw-icb')
  respondingAgency!: string;

  @ApiProperty({ description: 'The agency\'s response. No names of children or families.', maxLength: 4000, example: 'A health assessment is booked within 10 working days.' })
  @IsString()
  @Length(1, 4000)
  response!: string;
}
