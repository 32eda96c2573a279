import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { FinancialYearParam } from '../../http/financial-year';
import { WithdrawPledgeCommand } from './withdraw-pledge.handler';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class WithdrawPledgeDto extends CommandDto {
  @ApiProperty({ example: 'Contribution not approved by the force finance board', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

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
    @FinancialYearParam() financialYear: string,
    @RecordId('pledgeId') pledgeId: string,
    @Body() dto: WithdrawPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new WithdrawPledgeCommand({ financialYear, pledgeId, reason: dto.reason }, ctx));
  }
}
