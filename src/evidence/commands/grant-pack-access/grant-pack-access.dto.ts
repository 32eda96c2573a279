import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

export class GrantPackAccessDto extends CommandDto {
  @IsRecordId("The named inspector's user id (as in their token)", 'ofsted-hmi-jones')
  inspectorUserId!: string;

  @ApiProperty({
    example: '2022-12-31T17:00:00Z',
    description: 'When access ends, ISO-8601; must be after now. To change it, revoke and grant again.',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt!: string;
}
