import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsOptional } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText, IsTextList } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../../partners';
import { ThematicReview, type ThematicReviewCommand } from '../../domain/thematic-review';

export class OpenThematicReviewDto extends CommandDto {
  @IsRecordId('Stable id of the thematic review', 'wseb-thematic-2022')
  thematicReviewId!: string;

  @IsText(200, 'What the register calls it', false, false)
  title!: string;

  @IsBusinessDate('The day it was opened (commissioned or reported to the board)', '2022-09-22')
  openedOn!: string;

  @IsTextList('The key areas it looks into', 20)
  areas!: string[];

  @ApiPropertyOptional({ description: 'The board that monitors it (registered first)', example: 'wseb' })
  @IsOptional()
  @IsRecordId()
  boardId?: string;
}

export class OpenThematicReviewCommand extends LedgerCommand<
  CommandData<ThematicReviewCommand, 'open-thematic-review', 'boardRegistered'>
> {}

@CommandHandler(OpenThematicReviewCommand)
export class OpenThematicReviewHandler implements ICommandHandler<OpenThematicReviewCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: OpenThematicReviewCommand) {
    const boardRegistered = data.boardId === undefined || (await this.runner.exists(Board.category, data.boardId));
    const command = { type: 'open-thematic-review' as const, data: { ...data, boardRegistered } };
    return this.runner.run(ThematicReview, data.thematicReviewId, command, ctx);
  }
}

@ApiTags('thematic-reviews')
@Controller('thematic-reviews')
export class OpenThematicReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'assurance:manage', {
    operationId: 'openThematicReview',
    summary: 'Open a strategic thematic review: its findings go to several partners, each answering with its own plan',
  })
  open(@Body() dto: OpenThematicReviewDto, @Ctx() ctx: CommandContext) {
    const { thematicReviewId, title, openedOn, areas, boardId } = dto;
    const data = { thematicReviewId, title, openedOn, areas, ...(boardId ? { boardId } : {}) };
    return this.commands.execute(new OpenThematicReviewCommand(data, ctx));
  }
}
