import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { BudgetFiguresDto } from '../../http/budget-line.dto';
import { IsFinancialYear } from '../../http/financial-year';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

export class SetBudgetDto extends BudgetFiguresDto {
  @IsFinancialYear()
  financialYear!: string;
}

export class SetBudgetCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BudgetCommand, 'set-budget'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SetBudgetCommand)
export class SetBudgetHandler implements ICommandHandler<SetBudgetCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: SetBudgetCommand) {
    return this.runner.run(Budget, data.financialYear, { type: 'set-budget', data }, ctx);
  }
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
