import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { FinancialYearPipe } from '../../http/financial-year';
import { PledgeContributionCommand } from './pledge-contribution.command';
import { PledgeContributionDto } from './pledge-contribution.dto';

@ApiTags('funding')
@Controller('budgets')
export class PledgeContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':financialYear/pledges')
  @HttpCode(201)
  @Requires('funding:pledge')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'pledgeContribution',
    summary: "Pledge a partner's contribution to a year's budget (representatives: own agency only)",
  })
  pledge(
    @Param('financialYear', IdPipe, FinancialYearPipe) financialYear: string,
    @Body() dto: PledgeContributionDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { pledgeId, partnerId, amountPence, basis } = dto;
    return this.commands.execute(
      new PledgeContributionCommand({ financialYear, pledgeId, partnerId, amountPence, basis }, ctx),
    );
  }
}
