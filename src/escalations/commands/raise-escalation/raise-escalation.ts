import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { plainDataSubjects } from '../../../http/plain-data-subjects';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { CASE_REFERENCE_PATTERN, Escalation, type EscalationCommand } from '../../domain/escalation';
import { DataSubjectDto } from '../data-subject.dto';
import { LongText } from '../../../http/text-hygiene';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Partner, Person } from '../../../partners';
import { EscalationProtocol } from '../../domain/escalation-protocol';
import type { CommandData } from '../../../ledger/aggregate';

export class RaiseEscalationDto extends CommandDto {
  @IsRecordId('Stable id of the escalation', 'wsep-2022-001')
  escalationId!: string;

  @IsRecordId('The escalation protocol it is raised under (its current version is recorded)', 'ws-escalation-protocol')
  protocolId!: string;

  @ApiPropertyOptional({
    description: 'Person id of the professional raising it (registered first)',
    pattern: '^[a-z0-9][a-z0-9-]{0,79}$',
    maxLength: 80,
    example: 'jackie-channell',
  })
  @IsOptional()
  @IsRecordId()
  raisedByPersonId?: string;

  @IsRecordId('Partner id of the agency raising the escalation', 'warwickshire-cc')
  raisedByAgency!: string;

  @IsRecordId('Partner id of the agency the escalation concerns (must differ from the raising agency)', 'cw-icb')
  concerningAgency!: string;

  @ApiProperty({
    description: "What the disagreement is about. Never a child's or family's name: the ledger cannot forget.",
    maxLength: 500,
    example: 'Delay in a health assessment for a child in care',
  })
  @IsString()
  @Length(1, 500)
  @LongText()
  subject!: string;

  @ApiPropertyOptional({
    description:
      'PSEUDONYMOUS case reference only (e.g. a case-management number): letters, digits and dashes, at least one digit, up to 40 characters. Names must never go here.',
    pattern: CASE_REFERENCE_PATTERN.source,
    maxLength: 40,
    example: 'LCS-104233',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(CASE_REFERENCE_PATTERN, {
    message: '$property must be a pseudonymous reference (letters, digits, dashes, at least one digit), never a name',
  })
  caseReference?: string;

  @ApiPropertyOptional({
    type: [DataSubjectDto],
    maxItems: 20,
    description:
      'Children, family members or complainants the escalation is about: their names and dates of birth are encrypted per person and erasable',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DataSubjectDto)
  dataSubjects?: DataSubjectDto[];
}

export class RaiseEscalationCommand extends LedgerCommand<
  CommandData<
    EscalationCommand,
    'raise-escalation',
    'protocol' | 'raisedByAgencyRegistered' | 'concerningAgencyRegistered' | 'raisedByPersonRegistered'
  >
> {}

@CommandHandler(RaiseEscalationCommand)
export class RaiseEscalationHandler implements ICommandHandler<RaiseEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RaiseEscalationCommand) {
    // An agency raises an escalation as itself, never in another agency's name (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'raiseEscalation', data);
    // The protocol and the partners are other aggregates: read them and hand the facts to the pure decider.
    // The protocol's current version and stages are copied in, so later revisions never change this escalation.
    const [protocol, raisedByAgencyRegistered, concerningAgencyRegistered, raisedByPersonRegistered] =
      await Promise.all([
        this.runner.load(EscalationProtocol, data.protocolId),
        this.runner.exists(Partner.category, data.raisedByAgency),
        this.runner.exists(Partner.category, data.concerningAgency),
        data.raisedByPersonId ? this.runner.exists(Person.category, data.raisedByPersonId) : true,
      ]);
    const { exists: defined, version, stages } = protocol.state;
    return this.runner.run(
      Escalation,
      data.escalationId,
      {
        type: 'raise-escalation',
        data: {
          ...data,
          protocol: { defined, version, stages },
          raisedByAgencyRegistered,
          concerningAgencyRegistered,
          raisedByPersonRegistered,
        },
      },
      ctx,
    );
  }
}

@ApiTags('escalations')
@Controller('escalations')
export class RaiseEscalationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'escalations:raise', {
    operationId: 'raiseEscalation',
    summary:
      "Raise an inter-agency escalation at stage 1 of a protocol's current version (representatives and members: as their own agency)",
  })
  raise(@Body() dto: RaiseEscalationDto, @Ctx() ctx: CommandContext) {
    const { escalationId, protocolId, raisedByPersonId, raisedByAgency, concerningAgency, subject, caseReference } =
      dto;
    const dataSubjects = plainDataSubjects(dto.dataSubjects);
    return this.commands.execute(
      new RaiseEscalationCommand(
        {
          escalationId,
          protocolId,
          raisedByPersonId,
          raisedByAgency,
          concerningAgency,
          subject,
          caseReference,
          ...(dataSubjects?.length ? { dataSubjects } : {}),
        },
        ctx,
      ),
    );
  }
}
