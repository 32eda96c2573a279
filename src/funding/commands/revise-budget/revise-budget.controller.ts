import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { FinancialYearParam } from '../../http/financial-year';
import { ReviseBudgetCommand } from './revise-budget.handler';
import { IsString, Length } from 'class-validator';
import { BudgetFiguresDto } from '../../http/budget-line.dto';
import { LongText } from '../../../http/text-hygiene';

/** A revision restates the whole budget (total and lines) and says why, so the ledger shows before and after. */
export class ReviseBudgetDto extends BudgetFiguresDto {
  @ApiProperty({ example: 'Police contribution reduced; reviews line cut to match', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

@ApiTags('funding')
@Controller('budgets')
export class ReviseBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/revision')
  @HttpCode(200)
  @Requires('funding:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'reviseBudget',
    summary: "Revise a year's budget, with the reason (the original stays in the ledger)",
  })
  revise(@FinancialYearParam() financialYear: string, @Body() dto: ReviseBudgetDto, @Ctx() ctx: CommandContext) {
    const { totalPence, lines, reason } = dto;
    return this.commands.execute(
      new ReviseBudgetCommand(
        {
          financialYear,
          totalPence,
          lines: lines.map(({ lineId, name, amountPence }) => ({ lineId, name, amountPence })),
          reason,
        },
        ctx,
      ),
    );
  }
}
