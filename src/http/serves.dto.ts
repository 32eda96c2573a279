import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { NESTED_SERVED_KINDS, SERVED_KINDS, type ServedKind, type ServedRecord } from '../shared/serves';
import { ID_PATTERN, IsRecordId } from './ids';

export const MAX_SERVED = 20;

/** parentId: required (a record id) for a nested kind (a finding or recommendation), absent otherwise. */
function ParentIdFitsKind() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'parentIdFitsKind',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const { kind } = args.object as ServedRecordDto;
          if (NESTED_SERVED_KINDS.includes(kind)) return typeof value === 'string' && ID_PATTERN.test(value);
          return value === undefined;
        },
        defaultMessage: (args: ValidationArguments) =>
          NESTED_SERVED_KINDS.includes((args.object as ServedRecordDto).kind)
            ? '$property is required for a finding or recommendation: the id of the case review, inspection or audit holding it'
            : '$property is only for a finding or recommendation',
      },
    });
}

/** One record a new action, decision or sign-off serves. */
export class ServedRecordDto {
  @ApiProperty({ enum: SERVED_KINDS, example: 'case-review-recommendation' })
  @IsIn(SERVED_KINDS)
  kind!: ServedKind;

  @IsRecordId('The cited record (a finding or recommendation: its id within the case review)', 'r1')
  id!: string;

  @ApiPropertyOptional({
    description:
      'The record holding a finding or recommendation (case-review-*, inspection-recommendation, audit-finding): required for those kinds, absent otherwise',
    example: 'wsp-cspr-2022-02',
    pattern: ID_PATTERN.source,
    maxLength: 80,
  })
  @ParentIdFitsKind()
  parentId?: string;
}

/** The optional `serves` list of a command body: what it is done for (issue 16, traceability). */
export const AreServedRecords = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [ServedRecordDto],
      maxItems: MAX_SERVED,
      description:
        'What this serves: a case review, its finding or recommendation, an inspection recommendation, an audit (finding) or a thematic review',
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_SERVED),
    ValidateNested({ each: true }),
    Type(() => ServedRecordDto),
  );

/** The validated DTOs as plain domain values (the event holds no class instances); absent stays absent. */
export const toServed = (dtos: readonly ServedRecordDto[] | undefined): ServedRecord[] | undefined =>
  dtos?.map(({ kind, id, parentId }) => ({ kind, id, ...(parentId ? { parentId } : {}) }));
