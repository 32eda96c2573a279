import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RaiseEscalationCommand } from './raise-escalation.command';
import { RaiseEscalationDto } from './raise-escalation.dto';

@ApiTags('escalations')
@Controller('escalations')
export class RaiseEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('escalations:raise')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'raiseEscalation',
    summary:
      "Raise an inter-agency escalation at stage 1 of a protocol's current version (representatives and members: as their own agency)",
  })
  raise(@Body() dto: RaiseEscalationDto, @Ctx() ctx: CommandContext) {
    const { escalationId, protocolId, raisedByPersonId, raisedByAgency, concerningAgency, subject, caseReference } =
      dto;
    const dataSubjects = dto.dataSubjects?.map(({ subjectId, relation, name, dateOfBirth }) => ({
      subjectId,
      relation,
      name,
      ...(dateOfBirth ? { dateOfBirth } : {}),
    }));
    return this.commands.execute(
      new RaiseEscalationCommand(
        {
          escalationId,
          protocolId,
          raisedByPersonId,
          raisedByAgency,
          concerningAgency,
          subject,
          caseReference,
          ...(dataSubjects?.length ? { dataSubjects } : {}),
        },
        ctx,
      ),
    );
  }
}
