import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ID_PATTERN } from '../../http/ids';
import { MAX_RATING, MIN_RATING } from '../domain/risk.messages';

/** Likelihood or impact: a whole number 1-5, refused with a validation 400 outside that range. */
export const IsRating = (description: string, example: number) =>
  applyDecorators(
    ApiProperty({ type: 'integer', minimum: MIN_RATING, maximum: MAX_RATING, description, example }),
    IsInt(),
    Min(MIN_RATING),
    Max(MAX_RATING),
  );

/** An optional reference to a meeting (meetings context), checked to exist by the handler. */
export const IsMeetingRef = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, pattern: ID_PATTERN.source, maxLength: 80, example: 'wseb-2019-04-10' }),
    IsOptional(),
    IsString(),
    MaxLength(80),
    Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' }),
  );
