import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ID_PATTERN } from '../../http/ids';
import { OwnerDto } from './action-owner.dto';

/** Validation shared by the action command bodies, so every slice states its limits the same way. */

export const MAX_OWNERS = 10;

/** A calendar date (YYYY-MM-DD): actions are due on a day, not at an instant. */
export const IsDueDate = (description: string, optional = false) =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description, example: '2022-06-30', format: 'date' })
      : ApiProperty({ description, example: '2022-06-30', format: 'date' }),
    ...(optional ? [IsOptional()] : []),
    IsISO8601({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

/** Bounded free text, prose (tab and line feed allowed): the one rule every context's command bodies state. */
export { IsText } from '../../http/command-fields';

/** IsRecordId for a reference the body may leave out. */
export const IsOptionalRecordId = (description: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, pattern: ID_PATTERN.source, maxLength: 80 }),
    IsOptional(),
    IsString(),
    MaxLength(80),
    Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' }),
  );

export const AreOwners = () =>
  applyDecorators(
    ApiProperty({
      type: [OwnerDto],
      minItems: 1,
      maxItems: MAX_OWNERS,
      description: 'Who owns the action; people and partners must be registered',
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_OWNERS),
    ValidateNested({ each: true }),
    Type(() => OwnerDto),
  );
