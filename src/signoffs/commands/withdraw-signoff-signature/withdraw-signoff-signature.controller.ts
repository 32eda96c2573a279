import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { WithdrawSignoffSignatureCommand } from './withdraw-signoff-signature.handler';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';

export class WithdrawSignoffSignatureDto extends CommandDto {
  @IsRecordId('The partner whose signature is withdrawn (representatives: their own agency)', 'warwickshire-police')
  partnerId!: string;

  @ApiProperty({ example: 'The performance figures changed after we signed', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}

@ApiTags('signoffs')
@Controller('signoffs')
export class WithdrawSignoffSignatureController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':signoffId/withdraw-signature')
  @HttpCode(200)
  @Requires('signoffs:sign')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'withdrawSignoffSignature',
    summary: "Withdraw a partner's signature with a reason (a completed sign-off reopens)",
  })
  withdraw(
    @RecordId('signoffId') signoffId: string,
    @Body() dto: WithdrawSignoffSignatureDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { partnerId, reason } = dto;
    return this.commands.execute(new WithdrawSignoffSignatureCommand({ signoffId, partnerId, reason }, ctx));
  }
}
