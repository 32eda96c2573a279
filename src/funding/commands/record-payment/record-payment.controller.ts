import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { FinancialYearPipe } from '../../http/financial-year';
import { RecordPaymentCommand } from './record-payment.command';
import { RecordPaymentDto } from './record-payment.dto';

@ApiTags('funding')
@Controller('budgets')
export class RecordPaymentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/payments')
  @HttpCode(201)
  @Requires('funding:manage')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'recordPayment',
    summary: "Record money received from a partner towards a year's budget, optionally against a pledge",
  })
  record(
    @Param('financialYear', IdPipe, FinancialYearPipe) financialYear: string,
    @Body() dto: RecordPaymentDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { paymentId, partnerId, amountPence, receivedOn, pledgeId } = dto;
    return this.commands.execute(
      new RecordPaymentCommand(
        { financialYear, paymentId, partnerId, amountPence, receivedOn, ...(pledgeId ? { pledgeId } : {}) },
        ctx,
      ),
    );
  }
}
