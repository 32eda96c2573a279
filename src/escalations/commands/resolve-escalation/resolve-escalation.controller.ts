import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { ResolveEscalationCommand } from './resolve-escalation.handler';
import { IsIn, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { ESCALATION_OUTCOMES, type EscalationOutcome } from '../../domain/escalation';
import { LongText } from '../../../http/text-hygiene';

export class ResolveEscalationDto extends CommandDto {
  @ApiProperty({ enum: ESCALATION_OUTCOMES, description: 'How the disagreement ended' })
  @IsIn(ESCALATION_OUTCOMES)
  outcome!: EscalationOutcome;

  @ApiProperty({
    description: 'What was agreed or why not. No names of children or families.',
    maxLength: 2000,
    example: 'Health assessment date agreed between the team managers',
  })
  @IsString()
  @Length(1, 2000)
  @LongText()
  summary!: string;
}

@ApiTags('escalations')
@Controller('escalations')
export class ResolveEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/resolve')
  @HttpCode(200)
  @Requires('escalations:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'resolveEscalation', summary: 'Resolve with an outcome at the current stage' })
  resolve(
    @RecordId('escalationId') escalationId: string,
    @Body() dto: ResolveEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { outcome, summary } = dto;
    return this.commands.execute(new ResolveEscalationCommand({ escalationId, outcome, summary }, ctx));
  }
}
