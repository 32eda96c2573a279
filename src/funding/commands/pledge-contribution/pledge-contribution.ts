import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { FinancialYearParam } from '../../http/financial-year';
import { BudgetOwnerParam, OwnedBudgetCommand, type BudgetKey } from '../../http/budget-owner';
import { budgetId } from '../../domain/budget-id';
import { IsIn } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { PLEDGE_BASES, type PledgeBasis, Budget, type BudgetCommand } from '../../domain/budget';
import { IsPence } from '../../http/pence.decorator';
import { IsText } from '../../../http/command-fields';
import { assertActsForNamed } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class PledgeContributionDto extends CommandDto {
  @IsRecordId('Stable id of the pledge', 'police-2022-23')
  pledgeId!: string;

  @IsRecordId(
    'The pledging partner (registered first); representatives may pledge only for their own agency',
    'warwickshire-police',
  )
  partnerId!: string;

  @IsPence('Amount pledged', 5_000_000, 1)
  amountPence!: number;

  @ApiProperty({ enum: PLEDGE_BASES, description: "'up-to' is a cap: the partner commits at most this amount" })
  @IsIn(PLEDGE_BASES)
  basis!: PledgeBasis;

  @IsText(1000, 'Where the pledge is recorded (minutes, item, their words) and what of it is illustrative', true)
  source?: string;
}

export class PledgeContributionCommand extends LedgerCommand<
  CommandData<BudgetCommand, 'pledge-contribution', 'partnerExists'>
> {}

@CommandHandler(PledgeContributionCommand)
export class PledgeContributionHandler implements ICommandHandler<PledgeContributionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: PledgeContributionCommand) {
    // A partner representative commits only their own agency's money.
    assertActsForNamed(ctx.actor, 'pledgeContribution', data);
    const partnerExists = await this.runner.exists('partner', data.partnerId);
    return this.runner.run(
      Budget,
      budgetId(data),
      { type: 'pledge-contribution', data: { ...data, partnerExists } },
      ctx,
    );
  }
}

@ApiTags('funding')
@Controller('budgets')
export class PledgeContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/pledges')
  @CommandRoute(201, 'funding:pledge', {
    operationId: 'pledgeContribution',
    summary: "Pledge a partner's contribution to a year's budget (representatives: own agency only)",
  })
  pledge(@FinancialYearParam() financialYear: string, @Body() dto: PledgeContributionDto, @Ctx() ctx: CommandContext) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/pledges')
  @OwnedBudgetCommand(
    'pledgeContributionForOwner',
    "Pledge a partner's contribution to a year's budget",
    'funding:pledge',
  )
  pledgeForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: PledgeContributionDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(key: BudgetKey, dto: PledgeContributionDto, ctx: CommandContext) {
    const { pledgeId, partnerId, amountPence, basis, source } = dto;
    // An absent source stays absent, so a pledge without one records exactly what it did before.
    const data = { ...key, pledgeId, partnerId, amountPence, basis, ...(source === undefined ? {} : { source }) };
    return this.commands.execute(new PledgeContributionCommand(data, ctx));
  }
}
