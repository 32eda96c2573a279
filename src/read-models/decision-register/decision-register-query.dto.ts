import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../http/page-query.dto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DECISION_OUTCOMES, type DecisionOutcome, type DecisionStatus } from '../../decisions';
import { ID_PATTERN } from '../../http/ids';

export const DECISION_STATUSES: readonly DecisionStatus[] = ['in-force', 'rescinded', 'superseded'];

const slug = { pattern: ID_PATTERN.source, maxLength: 80 };
const SLUG_MESSAGE = { message: '$property must be a lower-case slug (letters, digits, dashes)' };

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters and paging for GET /decision-register; every filter given must match. */
export class DecisionRegisterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ ...slug, description: 'Decisions made at meetings of this board', example: 'wseb' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, SLUG_MESSAGE)
  board?: string;

  @ApiPropertyOptional({ ...slug, description: 'Decisions made at this meeting', example: 'wseb-2022-05-10' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, SLUG_MESSAGE)
  meeting?: string;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: DecisionOutcome;

  @ApiPropertyOptional({ enum: DECISION_STATUSES })
  @IsOptional()
  @IsIn(DECISION_STATUSES)
  status?: DecisionStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only decisions with a condition not yet satisfied (or, with false, only those with none outstanding)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasUnsatisfiedConditions?: boolean;

  @ApiPropertyOptional({ description: 'Meetings on or after this date (UTC)', example: '2022-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Meetings on or before this date (UTC)', example: '2022-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
