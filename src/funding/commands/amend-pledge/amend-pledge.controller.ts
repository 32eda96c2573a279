import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { FinancialYearPipe } from '../../http/financial-year';
import { AmendPledgeCommand } from './amend-pledge.command';
import { AmendPledgeDto } from './amend-pledge.dto';

@ApiTags('funding')
@Controller('budgets')
export class AmendPledgeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/pledges/:pledgeId/amendment')
  @HttpCode(200)
  @Requires('funding:pledge')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'amendPledge',
    summary: 'Amend the amount or basis of a pledge, with the reason (representatives: own agency only)',
  })
  amend(
    @Param('financialYear', IdPipe, FinancialYearPipe) financialYear: string,
    @Param('pledgeId', IdPipe) pledgeId: string,
    @Body() dto: AmendPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { amountPence, basis, reason } = dto;
    return this.commands.execute(new AmendPledgeCommand({ financialYear, pledgeId, amountPence, basis, reason }, ctx));
  }
}
