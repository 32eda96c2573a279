import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '../shared/openapi/deferred-swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ID_PATTERN } from './ids';
import { LongText } from './text-hygiene';

/** Validation the command bodies of the register contexts (case reviews, inspections, assurance) share, so every slice states its limits the same way. */

/** A business date (YYYY-MM-DD): statutory clocks count days, not instants. */
export const IsBusinessDate = (description: string, example = '2022-08-26') =>
  applyDecorators(
    ApiProperty({ description, example, format: 'date' }),
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

/** Bounded free text; `long` prose may hold tab and line feed. Never a child's or family's name. */
export const IsText = (max: number, description: string, optional = false, long = true) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ description, maxLength: max }) : ApiProperty({ description, maxLength: max }),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    Length(1, max),
    ...(long ? [LongText()] : []),
  );

export const IsOneOf = (values: readonly string[], description: string) =>
  applyDecorators(ApiProperty({ enum: values, description }), IsIn(values));

/** A list of record ids (actions, partners; places a briefing went are text, see IsTextList). */
export const IsIdList = (description: string, max = 20, example = ['wseb-2022-05-10-a1']) =>
  applyDecorators(
    ApiPropertyOptional({ description, type: [String], maxItems: max, example }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    MaxLength(80, { each: true }),
    Matches(ID_PATTERN, { each: true, message: '$property must hold lower-case slugs (letters, digits, dashes)' }),
  );

/**
 * Each member of a list is a record id (a lower-case slug of at most 80 characters), for a list whose own
 * size and presence the slice states; in stacked-decorator order (bottom up), as the slices wrote it.
 */
export const EachRecordId = () =>
  applyDecorators(
    Matches(ID_PATTERN, { each: true, message: '$property must hold lower-case slugs (letters, digits, dashes)' }),
    MaxLength(80, { each: true }),
    IsString({ each: true }),
  );

export const IsTextList = (description: string, max = 30) =>
  applyDecorators(
    ApiProperty({ description, type: [String], maxItems: max, example: ['WSEB members', 'Schools bulletin'] }),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    Length(1, 200, { each: true }),
  );

/** The number of an agenda item (1-999) that a command adds or cites; in stacked-decorator order (bottom up). */
export const IsItemNumber = (description: string, example: number) =>
  applyDecorators(Max(999), Min(1), IsInt(), ApiProperty({ description, example, minimum: 1, maximum: 999 }));
