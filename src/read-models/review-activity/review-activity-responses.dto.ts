import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { asOf, historyOf, idProperty, pageOf, recorded } from '../registry/registry-responses.dto';

const count = { type: 'integer', minimum: 0 } as const;

export class ActivityCountViewDto {
  @ApiProperty({ ...count, description: 'The total the report gives' }) total!: number;
  @ApiPropertyOptional(count) adult?: number;
  @ApiPropertyOptional(count) children?: number;
  @ApiPropertyOptional(count) joint?: number;
  @ApiPropertyOptional({ ...count, description: 'A different figure the same source states elsewhere' })
  statedElsewhere?: number;
}

export class ActivityCiteViewDto {
  @ApiProperty() document!: string;
  @ApiProperty() where!: string;
}

class ReviewActivityFieldsDto {
  @ApiProperty(idProperty('Record id')) activityId!: string;
  @ApiProperty(idProperty('Board')) boardId!: string;
  @ApiProperty({ example: '2019-20' }) period!: string;
  @ApiProperty({ type: ActivityCountViewDto }) referrals!: ActivityCountViewDto;
  @ApiProperty({ type: ActivityCountViewDto }) rapidReviews!: ActivityCountViewDto;
  @ApiProperty({ type: ActivityCountViewDto }) fullReviews!: ActivityCountViewDto;
  @ApiProperty() source!: string;
  @ApiProperty({ type: [ActivityCiteViewDto] }) cites!: ActivityCiteViewDto[];
  @ApiProperty({ type: [String] }) notes!: string[];
}

/** GET /review-activity/{activityId}: a board's review activity for a reporting year, as its report states it. */
export class ReviewActivityDto extends recorded(ReviewActivityFieldsDto, 'registered') {}

export class ReviewActivityPageDto extends pageOf(ReviewActivityDto) {}

export class ReviewActivityHistoryDto extends historyOf('activityId', 'Record id') {}

export class ReviewActivityAsOfDto extends asOf(ReviewActivityDto) {}

export class ReviewActivityPageAsOfDto extends asOf(ReviewActivityPageDto) {}

export class ReviewActivityHistoryAsOfDto extends asOf(ReviewActivityHistoryDto) {}
