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
import { BudgetOwnerParam, OwnedBudgetCommand, type BudgetKey } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { IsIn, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { PLEDGE_BASES, type PledgeBasis, Budget, type BudgetCommand } from '../../domain/budget';
import { IsPence } from '../../http/pence.decorator';
import { LongText } from '../../../http/text-hygiene';
import { assertMayActFor } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class AmendPledgeDto extends CommandDto {
  @IsPence('New amount pledged (not below what has already been paid against it)', 700_000, 1)
  amountPence!: number;

  @ApiProperty({ enum: PLEDGE_BASES, description: "'up-to' is a cap: the partner commits at most this amount" })
  @IsIn(PLEDGE_BASES)
  basis!: PledgeBasis;

  @ApiProperty({ example: 'Capped at £7,000 as agreed at the September board', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

export class AmendPledgeCommand extends LedgerCommand<CommandData<BudgetCommand, 'amend-pledge'>> {}

@CommandHandler(AmendPledgeCommand)
export class AmendPledgeHandler implements ICommandHandler<AmendPledgeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AmendPledgeCommand) {
    // Only the budget knows whose pledge this is (a pledge never changes partner, so reading it first is safe);
    // a missing pledge is left to the decider to refuse.
    const pledge = (await this.runner.load(Budget, budgetId(data))).state.pledges[data.pledgeId];
    assertMayActFor(ctx.actor, 'amendPledge', pledge && [pledge.partnerId]);
    return this.runner.run(Budget, budgetId(data), { type: 'amend-pledge', data }, ctx);
  }
}

@ApiTags('funding')
@Controller('budgets')
export class AmendPledgeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/pledges/:pledgeId/amendment')
  @CommandRoute(200, 'funding:pledge', {
    operationId: 'amendPledge',
    summary: 'Amend the amount or basis of a pledge, with the reason (representatives: own agency only)',
  })
  amend(
    @FinancialYearParam() financialYear: string,
    @RecordId('pledgeId') pledgeId: string,
    @Body() dto: AmendPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ financialYear }, pledgeId, dto, ctx);
  }

  @Post(':ownerId/:financialYear/pledges/:pledgeId/amendment')
  @OwnedBudgetCommand('amendPledgeForOwner', 'Amend the amount or basis of a pledge', 'funding:pledge', 200)
  amendForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @RecordId('pledgeId') pledgeId: string,
    @Body() dto: AmendPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, pledgeId, dto, ctx);
  }

  private send(key: BudgetKey, pledgeId: string, dto: AmendPledgeDto, ctx: CommandContext) {
    const { amountPence, basis, reason } = dto;
    return this.commands.execute(new AmendPledgeCommand({ ...key, pledgeId, amountPence, basis, reason }, ctx));
  }
}
