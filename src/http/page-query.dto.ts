import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '../shared/openapi/deferred-swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

// Both are listed in the order stacked decorators run (bottom up), so a bad value's messages keep their order.

/** A page size: 1 to 200, 50 when not given. */
export const PageLimit = () =>
  applyDecorators(
    Max(200),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }),
  );

/** The opaque cursor a list returned as nextCursor, at most `maxLength` characters. */
export const PageCursor = (maxLength: number) =>
  applyDecorators(
    Matches(/^[A-Za-z0-9_-]+$/, { message: '$property must be a cursor this API returned' }),
    MaxLength(maxLength),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ maxLength, description: 'nextCursor from the previous page, with the same filters' }),
  );

/** A list query's optional filter by a date (or an ISO 8601 instant). */
export const DateFilter = (description: string, example: string) =>
  applyDecorators(IsISO8601({ strict: true }), IsOptional(), ApiPropertyOptional({ description, example }));

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A list query's optional true/false filter. */
export const BooleanFilter = (description: string) =>
  applyDecorators(IsBoolean(), Transform(toBoolean), IsOptional(), ApiPropertyOptional({ type: Boolean, description }));

/** Cursor paging shared by every list query: a page size and the opaque cursor of the previous page. */
export class PageQueryDto {
  @PageLimit()
  limit?: number;

  @PageCursor(400)
  cursor?: string;
}
