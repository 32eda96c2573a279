import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** A stable record id: lower-case slug, 1-80 characters (never a person's initials). */
export const IsRecordId = (
  description = 'Stable id: lower-case letters, digits and dashes',
  example = 'warwickshire-police',
) =>
  applyDecorators(
    ApiProperty({ description, example, pattern: ID_PATTERN.source, maxLength: 80 }),
    IsString(),
    MaxLength(80),
    Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' }),
  );
