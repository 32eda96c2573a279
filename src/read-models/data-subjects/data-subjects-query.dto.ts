import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DATA_SUBJECT_STATUSES, type DataSubjectStatus } from '../../../projections/data-subjects/data-subject-doc';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /data-subjects; every filter given must match. */
export class DataSubjectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DATA_SUBJECT_STATUSES, description: 'Only subjects in this state' })
  @IsOptional()
  @IsIn(DATA_SUBJECT_STATUSES)
  status?: DataSubjectStatus;

  @IdFilter('Only subjects this escalation names', 'ws-esc-2022-001')
  escalation?: string;
}

/** GET /as-of/data-subjects: the live list's filters and paging, at a past point of the log. */
export class AsOfDataSubjectsQueryDto extends IntersectionType(DataSubjectsQueryDto, AsOfQueryDto) {}
