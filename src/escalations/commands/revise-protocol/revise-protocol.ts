import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { AreProtocolStages, toStages, ProtocolStageDto } from '../protocol-stage.dto';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { EscalationProtocol, type EscalationProtocolCommand } from '../../domain/escalation-protocol';
import { LongText } from '../../../http/text-hygiene';
import type { CommandData } from '../../../ledger/aggregate';

export class ReviseProtocolDto extends CommandDto {
  @ApiPropertyOptional({ description: 'New name; omit to keep the current one', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @AreProtocolStages('The complete stages of the new version, in order')
  stages!: ProtocolStageDto[];

  @ApiPropertyOptional({ example: 'Timescales lengthened after the 2023 review', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason?: string;
}

export class ReviseProtocolCommand extends LedgerCommand<
  CommandData<EscalationProtocolCommand, 'revise-escalation-protocol'>
> {}

@CommandHandler(ReviseProtocolCommand)
export class ReviseProtocolHandler extends DeciderHandler(
  EscalationProtocol,
  'revise-escalation-protocol',
  (data) => data.protocolId,
) {}

@ApiTags('escalations')
@Controller('escalation-protocols')
export class ReviseProtocolController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':protocolId/revise')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'reviseEscalationProtocol',
    summary: 'Revise a protocol as a new version (escalations already raised keep their version)',
  })
  revise(@RecordId('protocolId') protocolId: string, @Body() dto: ReviseProtocolDto, @Ctx() ctx: CommandContext) {
    const { name, stages, reason } = dto;
    return this.commands.execute(
      new ReviseProtocolCommand({ protocolId, name, stages: toStages(stages), reason }, ctx),
    );
  }
}
