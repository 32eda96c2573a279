import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class RevokePackAccessDto extends CommandDto {
  @ApiProperty({ example: 'Inspection fieldwork finished', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;
}
