import { applyDecorators, Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../../partners';
import { ReviewActivity, type ActivityCount, type ReviewActivityCommand } from '../../domain/review-activity';
import { IsText } from '../case-review-fields';

/** A count the report gives: a non-negative integer. */
const Count = (description: string, required = false) =>
  applyDecorators(
    required ? ApiProperty({ description, minimum: 0, example: 8 }) : ApiPropertyOptional({ description, minimum: 0 }),
    ...(required ? [] : [IsOptional()]),
    IsInt(),
    Min(0),
    Max(100_000),
  );

/** One count as the report states it: parts are optional; given together, they must make the total. */
export class ActivityCountDto {
  @Count('The total the report gives', true) total!: number;
  @Count('Of which adult cases') adult?: number;
  @Count("Of which children's cases") children?: number;
  @Count('Of which joint (adult and children) reviews') joint?: number;
  @Count('A different figure the same source states elsewhere for this count (kept, not used)')
  statedElsewhere?: number;
}

export class ActivityCiteDto {
  @IsText(200, 'The source document', false, false) document!: string;
  @IsText(1000, 'Where in it the figure is stated') where!: string;
}

export class RecordReviewActivityDto extends CommandDto {
  @IsRecordId('Stable id of the record', 'ws-review-activity-2019-20')
  activityId!: string;

  @IsRecordId('The board whose activity it is (registered first)', 'wseb')
  boardId!: string;

  @ApiProperty({ description: 'The reporting year, YYYY-YY', example: '2019-20' })
  @IsString()
  @Matches(/^\d{4}-\d{2}$/, { message: '$property must be a reporting year YYYY-YY' })
  period!: string;

  @ApiProperty({ type: ActivityCountDto, description: 'Referrals for review' })
  @IsObject()
  @ValidateNested()
  @Type(() => ActivityCountDto)
  referrals!: ActivityCountDto;

  @ApiProperty({ type: ActivityCountDto, description: 'Rapid reviews conducted' })
  @IsObject()
  @ValidateNested()
  @Type(() => ActivityCountDto)
  rapidReviews!: ActivityCountDto;

  @ApiProperty({ type: ActivityCountDto, description: 'Full reviews (CSPRs, SARs) commissioned or under way' })
  @IsObject()
  @ValidateNested()
  @Type(() => ActivityCountDto)
  fullReviews!: ActivityCountDto;

  @IsText(500, 'The source the counts come from (e.g. the annual report)')
  source!: string;

  @ApiProperty({ type: [ActivityCiteDto], minItems: 1, maxItems: 20, description: 'Where each figure is stated' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ActivityCiteDto)
  cites!: ActivityCiteDto[];

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'What a reader should know about the figures' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  notes?: string[];
}

export class RecordReviewActivityCommand extends LedgerCommand<
  CommandData<ReviewActivityCommand, 'record-review-activity', 'boardRegistered'>
> {}

@CommandHandler(RecordReviewActivityCommand)
export class RecordReviewActivityHandler implements ICommandHandler<RecordReviewActivityCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordReviewActivityCommand) {
    const boardRegistered = await this.runner.exists(Board.category, data.boardId);
    return this.runner.run(
      ReviewActivity,
      data.activityId,
      { type: 'record-review-activity', data: { ...data, boardRegistered } },
      ctx,
    );
  }
}

/** The DTO's own fields only (a class instance would carry nothing else, but the event holds plain data). */
const plainCount = ({ total, adult, children, joint, statedElsewhere }: ActivityCountDto): ActivityCount => ({
  total,
  ...(adult !== undefined ? { adult } : {}),
  ...(children !== undefined ? { children } : {}),
  ...(joint !== undefined ? { joint } : {}),
  ...(statedElsewhere !== undefined ? { statedElsewhere } : {}),
});

/** Its own path: under /case-reviews a record id could be read as a case review's. */
@ApiTags('review-activity')
@Controller('review-activity')
export class RecordReviewActivityController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'case-reviews:manage', {
    operationId: 'recordReviewActivity',
    summary:
      "Record a board's review activity for a reporting year as its annual report states it: referrals, rapid and full reviews, with citations",
  })
  record(@Body() dto: RecordReviewActivityDto, @Ctx() ctx: CommandContext) {
    const { activityId, boardId, period, source } = dto;
    const data = {
      activityId,
      boardId,
      period,
      referrals: plainCount(dto.referrals),
      rapidReviews: plainCount(dto.rapidReviews),
      fullReviews: plainCount(dto.fullReviews),
      source,
      cites: dto.cites.map(({ document, where }) => ({ document, where })),
      notes: dto.notes ?? [],
    };
    return this.commands.execute(new RecordReviewActivityCommand(data, ctx));
  }
}
