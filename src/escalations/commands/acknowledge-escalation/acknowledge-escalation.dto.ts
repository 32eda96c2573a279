import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';

export class AcknowledgeEscalationDto extends CommandDto {
  @ApiPropertyOptional({ description: 'No names of children or families', maxLength: 1000, example: 'Received; the team manager will reply within the stage timescale' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}
