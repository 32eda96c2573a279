import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '../shared/openapi/deferred-swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SLUG_MESSAGE = { message: '$property must be a lower-case slug (letters, digits, dashes)' };

/** A stable record id: lower-case slug, 1-80 characters (never a person's initials). */
export const IsRecordId = (
  description = 'Stable id: lower-case letters, digits and dashes',
  example = 'warwickshire-police',
) =>
  applyDecorators(
    ApiProperty({ description, example, pattern: ID_PATTERN.source, maxLength: 80 }),
    IsString(),
    MaxLength(80),
    Matches(ID_PATTERN, SLUG_MESSAGE),
  );

/**
 * A list query's optional filter by a record id (a lower-case slug, 1-80 characters). Listed in the
 * order stacked decorators run (bottom up), so a bad value's messages come in the order they did.
 */
export const IdFilter = (description: string, example: string) =>
  applyDecorators(
    Matches(ID_PATTERN, SLUG_MESSAGE),
    MaxLength(80),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ pattern: ID_PATTERN.source, maxLength: 80, description, example }),
  );
