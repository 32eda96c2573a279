import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { UpdatePersonCommand } from './update-person.command';
import { UpdatePersonDto } from './update-person.dto';

@ApiTags('people')
@Controller('people')
export class UpdatePersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':personId/update')
  @HttpCode(200)
  @Requires('partners:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'updatePerson',
    summary: "Change a person's title or the partner they represent from a date (history kept)",
  })
  update(@Param('personId', IdPipe) personId: string, @Body() dto: UpdatePersonDto, @Ctx() ctx: CommandContext) {
    const { effectiveFrom, partnerId, title } = dto;
    return this.commands.execute(new UpdatePersonCommand({ personId, effectiveFrom, partnerId, title }, ctx));
  }
}
