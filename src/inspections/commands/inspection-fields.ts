import { ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min, Validate } from 'class-validator';
import { CommandDto } from '../../http/command.dto';
import { EitherField } from '../../http/either-field';
import type { NextUpdate } from '../domain/inspection.messages';

/**
 * When the next progress update is due, as the board set it: a date, or "within N months" counted
 * by the decider (from publication for a new recommendation, from the update's date after); the
 * ledger stores the resulting date.
 */
export class NextUpdateDto extends CommandDto {
  @ApiPropertyOptional({ format: 'date', description: 'The next update is due by this date', example: '2023-02-09' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  nextUpdateDue?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 36,
    description: 'Or: the next update is due within this many months (e.g. 6: "within six months")',
    example: 6,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  @Validate(EitherField, ['nextUpdateDue', 'not-both'])
  nextUpdateWithinMonths?: number;
}

export function nextUpdateOf(dto: NextUpdateDto): NextUpdate | undefined {
  if (dto.nextUpdateDue !== undefined) return { dueOn: dto.nextUpdateDue };
  if (dto.nextUpdateWithinMonths !== undefined) return { withinMonths: dto.nextUpdateWithinMonths };
  return undefined;
}
