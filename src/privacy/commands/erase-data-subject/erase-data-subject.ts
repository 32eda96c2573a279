import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { DataSubject, type DataSubjectCommand } from '../../domain/data-subject';
import { PersonalDataCipher } from '../../personal-data-cipher';
import type { CommandData } from '../../../ledger/aggregate';

export class EraseDataSubjectDto extends CommandDto {
  @ApiProperty({
    description:
      "Why the data is erased (e.g. the request reference). Never the person's name: this is recorded for ever.",
    maxLength: 500,
    example: 'Erasure request DPR-2023-014 upheld',
  })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;

  @ApiPropertyOptional({
    description: 'Erase one key version only (e.g. the one a rectification superseded); all versions when absent',
    minimum: 1,
    maximum: 1_000_000,
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  keyVersion?: number;
}

export class EraseDataSubjectCommand extends LedgerCommand<
  CommandData<DataSubjectCommand, 'erase-data-subject', 'liveVersions'>
> {}

@CommandHandler(EraseDataSubjectCommand)
export class EraseDataSubjectHandler implements ICommandHandler<EraseDataSubjectCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ data, ctx }: EraseDataSubjectCommand) {
    // The live key versions are a fact of the key store, handed to the decider like another aggregate's state.
    const result = await this.runner.run(
      DataSubject,
      data.subjectId,
      { type: 'erase-data-subject', data: { ...data, liveVersions: await this.cipher.liveVersions(data.subjectId) } },
      ctx,
    );
    // Keys are destroyed only AFTER the erasure is recorded: a refused or stale command (412) destroys nothing.
    // The recorded event is the durable instruction: an idempotent retry lands here again, and PrivacyModule
    // re-applies every recorded erasure at start, so a crash between append and destroy cannot leave a key behind.
    const recorded = await this.runner.load(DataSubject, data.subjectId);
    for (const v of recorded.state.erasedVersions) await this.cipher.erase(data.subjectId, v);
    return result;
  }
}

@ApiTags('personal-data')
@Controller('data-subjects')
export class EraseDataSubjectController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':subjectId/erasure')
  @CommandRoute(200, 'personal-data:erase', {
    operationId: 'eraseDataSubject',
    summary:
      "Erase a data subject's personal data (all key versions, or one): the keys are destroyed and the erasure recorded; the hash chain still verifies",
  })
  erase(@RecordId('subjectId') subjectId: string, @Body() dto: EraseDataSubjectDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(
      new EraseDataSubjectCommand({ subjectId, basis: 'request', reason: dto.reason, keyVersion: dto.keyVersion }, ctx),
    );
  }
}
