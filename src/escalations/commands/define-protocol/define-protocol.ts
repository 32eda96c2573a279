import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { AreProtocolStages, toStages, ProtocolStageDto } from '../protocol-stage.dto';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { EscalationProtocol, type EscalationProtocolCommand } from '../../domain/escalation-protocol';
import type { CommandData } from '../../../ledger/aggregate';

export class DefineProtocolDto extends CommandDto {
  @IsRecordId('Stable id of the protocol', 'ws-escalation-protocol')
  protocolId!: string;

  @ApiProperty({ example: 'Warwickshire Safeguarding Escalation Protocol', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @AreProtocolStages('Stages in order: stage 1 first')
  stages!: ProtocolStageDto[];
}

export class DefineProtocolCommand extends LedgerCommand<
  CommandData<EscalationProtocolCommand, 'define-escalation-protocol'>
> {}

@CommandHandler(DefineProtocolCommand)
export class DefineProtocolHandler extends DeciderHandler(
  EscalationProtocol,
  'define-escalation-protocol',
  (data) => data.protocolId,
) {}

@ApiTags('escalations')
@Controller('escalation-protocols')
export class DefineProtocolController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'partners:manage', {
    operationId: 'defineEscalationProtocol',
    summary: 'Define an escalation protocol (version 1): its stages and working-day timescales',
  })
  define(@Body() dto: DefineProtocolDto, @Ctx() ctx: CommandContext) {
    const { protocolId, name, stages } = dto;
    return this.commands.execute(new DefineProtocolCommand({ protocolId, name, stages: toStages(stages) }, ctx));
  }
}
