import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../http/page-query.dto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ACTION_STATUSES, type ActionStatus } from '../../actions';
import { ID_PATTERN } from '../../http/ids';

const slug = { pattern: ID_PATTERN.source, maxLength: 80 };
const SLUG_MESSAGE = { message: '$property must be a lower-case slug (letters, digits, dashes)' };

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters and paging for GET /action-log; every filter given must match. */
export class ActionLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ ...slug, description: 'Actions raised at meetings of this board', example: 'wseb' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, SLUG_MESSAGE)
  board?: string;

  @ApiPropertyOptional({
    maxLength: 120,
    description: 'person:<id>, partner:<id>, team:<name>, or a bare id or team name',
    example: 'person:pete-hill',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  owner?: string;

  @ApiPropertyOptional({ ...slug, description: 'Actions owned by this partner agency', example: 'warwickshire-police' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, SLUG_MESSAGE)
  partner?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only open actions whose due date is before asOf (or only the others, with false)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Date overdue is judged against (default: today)', example: '2022-07-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

/** GET /action-log/:actionId?asOf=... */
export class ActionLogEntryQueryDto {
  @ApiPropertyOptional({ description: 'Date overdue is judged against (default: today)', example: '2022-07-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
