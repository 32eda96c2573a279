import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsISO8601, IsString, Length, Matches } from 'class-validator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { Partner } from '../../../partners';
import { Budget, type BudgetCommand } from '../../domain/budget';
import { budgetId } from '../../domain/budget-id';
import { BudgetOwnerParam, FundingCommand, OwnedBudgetCommand, type BudgetKey } from '../../http/budget-owner';
import { FinancialYearParam } from '../../http/financial-year';
import { IsPence } from '../../http/pence.decorator';

export class RaiseInvoiceDto extends CommandDto {
  @IsRecordId('Stable id of the invoice', 'police-2022-23-q1-invoice')
  invoiceId!: string;

  @IsRecordId('The partner invoiced (registered first)', 'warwickshire-police')
  partnerId!: string;

  @IsPence('Amount invoiced', 2_500_000, 1)
  amountPence!: number;

  @ApiProperty({ description: 'Date the invoice was raised', example: '2022-05-20', format: 'date' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  raisedOn!: string;

  @ApiProperty({ description: "The invoice's number or reference in the finance system", example: 'INV-004512' })
  @IsString()
  @Length(1, 200)
  reference!: string;
}

export class RaiseInvoiceCommand extends LedgerCommand<CommandData<BudgetCommand, 'raise-invoice', 'partnerExists'>> {}

@CommandHandler(RaiseInvoiceCommand)
export class RaiseInvoiceHandler implements ICommandHandler<RaiseInvoiceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RaiseInvoiceCommand) {
    const partnerExists = await this.runner.exists(Partner.category, data.partnerId);
    return this.runner.run(Budget, budgetId(data), { type: 'raise-invoice', data: { ...data, partnerExists } }, ctx);
  }
}

/** Money asked of a partner, shown beside its pledges and payments (invoiced, paid, invoiced unpaid). */
@ApiTags('funding')
@Controller('budgets')
export class RaiseInvoiceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/invoices')
  @FundingCommand('raiseInvoice', "Record an invoice raised to a partner for its contribution to a year's budget")
  raise(@FinancialYearParam() financialYear: string, @Body() dto: RaiseInvoiceDto, @Ctx() ctx: CommandContext) {
    return this.send({ financialYear }, dto, ctx);
  }

  @Post(':ownerId/:financialYear/invoices')
  @OwnedBudgetCommand('raiseInvoiceForOwner', 'Record an invoice raised to a partner for its contribution')
  raiseForOwner(
    @BudgetOwnerParam() ownerId: string,
    @FinancialYearParam() financialYear: string,
    @Body() dto: RaiseInvoiceDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.send({ ownerId, financialYear }, dto, ctx);
  }

  private send(
    key: BudgetKey,
    { invoiceId, partnerId, amountPence, raisedOn, reference }: RaiseInvoiceDto,
    ctx: CommandContext,
  ) {
    return this.commands.execute(
      new RaiseInvoiceCommand({ ...key, invoiceId, partnerId, amountPence, raisedOn, reference }, ctx),
    );
  }
}
