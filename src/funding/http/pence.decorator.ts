import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '../../shared/openapi/deferred-swagger';
import { IsInt, Max, Min } from 'class-validator';

/** £100m in pence: far above any partnership budget, low enough that sums stay safe integers. */
export const MAX_PENCE = 10_000_000_000;

/** Money at the edge: a whole number of pence, never negative (minimum 1 where zero makes no sense). */
export const IsPence = (description: string, example: number, min: 0 | 1 = 0) =>
  applyDecorators(
    ApiProperty({
      description: `${description} (integer pence)`,
      example,
      type: 'integer',
      minimum: min,
      maximum: MAX_PENCE,
    }),
    IsInt(),
    Min(min),
    Max(MAX_PENCE),
  );
