import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { FinancialYearParam } from '../../http/financial-year';
import { BudgetOwnerParam, OwnedBudgetCommand, type BudgetKey } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { IsString, Length } from 'class-validator';
import { BudgetFiguresDto } from '../../http/budget-line.dto';
import { LongText } from '../../../http/text-hygiene';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

/** A revision restates the whole budget (total and lines) and says why, so the ledger shows before and after. */
export class ReviseBudgetDto extends BudgetFiguresDto {
  @ApiProperty({ example: 'Police contribution reduced; reviews line cut to match', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

export class ReviseBudgetCommand extends LedgerCommand<CommandData<BudgetCommand, 'revise-budget'>> {}

@CommandHandler(ReviseBudgetCommand)
export class ReviseBudgetHandler extends DeciderHandler(Budget, 'revise-budget', budgetId) {}

@ApiTags('funding')
@Controller('budgets')
export class ReviseBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/revision')
  @CommandRoute(200, 'funding:manage', {
    operationId: 'reviseBudget',
    summary: "Revise a year's budget, with the reason (the original stays in the ledger)",
  })
  revise(@FinancialYearParam() financialYear: string, @Body() dto: ReviseBudgetDto, @Ctx() ctx: CommandContext) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/revision')
  @OwnedBudgetCommand('reviseBudgetForOwner', "Revise a year's budget, with the reason", 'funding:manage', 200)
  reviseForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: ReviseBudgetDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(key: BudgetKey, dto: ReviseBudgetDto, ctx: CommandContext) {
    const { totalPence, lines, reason } = dto;
    return this.commands.execute(
      new ReviseBudgetCommand(
        {
          ...key,
          totalPence,
          lines: lines.map(({ lineId, name, amountPence }) => ({ lineId, name, amountPence })),
          reason,
        },
        ctx,
      ),
    );
  }
}
