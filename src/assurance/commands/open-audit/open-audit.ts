import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText, IsTextList } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../../partners';
import { MultiAgencyAudit, type MultiAgencyAuditCommand } from '../../domain/multi-agency-audit';

export class OpenAuditDto extends CommandDto {
  @IsRecordId('Stable id of the audit', 'mash-front-door-2022')
  auditId!: string;

  @IsText(200, 'What the register calls it', false, false)
  title!: string;

  @IsBusinessDate('The day the board agreed it', '2022-09-22')
  openedOn!: string;

  @IsTextList('The themes it tests', 20)
  themes!: string[];

  @IsText(2000, 'How its templates were designed', true)
  templates?: string;

  @IsText(2000, 'Who coordinates it (e.g. the working group)', true)
  workingGroup?: string;

  @ApiPropertyOptional({ description: "Last round's return rate as reported, in per cent", example: 74 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  previousReturnRate?: number;

  @ApiPropertyOptional({ description: 'The board that commissioned it (registered first)', example: 'wseb' })
  @IsOptional()
  @IsRecordId()
  boardId?: string;
}

export class OpenAuditCommand extends LedgerCommand<
  CommandData<MultiAgencyAuditCommand, 'open-audit', 'boardRegistered'>
> {}

@CommandHandler(OpenAuditCommand)
export class OpenAuditHandler implements ICommandHandler<OpenAuditCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: OpenAuditCommand) {
    const boardRegistered = data.boardId === undefined || (await this.runner.exists(Board.category, data.boardId));
    return this.runner.run(
      MultiAgencyAudit,
      data.auditId,
      { type: 'open-audit', data: { ...data, boardRegistered } },
      ctx,
    );
  }
}

@ApiTags('multi-agency-audits')
@Controller('multi-agency-audits')
export class OpenAuditController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'assurance:manage', {
    operationId: 'openMultiAgencyAudit',
    summary: 'Open a multi-agency audit (e.g. of the MASH/front door) with its themes, templates and working group',
  })
  open(@Body() dto: OpenAuditDto, @Ctx() ctx: CommandContext) {
    const { auditId, title, openedOn, themes, templates, workingGroup, previousReturnRate, boardId } = dto;
    const data = {
      auditId,
      title,
      openedOn,
      themes,
      ...(templates ? { templates } : {}),
      ...(workingGroup ? { workingGroup } : {}),
      ...(previousReturnRate !== undefined ? { previousReturnRate } : {}),
      ...(boardId ? { boardId } : {}),
    };
    return this.commands.execute(new OpenAuditCommand(data, ctx));
  }
}
