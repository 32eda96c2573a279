import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '../shared/openapi/deferred-swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from './ids';

/**
 * A command body's optional reference to a record (a lower-case slug, 1-80 characters): IsRecordId for a
 * field the body may leave out. Listed in the order stacked decorators run (bottom up), as the slices
 * wrote them, so a bad value's messages come in the order they did.
 */
export const IsOptionalRecordId = (description: string, example?: string) =>
  applyDecorators(
    Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' }),
    MaxLength(80),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({
      description,
      ...(example === undefined ? {} : { example }),
      pattern: ID_PATTERN.source,
      maxLength: 80,
    }),
  );
