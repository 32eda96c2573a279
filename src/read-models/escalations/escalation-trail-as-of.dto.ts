import { ApiProperty, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { EscalationTrailQueryDto, EscalationTrailSummaryQueryDto } from './escalation-trail-query.dto';
import { IsAsOf } from '../as-of/as-of-query.dto';
import { AS_OF_DESCRIPTION } from '../as-of/as-of-register-queries.dto';

const TRAIL_AS_OF = `${AS_OF_DESCRIPTION} Working days and breaches are measured at that date (England); for a position, at the London date it was recorded.`;

/** The live trail's measuredOn is a business date to measure at; here asOf is the point of the log, and measures are read at its date. */
class TrailAsOf {
  @ApiProperty({ maxLength: 40, description: TRAIL_AS_OF, example: '2022-07-01' })
  @IsString()
  @MaxLength(40)
  @IsAsOf()
  asOf!: string;
}

/** GET /as-of/escalation-trail/:escalationId */
export class AsOfEscalationTrailQueryDto extends TrailAsOf {}

/** GET /as-of/escalation-trail: the live trail's filters and paging. */
export class AsOfEscalationTrailListQueryDto extends IntersectionType(
  OmitType(EscalationTrailQueryDto, ['asOf', 'measuredOn'] as const),
  TrailAsOf,
) {}

/** GET /as-of/escalation-trail/summary: the live summary's window, agency and period. */
export class AsOfEscalationTrailSummaryQueryDto extends IntersectionType(
  OmitType(EscalationTrailSummaryQueryDto, ['asOf', 'measuredOn'] as const),
  TrailAsOf,
) {}
