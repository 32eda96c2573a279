import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { FinancialYearPipe } from '../../http/financial-year';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';
import { WithdrawPledgeDto } from './withdraw-pledge.dto';

@ApiTags('funding')
@Controller('budgets')
export class WithdrawPledgeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/pledges/:pledgeId/withdrawal')
  @HttpCode(200)
  @Requires('funding:pledge')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'withdrawPledge',
    summary: 'Withdraw a pledge with nothing paid against it, with the reason (representatives: own agency only)',
  })
  withdraw(
    @Param('financialYear', IdPipe, FinancialYearPipe) financialYear: string,
    @Param('pledgeId', IdPipe) pledgeId: string,
    @Body() dto: WithdrawPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new WithdrawPledgeCommand({ financialYear, pledgeId, reason: dto.reason }, ctx));
  }
}
