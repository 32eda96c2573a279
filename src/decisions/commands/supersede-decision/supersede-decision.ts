import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';
import { Decision, type DecisionCommand } from '../../domain/decision';
import type { CommandData } from '../../../ledger/aggregate';

export class SupersedeDecisionDto extends CommandDto {
  @IsRecordId('The later decision that replaces this one (recorded first)', 'wseb-2022-09-22-d3')
  supersededByDecisionId!: string;

  @ApiProperty({ example: 'The revised training proposal replaces the earlier one', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @LongText()
  reason!: string;
}

export class SupersedeDecisionCommand extends LedgerCommand<
  CommandData<DecisionCommand, 'supersede-decision', 'supersedingExists'>
> {}

@CommandHandler(SupersedeDecisionCommand)
export class SupersedeDecisionHandler implements ICommandHandler<SupersedeDecisionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SupersedeDecisionCommand) {
    // The superseding decision is another stream: the decider only needs to know it exists.
    const supersedingExists = await this.runner.exists(Decision.category, data.supersededByDecisionId);
    return this.runner.run(
      Decision,
      data.decisionId,
      { type: 'supersede-decision', data: { ...data, supersedingExists } },
      ctx,
    );
  }
}

@ApiTags('decisions')
@Controller('decisions')
export class SupersedeDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':decisionId/supersede')
  @CommandRoute(200, 'decisions:record', {
    operationId: 'supersedeDecision',
    summary: 'Record that a later decision supersedes this one',
  })
  supersede(@RecordId('decisionId') decisionId: string, @Body() dto: SupersedeDecisionDto, @Ctx() ctx: CommandContext) {
    const { supersededByDecisionId, reason } = dto;
    return this.commands.execute(new SupersedeDecisionCommand({ decisionId, supersededByDecisionId, reason }, ctx));
  }
}
