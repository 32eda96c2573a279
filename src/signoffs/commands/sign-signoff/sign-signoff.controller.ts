import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { SignSignoffCommand } from './sign-signoff.command';
import { SignSignoffDto } from './sign-signoff.dto';

@ApiTags('signoffs')
@Controller('signoffs')
export class SignSignoffController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':signoffId/sign')
  @HttpCode(200)
  @Requires('signoffs:sign')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'signSignoff',
    summary: 'Sign the current artefact version for a partner; the last required signature completes the sign-off',
  })
  sign(@Param('signoffId', IdPipe) signoffId: string, @Body() dto: SignSignoffDto, @Ctx() ctx: CommandContext) {
    const { partnerId, signedByPersonId, conditions } = dto;
    return this.commands.execute(new SignSignoffCommand({ signoffId, partnerId, signedByPersonId, conditions }, ctx));
  }
}
