import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RegisterPartnerCommand } from './register-partner.command';
import { RegisterPartnerDto } from './register-partner.dto';

@ApiTags('partners')
@Controller('partners')
export class RegisterPartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('partners:manage')
  @CommandEndpoint(201)
  @ApiOperation({ operationId: 'registerPartner', summary: 'Register a partner agency' })
  register(@Body() dto: RegisterPartnerDto, @Ctx() ctx: CommandContext) {
    const { partnerId, name, kind, statutory } = dto;
    return this.commands.execute(new RegisterPartnerCommand({ partnerId, name, kind, statutory }, ctx));
  }
}
