import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { PageQueryDto } from '../../http/page-query.dto';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PERIOD_KINDS, type PeriodKind } from '../../../projections/escalations/periods';
import { MAX_STAGES, type EscalationStatus } from '../../escalations';
import { IdFilter } from '../../http/ids';

export const ESCALATION_STATUSES: readonly EscalationStatus[] = ['open', 'resolved', 'closed'];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '$property must be a date written YYYY-MM-DD' };

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** asOf was the measuring date's name here until /as-of/* gave asOf its one meaning: recording time. */
export const MEASURED_ON_RENAMED = {
  old: 'asOf',
  replacement: 'measuredOn',
  since: '2026-12-06T00:00:00Z',
  documentation: '/docs#/escalation-trail',
} as const;

/** The date the trail is measured at: shared by every live escalation-trail endpoint. */
export class EscalationTrailAsOfDto {
  @ApiPropertyOptional({
    description:
      'Business date the trail is measured at: status, stage, working days and breaches as they stood at the end of that day in England (default: today)',
    example: '2022-07-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  measuredOn?: string;

  @ApiPropertyOptional({
    deprecated: true,
    description: 'Deprecated name of measuredOn (answers the same, with a Deprecation header); goes after one release',
    example: '2022-07-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

/** Raised-date window and agency filter, shared by the list and the summary. */
export class EscalationTrailWindowDto extends EscalationTrailAsOfDto {
  @IdFilter('Escalations raised by or concerning this partner agency', 'cw-icb')
  agency?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Raised on or after this date', example: '2022-04-01' })
  @IsOptional()
  @IsString()
  @Matches(DATE_ONLY, DATE_MESSAGE)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Raised on or before this date', example: '2023-03-31' })
  @IsOptional()
  @IsString()
  @Matches(DATE_ONLY, DATE_MESSAGE)
  @IsISO8601({ strict: true })
  to?: string;
}

/** Filters and paging for GET /escalation-trail; every filter given must match. */
export class EscalationTrailQueryDto extends IntersectionType(EscalationTrailWindowDto, PageQueryDto) {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_STAGES,
    description: 'At this stage on measuredOn (a resolved escalation: the stage it was resolved at)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_STAGES)
  stage?: number;

  @ApiPropertyOptional({ enum: ESCALATION_STATUSES })
  @IsOptional()
  @IsIn(ESCALATION_STATUSES)
  status?: EscalationStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Only escalations with a stage over its timescale in working days by measuredOn (or only the others, with false)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  breached?: boolean;
}

/** GET /escalation-trail/summary */
export class EscalationTrailSummaryQueryDto extends EscalationTrailWindowDto {
  @ApiPropertyOptional({
    enum: PERIOD_KINDS,
    default: 'quarter',
    description: 'Calendar months, or calendar quarters (Q1 = January to March)',
  })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  period?: PeriodKind;
}
