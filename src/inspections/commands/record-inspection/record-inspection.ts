import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { EachRecordId, IsBusinessDate, IsOneOf, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../../partners';
import { INSPECTION_BODIES, Inspection, type InspectionBody, type InspectionCommand } from '../../domain/inspection';

export class RecordInspectionDto extends CommandDto {
  @IsRecordId('Stable id of the inspection', 'hmicfrs-warwickshire-police-2022')
  inspectionId!: string;

  @IsOneOf(INSPECTION_BODIES, 'The inspecting body (other: name it in bodyName)')
  body!: InspectionBody;

  @IsText(200, "The body's name when other, or the programme (e.g. 'HMIC PEEL')", true, false)
  bodyName?: string;

  @IsText(200, 'What the register calls it', false, false)
  title!: string;

  @IsBusinessDate('First day of fieldwork', '2022-02-07')
  fieldworkFrom!: string;

  @IsBusinessDate('Last day of fieldwork', '2022-02-18')
  fieldworkTo!: string;

  @IsBusinessDate('The day the report was published', '2022-08-09')
  publishedOn!: string;

  @IsText(300, 'The published report: its reference or title as the body publishes it', false, false)
  reportReference!: string;

  @ApiPropertyOptional({ description: 'Where the report is published', maxLength: 500, format: 'uri' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https'] })
  @MaxLength(500)
  reportUrl?: string;

  @ApiProperty({
    description: 'The agencies inspected (registered partners)',
    type: [String],
    minItems: 1,
    maxItems: 20,
    example: ['warwickshire-police'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @EachRecordId()
  partnerIds!: string[];

  @IsText(200, "Who monitors the response (e.g. 'WSEB', a subcommittee)", true, false)
  monitoredBy?: string;
}

export class RecordInspectionCommand extends LedgerCommand<
  CommandData<InspectionCommand, 'record-inspection', 'unregisteredPartnerIds'>
> {}

@CommandHandler(RecordInspectionCommand)
export class RecordInspectionHandler implements ICommandHandler<RecordInspectionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordInspectionCommand) {
    const found = await Promise.all(data.partnerIds.map((id) => this.runner.exists(Partner.category, id)));
    const unregisteredPartnerIds = data.partnerIds.filter((_, i) => !found[i]);
    return this.runner.run(
      Inspection,
      data.inspectionId,
      { type: 'record-inspection', data: { ...data, unregisteredPartnerIds } },
      ctx,
    );
  }
}

@ApiTags('inspections')
@Controller('inspections')
export class RecordInspectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'inspections:manage', {
    operationId: 'recordInspection',
    summary: 'Record an inspection of partner agencies: body, fieldwork and publication dates, the published report',
  })
  record(@Body() dto: RecordInspectionDto, @Ctx() ctx: CommandContext) {
    const { inspectionId, body, bodyName, title, fieldworkFrom, fieldworkTo, publishedOn, reportReference } = dto;
    const { reportUrl, partnerIds, monitoredBy } = dto;
    return this.commands.execute(
      new RecordInspectionCommand(
        {
          inspectionId,
          body,
          ...(bodyName ? { bodyName } : {}),
          title,
          fieldworkFrom,
          fieldworkTo,
          publishedOn,
          reportReference,
          ...(reportUrl ? { reportUrl } : {}),
          partnerIds,
          ...(monitoredBy ? { monitoredBy } : {}),
        },
        ctx,
      ),
    );
  }
}
