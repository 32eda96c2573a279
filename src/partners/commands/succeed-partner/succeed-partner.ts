import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsISO8601 } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { Partner, type PartnerCommand } from '../../domain/partner';
import type { CommandData } from '../../../ledger/aggregate';

export class SucceedPartnerDto extends CommandDto {
  @IsRecordId('The partner that takes over (registered first)', 'cw-icb')
  successorId!: string;

  @ApiProperty({ example: '2022-07-01' })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;
}

export class SucceedPartnerCommand extends LedgerCommand<
  CommandData<PartnerCommand, 'succeed-partner', 'successorExists'>
> {}

@CommandHandler(SucceedPartnerCommand)
export class SucceedPartnerHandler implements ICommandHandler<SucceedPartnerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SucceedPartnerCommand) {
    // The successor is another aggregate: read its state and hand the fact to the pure decider.
    const successor = await this.runner.load(Partner, data.successorId);
    return this.runner.run(
      Partner,
      data.partnerId,
      { type: 'succeed-partner', data: { ...data, successorExists: successor.state.exists } },
      ctx,
    );
  }
}

@ApiTags('partners')
@Controller('partners')
export class SucceedPartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partnerId/succession')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'succeedPartner',
    summary: 'Record that another partner succeeds this one from a date (e.g. CCG to ICB)',
  })
  succeed(@RecordId('partnerId') partnerId: string, @Body() dto: SucceedPartnerDto, @Ctx() ctx: CommandContext) {
    const { successorId, effectiveFrom } = dto;
    return this.commands.execute(new SucceedPartnerCommand({ partnerId, successorId, effectiveFrom }, ctx));
  }
}
