import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { IdPipe } from '../../../http/id.pipe';
import { EraseDataSubjectCommand } from './erase-data-subject.command';
import { EraseDataSubjectDto } from './erase-data-subject.dto';

@ApiTags('personal-data')
@Controller('data-subjects')
export class EraseDataSubjectController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':subjectId/erasure')
  @HttpCode(200)
  @Requires('personal-data:erase')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'eraseDataSubject',
    summary:
      "Erase a data subject's personal data (all key versions, or one): the keys are destroyed and the erasure recorded; the hash chain still verifies",
  })
  erase(@Param('subjectId', IdPipe) subjectId: string, @Body() dto: EraseDataSubjectDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(
      new EraseDataSubjectCommand({ subjectId, basis: 'request', reason: dto.reason, keyVersion: dto.keyVersion }, ctx),
    );
  }
}
