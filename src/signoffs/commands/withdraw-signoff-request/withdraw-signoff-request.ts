import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class WithdrawSignoffRequestDto extends CommandDto {
  @ApiProperty({ example: 'The report is replaced by a combined partnership report', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}

export class WithdrawSignoffRequestCommand extends LedgerCommand<
  CommandData<SignoffCommand, 'withdraw-signoff-request'>
> {}

@CommandHandler(WithdrawSignoffRequestCommand)
export class WithdrawSignoffRequestHandler extends DeciderHandler(
  Signoff,
  'withdraw-signoff-request',
  (data) => data.signoffId,
) {}

@ApiTags('signoffs')
@Controller('signoffs')
export class WithdrawSignoffRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':signoffId/withdraw')
  @CommandRoute(200, 'signoffs:request', {
    operationId: 'withdrawSignoffRequest',
    summary: 'Withdraw the whole sign-off request with a reason; nothing more can be signed',
  })
  withdraw(
    @RecordId('signoffId') signoffId: string,
    @Body() dto: WithdrawSignoffRequestDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new WithdrawSignoffRequestCommand({ signoffId, reason: dto.reason }, ctx));
  }
}
