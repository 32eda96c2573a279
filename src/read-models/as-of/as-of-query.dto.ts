import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateBy } from 'class-validator';
import { parseAsOf } from '../../../projections/as-of';
import { ActionLogQueryDto } from '../action-log/action-log-query.dto';

const AS_OF_DESCRIPTION =
  'A log position (integer): the register after every event at or before it; or a date YYYY-MM-DD: as known at the end of that day (UTC), ' +
  'i.e. every event recorded by then and nothing entered later; or an ISO instant with a zone: as known at that instant. ' +
  'Overdue is judged against that date (for a position, the date it was recorded).';

/** A position or a real date/instant, as projections/as-of.ts parses it. */
export const IsAsOf = () =>
  ValidateBy({
    name: 'isAsOf',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseAsOf(value) !== undefined,
      defaultMessage: () =>
        '$property must be a log position (integer), a date YYYY-MM-DD or an ISO-8601 instant with a zone',
    },
  });

/** The as-of part every projection's time-travel query shares. */
export class AsOfQueryDto {
  @ApiProperty({
    maxLength: 40,
    description: AS_OF_DESCRIPTION,
    examples: ['2022-07-01', '1234', '2022-07-01T12:00:00Z'],
  })
  @IsString()
  @MaxLength(40)
  @IsAsOf()
  asOf!: string;
}

/** GET /as-of/action-log: the action log's filters and paging, at a past point of the log. */
export class AsOfActionLogQueryDto extends OmitType(ActionLogQueryDto, ['asOf', 'overdueOn'] as const) {
  @ApiProperty({ maxLength: 40, description: AS_OF_DESCRIPTION, example: '2022-07-01' })
  @IsString()
  @MaxLength(40)
  @IsAsOf()
  asOf!: string;
}
