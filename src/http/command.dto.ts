import { ApiPropertyOptional } from '../shared/openapi/deferred-swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Base of every command body: business time is optional and defaults to now. */
export class CommandDto {
  @ApiPropertyOptional({
    description:
      'When it happened (e.g. the meeting date), ISO-8601; defaults to now. Minutes may be entered after the meeting.',
    example: '2022-05-10T10:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}
