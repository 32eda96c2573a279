import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { ID_PATTERN, IsRecordId } from '../../../http/ids';
import {
  DECISION_OUTCOMES,
  type DecisionOutcome,
  Decision,
  type DecisionCommand,
  type RecordDecisionFacts,
} from '../../domain/decision';
import { LongText } from '../../../http/text-hygiene';
import { Meeting } from '../../../meetings';
import type { CommandData } from '../../../ledger/aggregate';
import { SERVED_RECORDS, type ServedRecordsPort } from '../../../ledger/served-records.port';
import { AreServedRecords, toServed, type ServedRecordDto } from '../../../http/serves.dto';

export class DecisionConditionDto {
  @IsRecordId('Id of the condition within the decision', 'c1')
  conditionId!: string;

  @ApiProperty({ example: 'Subject to the changes agreed at the meeting', maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  @LongText()
  text!: string;
}

export class RecordDecisionDto extends CommandDto {
  @IsRecordId('Stable id of the decision', 'wseb-2022-05-10-d6')
  decisionId!: string;

  @IsRecordId('The meeting at which it was decided', 'wseb-2022-05-10')
  meetingId!: string;

  @ApiProperty({
    type: 'integer',
    description: 'Agenda item number at that meeting',
    example: 6,
    minimum: 1,
    maximum: 999,
  })
  @IsInt()
  @Min(1)
  @Max(999)
  itemNumber!: number;

  @ApiProperty({ enum: DECISION_OUTCOMES, example: 'endorsed' })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiProperty({
    description: 'What was decided (paraphrase)',
    example: 'Multi-agency training proposal endorsed',
    maxLength: 4000,
  })
  @IsString()
  @Length(1, 4000)
  @LongText()
  text!: string;

  @ApiPropertyOptional({
    type: [DecisionConditionDto],
    maxItems: 20,
    description: 'Conditions the decision is subject to',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DecisionConditionDto)
  conditions?: DecisionConditionDto[];

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Money attached to the decision, integer pence (£4,000 = 400000)',
    example: 400000,
    minimum: 0,
    maximum: 10_000_000_000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  budgetPence?: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'Registered partners responsible for carrying it out',
    example: ['warwickshire-cc', 'warwickshire-police', 'cw-icb'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each of $property must be a lower-case slug (letters, digits, dashes)' })
  responsiblePartnerIds?: string[];

  @AreServedRecords()
  serves?: ServedRecordDto[];
}

export class RecordDecisionCommand extends LedgerCommand<
  CommandData<DecisionCommand, 'record-decision', keyof RecordDecisionFacts>
> {}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SERVED_RECORDS) private readonly served: ServedRecordsPort,
  ) {}

  async execute({ data, ctx }: RecordDecisionCommand) {
    // The meeting and the partners are other aggregates: read them and hand the facts to the pure decider.
    const { state } = await this.runner.load(Meeting, data.meetingId);
    const partnerIds = data.responsiblePartnerIds ?? [];
    const registered = await Promise.all(partnerIds.map((id) => this.runner.exists('partner', id)));
    const meeting = { exists: state.exists, closed: state.closed, itemNumbers: Object.keys(state.items).map(Number) };
    const unregisteredPartnerIds = partnerIds.filter((_, i) => !registered[i]);
    const missingServed = await this.served.missing(data.serves ?? []);
    return this.runner.run(
      Decision,
      data.decisionId,
      { type: 'record-decision', data: { ...data, meeting, unregisteredPartnerIds, missingServed } },
      ctx,
    );
  }
}

@ApiTags('decisions')
@Controller('decisions')
export class RecordDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'decisions:record', {
    operationId: 'recordDecision',
    summary: 'Record a decision made at a meeting agenda item',
  })
  record(@Body() dto: RecordDecisionDto, @Ctx() ctx: CommandContext) {
    const { decisionId, meetingId, itemNumber, outcome, text, conditions, budgetPence, responsiblePartnerIds } = dto;
    const conditionData = conditions?.map(({ conditionId, text: conditionText }) => ({
      conditionId,
      text: conditionText,
    }));
    return this.commands.execute(
      new RecordDecisionCommand(
        {
          decisionId,
          meetingId,
          itemNumber,
          outcome,
          text,
          conditions: conditionData,
          budgetPence,
          responsiblePartnerIds,
          serves: toServed(dto.serves),
        },
        ctx,
      ),
    );
  }
}
