import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { AddAgendaItemCommand } from './add-agenda-item.command';
import { AddAgendaItemDto } from './add-agenda-item.dto';

@ApiTags('meetings')
@Controller('meetings')
export class AddAgendaItemController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':meetingId/agenda-items')
  @HttpCode(200)
  @Requires('meetings:record')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'addAgendaItem', summary: 'Add a numbered item to the meeting agenda' })
  add(@Param('meetingId', IdPipe) meetingId: string, @Body() dto: AddAgendaItemDto, @Ctx() ctx: CommandContext) {
    const { itemNumber, label, title, presenterPersonId } = dto;
    return this.commands.execute(
      new AddAgendaItemCommand({ meetingId, itemNumber, label, title, presenterPersonId }, ctx),
    );
  }
}
