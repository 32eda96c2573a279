import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { AcknowledgeEscalationCommand } from './acknowledge-escalation.handler';
import { personalNote, PersonalNoteDto } from '../data-subject.dto';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class AcknowledgeEscalationDto extends CommandDto {
  @ApiPropertyOptional({
    description: 'No names of children or families',
    maxLength: 1000,
    example: 'Received; the team manager will reply within the stage timescale',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  note?: string;

  @ApiPropertyOptional({
    type: PersonalNoteDto,
    description: 'A note about one named data subject: encrypted under their key and erased with them',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalNoteDto)
  personalNote?: PersonalNoteDto;
}

@ApiTags('escalations')
@Controller('escalations')
export class AcknowledgeEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/acknowledge')
  @HttpCode(200)
  @Requires('escalations:respond')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'acknowledgeEscalation',
    summary:
      'Acknowledge the current stage, for the agency the escalation concerns (representatives: their own agency only)',
  })
  acknowledge(
    @RecordId('escalationId') escalationId: string,
    @Body() dto: AcknowledgeEscalationDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(
      new AcknowledgeEscalationCommand({ escalationId, note: dto.note, ...personalNote(dto.personalNote) }, ctx),
    );
  }
}
