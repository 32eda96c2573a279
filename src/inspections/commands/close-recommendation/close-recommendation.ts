import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { RecordId } from '../../../http/id.pipe';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { EVENT_STORE, type EventStore } from '../../../ledger/event-store.port';
import { Inspection, type EvidenceReference, type InspectionCommand } from '../../domain/inspection';

/** `category-id`, as the ledger names streams (GET /ledger/streams/{streamId}). */
const STREAM_ID = /^[a-z][a-zA-Z0-9]{0,39}-[a-z0-9][a-z0-9-]{0,79}$/;

export class EvidenceReferenceDto {
  @ApiProperty({
    description: 'The ledger stream cited',
    pattern: STREAM_ID.source,
    example: 'meeting-wseb-2023-04-20',
  })
  @Matches(STREAM_ID, { message: '$property must be a ledger stream name (category-id)' })
  streamId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'The event of that stream cited (0-based revision)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  revision!: number;

  @ApiPropertyOptional({ format: 'uuid', description: "The event's id, checked to be the event at that revision" })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

export class CloseRecommendationDto extends CommandDto {
  @IsBusinessDate('The day it was closed', '2023-04-20')
  closedOn!: string;

  @IsText(4000, 'Why it is closed: what was done')
  summary!: string;

  @ApiProperty({
    type: [EvidenceReferenceDto],
    maxItems: 20,
    description: 'Ledger records that show it done: at least one (checked to exist as cited)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceReferenceDto)
  evidence!: EvidenceReferenceDto[];
}

export class CloseRecommendationCommand extends LedgerCommand<
  CommandData<InspectionCommand, 'close-recommendation', 'unverifiedEvidence'>
> {}

@CommandHandler(CloseRecommendationCommand)
export class CloseRecommendationHandler implements ICommandHandler<CloseRecommendationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ data, ctx }: CloseRecommendationCommand) {
    const found = await Promise.all(data.evidence.map((e) => this.cited(e)));
    const unverifiedEvidence = data.evidence.filter((_, i) => !found[i]);
    return this.runner.run(
      Inspection,
      data.inspectionId,
      { type: 'close-recommendation', data: { ...data, unverifiedEvidence } },
      ctx,
    );
  }

  /** The event at that revision of that stream exists (and is the one named, when an id is given). */
  private async cited({ streamId, revision, eventId }: EvidenceReference): Promise<boolean> {
    const [event] = await this.store.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event?.revision === revision && (eventId === undefined || event.id === eventId);
  }
}

@ApiTags('inspections')
@Controller('inspections')
export class CloseRecommendationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':inspectionId/recommendations/:recommendationId/closure')
  @CommandRoute(200, 'inspections:manage', {
    operationId: 'closeRecommendation',
    summary: 'Close a recommendation, citing the ledger records that show it done',
  })
  close(
    @RecordId('inspectionId') inspectionId: string,
    @RecordId('recommendationId') recommendationId: string,
    @Body() dto: CloseRecommendationDto,
    @Ctx() ctx: CommandContext,
  ) {
    const { closedOn, summary } = dto;
    const evidence = dto.evidence.map(({ streamId, revision, eventId }) => ({
      streamId,
      revision,
      ...(eventId ? { eventId } : {}),
    }));
    return this.commands.execute(
      new CloseRecommendationCommand({ inspectionId, recommendationId, closedOn, summary, evidence }, ctx),
    );
  }
}
