import { IntersectionType, OmitType } from '../../shared/openapi/deferred-swagger';
import { EscalationTrailQueryDto, EscalationTrailSummaryQueryDto } from './escalation-trail-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/**
 * The live trail's measuredOn is a business date to measure at; here knownAt is the point of the
 * log and validAt the business date, and measures are read at validAt (else knownAt's date).
 */
export class AsOfEscalationTrailQueryDto extends AsOfQueryDto {}

/** GET /as-of/escalation-trail: the live trail's filters and paging. */
export class AsOfEscalationTrailListQueryDto extends IntersectionType(
  OmitType(EscalationTrailQueryDto, ['asOf', 'measuredOn'] as const),
  AsOfQueryDto,
) {}

/** GET /as-of/escalation-trail/summary: the live summary's window, agency and period. */
export class AsOfEscalationTrailSummaryQueryDto extends IntersectionType(
  OmitType(EscalationTrailSummaryQueryDto, ['asOf', 'measuredOn'] as const),
  AsOfQueryDto,
) {}
