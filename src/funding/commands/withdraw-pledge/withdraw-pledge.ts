import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { FinancialYearParam } from '../../http/financial-year';
import { BudgetOwnerParam, OwnedBudgetCommand } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

export class WithdrawPledgeDto extends CommandDto {
  @ApiProperty({ example: 'Contribution not approved by the force finance board', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

export class WithdrawPledgeCommand extends LedgerCommand<CommandData<BudgetCommand, 'withdraw-pledge'>> {}

@CommandHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: WithdrawPledgeCommand) {
    // Only the budget knows whose pledge this is (a pledge never changes partner, so reading it first is safe);
    // a missing pledge is left to the decider to refuse.
    const pledge = (await this.runner.load(Budget, budgetId(data))).state.pledges[data.pledgeId];
    assertMayActFor(ctx.actor, 'withdrawPledge', pledge && [pledge.partnerId]);
    return this.runner.run(Budget, budgetId(data), { type: 'withdraw-pledge', data }, ctx);
  }
}

@ApiTags('funding')
@Controller('budgets')
export class WithdrawPledgeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/pledges/:pledgeId/withdrawal')
  @CommandRoute(200, 'funding:pledge', {
    operationId: 'withdrawPledge',
    summary: 'Withdraw a pledge with nothing paid against it, with the reason (representatives: own agency only)',
  })
  withdraw(
    @FinancialYearParam() financialYear: string,
    @RecordId('pledgeId') pledgeId: string,
    @Body() dto: WithdrawPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new WithdrawPledgeCommand({ financialYear, pledgeId, reason: dto.reason }, ctx));
  }

  @Post(':ownerId/:financialYear/pledges/:pledgeId/withdrawal')
  @OwnedBudgetCommand('withdrawPledgeForOwner', 'Withdraw a pledge with nothing paid against it', 'funding:pledge', 200)
  withdrawForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @RecordId('pledgeId') pledgeId: string,
    @Body() dto: WithdrawPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(
      new WithdrawPledgeCommand({ ownerId, financialYear, pledgeId, reason: dto.reason }, ctx),
    );
  }
}
