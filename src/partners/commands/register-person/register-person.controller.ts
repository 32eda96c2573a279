import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RegisterPersonCommand } from './register-person.command';
import { RegisterPersonDto } from './register-person.dto';

@ApiTags('people')
@Controller('people')
export class RegisterPersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Requires('partners:manage')
  @CommandEndpoint(201)
  @ApiOperation({
    operationId: 'registerPerson',
    summary: 'Register a person and the partner they represent (keyed by a name slug, never initials)',
  })
  register(@Body() dto: RegisterPersonDto, @Ctx() ctx: CommandContext) {
    const { personId, name, partnerId, title } = dto;
    return this.commands.execute(new RegisterPersonCommand({ personId, name, partnerId, title }, ctx));
  }
}
