import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { RenamePartnerCommand } from './rename-partner.command';
import { RenamePartnerDto } from './rename-partner.dto';

@ApiTags('partners')
@Controller('partners')
export class RenamePartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partnerId/rename')
  @HttpCode(200)
  @Requires('partners:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'renamePartner',
    summary: 'Rename a partner from a date (history keeps the old name before it)',
  })
  rename(@Param('partnerId', IdPipe) partnerId: string, @Body() dto: RenamePartnerDto, @Ctx() ctx: CommandContext) {
    const { name, effectiveFrom, reason } = dto;
    return this.commands.execute(new RenamePartnerCommand({ partnerId, name, effectiveFrom, reason }, ctx));
  }
}
