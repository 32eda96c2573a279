import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { EscalateEscalationCommand } from './escalate-escalation.handler';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class EscalateEscalationDto extends CommandDto {
  @ApiProperty({
    description: 'Why it moves to the next stage. No names of children or families.',
    maxLength: 1000,
    example: 'Not resolved within the 2 working days of stage 1',
  })
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason!: string;
}

@ApiTags('escalations')
@Controller('escalations')
export class EscalateEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/escalate')
  @HttpCode(200)
  @Requires('escalations:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'escalateEscalation',
    summary: 'Move to the next stage of its protocol version (stages never go backwards; refused after the last)',
  })
  escalate(
    @RecordId('escalationId') escalationId: string,
    @Body() dto: EscalateEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new EscalateEscalationCommand({ escalationId, reason: dto.reason }, ctx));
  }
}
