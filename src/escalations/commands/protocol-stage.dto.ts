import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_STAGES, MAX_TIMESCALE_WORKING_DAYS, MIN_TIMESCALE_WORKING_DAYS } from '../domain/escalation-protocol';

/** One stage of an escalation protocol, shared by define and revise. */
export class ProtocolStageDto {
  @ApiProperty({ example: 'Manager to manager', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    type: 'integer',
    description: 'Working days allowed at this stage before it may be escalated',
    minimum: MIN_TIMESCALE_WORKING_DAYS,
    maximum: MAX_TIMESCALE_WORKING_DAYS,
    example: 5,
  })
  @IsInt()
  @Min(MIN_TIMESCALE_WORKING_DAYS)
  @Max(MAX_TIMESCALE_WORKING_DAYS)
  timescaleWorkingDays!: number;
}

/** Plain stage objects for the domain (the DTO instances carry validation metadata). */
/** The `stages` body field of define and revise: a whole protocol, stage 1 first (in stacked-decorator order, bottom up). */
export const AreProtocolStages = (description: string) =>
  applyDecorators(
    Type(() => ProtocolStageDto),
    ValidateNested({ each: true }),
    ArrayMaxSize(MAX_STAGES),
    ArrayMinSize(1),
    IsArray(),
    ApiProperty({ type: [ProtocolStageDto], minItems: 1, maxItems: MAX_STAGES, description }),
  );

export const toStages = (stages: ProtocolStageDto[]) =>
  stages.map((s) => ({ name: s.name, timescaleWorkingDays: s.timescaleWorkingDays }));
