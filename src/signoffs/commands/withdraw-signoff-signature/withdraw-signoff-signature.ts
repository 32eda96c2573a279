import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class WithdrawSignoffSignatureDto extends CommandDto {
  @IsRecordId('The partner whose signature is withdrawn (representatives: their own agency)', 'warwickshire-police')
  partnerId!: string;

  @ApiProperty({ example: 'The performance figures changed after we signed', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}

export class WithdrawSignoffSignatureCommand extends LedgerCommand<
  CommandData<SignoffCommand, 'withdraw-signoff-signature'>
> {}

@CommandHandler(WithdrawSignoffSignatureCommand)
export class WithdrawSignoffSignatureHandler implements ICommandHandler<WithdrawSignoffSignatureCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: WithdrawSignoffSignatureCommand) {
    // Only the agency that signed (or the secretariat) may take its signature back.
    assertActsForNamed(ctx.actor, 'withdrawSignoffSignature', data);
    return this.runner.run(Signoff, data.signoffId, { type: 'withdraw-signoff-signature', data }, ctx);
  }
}

@ApiTags('signoffs')
@Controller('signoffs')
export class WithdrawSignoffSignatureController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':signoffId/withdraw-signature')
  @CommandRoute(200, 'signoffs:sign', {
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
