import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBusinessDate, IsOneOf, IsText } from '../../../http/command-fields';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../../partners';
import { RISK_CATEGORIES, Risk, type RiskCategory, type RiskCommand } from '../../domain/risk';
import { IsRating } from '../risk-fields';

export class RecordRiskDto extends CommandDto {
  @IsRecordId('Stable id of the risk', 'wseb-workforce-capacity')
  riskId!: string;

  @IsRecordId('The partner agency that owns the risk (registered)', 'warwickshire-county-council')
  ownerPartnerId!: string;

  @IsOneOf(RISK_CATEGORIES, 'What kind of risk it is')
  category!: RiskCategory;

  @IsText(200, 'The risk in a line (no personal data)', false, false)
  title!: string;

  @IsText(4000, 'The risk and its causes and effects (no personal data)')
  description!: string;

  @IsBusinessDate('The day the risk was identified', '2019-01-10')
  identifiedOn!: string;

  @IsRating('How likely it is to happen, 1-5', 4)
  likelihood!: number;

  @IsRating('How severe it would be, 1-5', 4)
  impact!: number;

  @ApiPropertyOptional({ format: 'date', description: 'When it is next to be reviewed', example: '2019-04-10' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  nextReviewDue?: string;
}

export class RecordRiskCommand extends LedgerCommand<CommandData<RiskCommand, 'record-risk', 'ownerRegistered'>> {}

@CommandHandler(RecordRiskCommand)
export class RecordRiskHandler implements ICommandHandler<RecordRiskCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordRiskCommand) {
    const ownerRegistered = await this.runner.exists(Partner.category, data.ownerPartnerId);
    return this.runner.run(Risk, data.riskId, { type: 'record-risk', data: { ...data, ownerRegistered } }, ctx);
  }
}

@ApiTags('risks')
@Controller('risks')
export class RecordRiskController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'risks:manage', {
    operationId: 'recordRisk',
    summary: 'Record a risk on the register: owner agency, category, likelihood and impact (1-5 each), next review',
  })
  record(@Body() dto: RecordRiskDto, @Ctx() ctx: CommandContext) {
    const { riskId, ownerPartnerId, category, title, description, identifiedOn, likelihood, impact } = dto;
    const { nextReviewDue } = dto;
    return this.commands.execute(
      new RecordRiskCommand(
        {
          riskId,
          ownerPartnerId,
          category,
          title,
          description,
          identifiedOn,
          likelihood,
          impact,
          ...(nextReviewDue ? { nextReviewDue } : {}),
        },
        ctx,
      ),
    );
  }
}
