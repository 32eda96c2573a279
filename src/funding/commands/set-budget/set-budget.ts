import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { BudgetFiguresDto } from '../../http/budget-line.dto';
import { IsFinancialYear } from '../../http/financial-year';
import { IsBudgetOwner, ownerFact, ownerField } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

export class SetBudgetDto extends BudgetFiguresDto {
  @IsFinancialYear()
  financialYear!: string;

  @IsBudgetOwner()
  ownerId?: string;
}

export class SetBudgetCommand extends LedgerCommand<CommandData<BudgetCommand, 'set-budget', 'ownerExists'>> {}

@CommandHandler(SetBudgetCommand)
export class SetBudgetHandler implements ICommandHandler<SetBudgetCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SetBudgetCommand) {
    const owner = await ownerFact(this.runner, data.ownerId);
    return this.runner.run(Budget, budgetId(data), { type: 'set-budget', data: { ...data, ...owner } }, ctx);
  }
}

@ApiTags('funding')
@Controller('budgets')
export class SetBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'funding:manage', {
    operationId: 'setBudget',
    summary:
      "Set a financial year's budget and its lines (any remainder is reported as unallocated): a board's with ownerId, else the partnership's",
  })
  set(@Body() dto: SetBudgetDto, @Ctx() ctx: CommandContext) {
    const { financialYear, totalPence, lines, ownerId } = dto;
    return this.commands.execute(
      new SetBudgetCommand(
        {
          ...ownerField(ownerId),
          financialYear,
          totalPence,
          lines: lines.map(({ lineId, name, amountPence }) => ({ lineId, name, amountPence })),
        },
        ctx,
      ),
    );
  }
}
