import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { FinancialYearParam } from '../../http/financial-year';
import { AmendPledgeCommand } from './amend-pledge.handler';
import { IsIn, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { PLEDGE_BASES, type PledgeBasis } from '../../domain/budget';
import { IsPence } from '../../http/pence.decorator';
import { LongText } from '../../../http/text-hygiene';

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
    @FinancialYearParam() financialYear: string,
    @RecordId('pledgeId') pledgeId: string,
    @Body() dto: AmendPledgeDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { amountPence, basis, reason } = dto;
    return this.commands.execute(new AmendPledgeCommand({ financialYear, pledgeId, amountPence, basis, reason }, ctx));
  }
}
