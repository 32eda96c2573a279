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
import { IsISO8601 } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsOptionalRecordId } from '../../../http/optional-record-id';
import { IsRecordId } from '../../../http/ids';
import { IsPence } from '../../http/pence.decorator';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

export class RecordPaymentDto extends CommandDto {
  @IsRecordId('Stable id of the payment', 'police-2022-23-q1')
  paymentId!: string;

  @IsRecordId('The paying partner (registered first)', 'warwickshire-police')
  partnerId!: string;

  @IsPence('Amount received', 2_500_000, 1)
  amountPence!: number;

  @ApiProperty({ description: 'Date the money arrived', example: '2022-06-01', format: 'date' })
  @IsISO8601({ strict: true })
  receivedOn!: string;

  @IsOptionalRecordId(
    "The pledge this pays (must be the same partner's, not withdrawn, and not overpaid)",
    'police-2022-23',
  )
  pledgeId?: string;
}

export class RecordPaymentCommand extends LedgerCommand<
  CommandData<BudgetCommand, 'record-payment', 'partnerExists'>
> {}

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordPaymentCommand) {
    // Money received is recorded for the partner that paid it (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'recordPayment', data);
    const partnerExists = await this.runner.exists('partner', data.partnerId);
    return this.runner.run(Budget, budgetId(data), { type: 'record-payment', data: { ...data, partnerExists } }, ctx);
  }
}

@ApiTags('funding')
@Controller('budgets')
export class RecordPaymentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/payments')
  @CommandRoute(201, 'funding:manage', {
    operationId: 'recordPayment',
    summary: "Record money received from a partner towards a year's budget, optionally against a pledge",
  })
  record(@FinancialYearParam() financialYear: string, @Body() dto: RecordPaymentDto, @Ctx() ctx: CommandContext) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/payments')
  @OwnedBudgetCommand('recordPaymentForOwner', "Record money received from a partner towards a year's budget")
  recordForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: RecordPaymentDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(key: BudgetKey, dto: RecordPaymentDto, ctx: CommandContext) {
    const { paymentId, partnerId, amountPence, receivedOn, pledgeId } = dto;
    return this.commands.execute(
      new RecordPaymentCommand(
        { ...key, paymentId, partnerId, amountPence, receivedOn, ...(pledgeId ? { pledgeId } : {}) },
        ctx,
      ),
    );
  }
}
