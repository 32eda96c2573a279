import { BadRequestException, PipeTransform, applyDecorators } from '@nestjs/common';
import { ApiProperty } from '../../shared/openapi/deferred-swagger';
import { ValidateBy } from 'class-validator';
import { RecordId } from '../../http/id.pipe';
import { problem } from '../../http/problem';
import { FINANCIAL_YEAR_PATTERN, isFinancialYear } from '../domain/financial-year';

const MESSAGE = 'must be a financial year YYYY-YY with consecutive years, e.g. 2022-23';

/** Body field: the financial year is also the budget's record id, so the demo loader can use stable ids. */
export const IsFinancialYear = () =>
  applyDecorators(
    ApiProperty({
      description: 'Financial year (1 April to 31 March), also the budget id',
      example: '2022-23',
      pattern: FINANCIAL_YEAR_PATTERN.source,
    }),
    ValidateBy({
      name: 'isFinancialYear',
      validator: { validate: isFinancialYear, defaultMessage: () => `$property ${MESSAGE}` },
    }),
  );

/** Route parameter after IdPipe: a year like 2022-24 is a 400, never a lookup. */
export class FinancialYearPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isFinancialYear(value))
      throw new BadRequestException(
        problem(400, 'invalid-financial-year', `The financial year in the path ${MESSAGE}`, {
          detail: value.slice(0, 100),
        }),
      );
    return value;
  }
}

/** The financial year in a path: IdPipe, then FinancialYearPipe, documented with the year's pattern. */
export const FinancialYearParam = (): ParameterDecorator =>
  RecordId(
    'financialYear',
    { pattern: FINANCIAL_YEAR_PATTERN, description: 'Financial year YYYY-YY (also the budget id), e.g. 2022-23' },
    FinancialYearPipe,
  );
