import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { SetBudgetCommand } from './set-budget.handler';
import { BudgetFiguresDto } from '../../http/budget-line.dto';
import { IsFinancialYear } from '../../http/financial-year';

export class SetBudgetDto extends BudgetFiguresDto {
  @IsFinancialYear()
  financialYear!: string;
}

@ApiTags('funding')
@Controller('budgets')
export class SetBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('funding:manage')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'setBudget',
    summary: "Set a financial year's partnership budget and its lines (any remainder is reported as unallocated)",
  })
  set(@Body() dto: SetBudgetDto, @Ctx() ctx: CommandContext) {
    const { financialYear, totalPence, lines } = dto;
    return this.commands.execute(
      new SetBudgetCommand(
        {
          financialYear,
          totalPence,
          lines: lines.map(({ lineId, name, amountPence }) => ({ lineId, name, amountPence })),
        },
        ctx,
      ),
    );
  }
}
