import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { RectifyDataSubjectCommand } from './rectify-data-subject.command';
import { RectifyDataSubjectDto } from './rectify-data-subject.dto';

@ApiTags('escalations', 'personal-data')
@Controller('escalations')
export class RectifyDataSubjectController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':escalationId/data-subjects/:subjectId/rectification')
  @HttpCode(200)
  @Requires('escalations:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'rectifyDataSubject',
    summary:
      "Correct a named person's name or date of birth (UK GDPR rectification): sealed under a new key version, so the wrong value can then be erased alone",
  })
  rectify(
    @Param('escalationId', IdPipe) escalationId: string,
    @Param('subjectId', IdPipe) subjectId: string,
    @Body() dto: RectifyDataSubjectDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { name, dateOfBirth, reason } = dto;
    return this.commands.execute(
      new RectifyDataSubjectCommand(
        {
          escalationId,
          subjectId,
          reason,
          ...(name !== undefined ? { name } : {}),
          ...(dateOfBirth !== undefined ? { dateOfBirth } : {}),
        },
        ctx,
      ),
    );
  }
}
