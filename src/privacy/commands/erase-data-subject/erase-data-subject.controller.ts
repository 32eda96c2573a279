import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { EraseDataSubjectCommand } from './erase-data-subject.handler';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

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
  erase(@RecordId('subjectId') subjectId: string, @Body() dto: EraseDataSubjectDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(
      new EraseDataSubjectCommand({ subjectId, basis: 'request', reason: dto.reason, keyVersion: dto.keyVersion }, ctx),
    );
  }
}
