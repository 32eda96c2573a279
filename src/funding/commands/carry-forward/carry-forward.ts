import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { IsString, Length } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';
import { businessDate } from '../../../ledger/business-date';
import { CLOCK, type Clock } from '../../../shared/clock';
import { Budget, type BudgetCommand } from '../../domain/budget';
import { FinancialYearParam } from '../../http/financial-year';
import { BudgetOwnerParam, OwnedBudgetCommand, ownerFact, type BudgetKey } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { IsPence } from '../../http/pence.decorator';

export class CarryForwardDto extends CommandDto {
  @IsPence('Balance carried into the next financial year', 4_704_300, 1)
  amountPence!: number;

  @ApiProperty({ description: 'The document the figure is taken from', example: 'WSCB annual report 2016-17, Budget' })
  @IsString()
  @Length(1, 1000)
  @LongText()
  source!: string;
}

export class CarryForwardCommand extends LedgerCommand<
  CommandData<BudgetCommand, 'carry-forward', 'facts' | 'ownerExists'>
> {}

@CommandHandler(CarryForwardCommand)
export class CarryForwardHandler implements ICommandHandler<CarryForwardCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ data, ctx }: CarryForwardCommand) {
    const facts = { decidedOn: businessDate(ctx, this.clock) };
    const owner = await ownerFact(this.runner, data.ownerId);
    return this.runner.run(Budget, budgetId(data), { type: 'carry-forward', data: { ...data, ...owner, facts } }, ctx);
  }
}

@ApiTags('funding')
@Controller('budgets')
export class CarryForwardController {
  constructor(private readonly commands: CommandBus) {}

  /** One event on the closing year's stream; the budget view shows it in both years. */
  @Post(':financialYear/carry-forward')
  @CommandRoute(201, 'funding:manage', {
    operationId: 'carryForward',
    summary:
      "Carry a closed year's balance into the next year, once (a year before the ledger may carry its stated balance without closing)",
  })
  carry(@FinancialYearParam() financialYear: string, @Body() dto: CarryForwardDto, @Ctx() ctx: CommandContext) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/carry-forward')
  @OwnedBudgetCommand('carryForwardForOwner', "Carry a closed year's balance into the same board's next year, once")
  carryForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: CarryForwardDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(key: BudgetKey, { amountPence, source }: CarryForwardDto, ctx: CommandContext) {
    return this.commands.execute(new CarryForwardCommand({ ...key, amountPence, source }, ctx));
  }
}
