import { Body, Controller, Inject } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsOptionalRecordId } from '../../../http/optional-record-id';
import { ID_PATTERN, IsRecordId } from '../../../http/ids';
import {
  ARTEFACT_KINDS,
  type ArtefactKind,
  Signoff,
  type SignoffCommand,
  type RequestSignoffFacts,
} from '../../domain/signoff';
import { IsArtefactVersion, IsContentHash } from '../artefact-fields';
import { Decision } from '../../../decisions';
import { Meeting } from '../../../meetings';
import type { CommandData } from '../../../ledger/aggregate';
import { SERVED_RECORDS, type ServedRecordsPort } from '../../../ledger/served-records.port';
import { AreServedRecords, toServed, type ServedRecordDto } from '../../../http/serves.dto';

export class ArtefactDto {
  @IsRecordId('Stable id of the artefact across its versions', 'wsp-annual-report-2021-22')
  artefactId!: string;

  @ApiProperty({ enum: ARTEFACT_KINDS, example: 'report' })
  @IsIn(ARTEFACT_KINDS)
  kind!: ArtefactKind;

  @ApiProperty({ example: 'Warwickshire Safeguarding Annual Report 2021-22', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @IsArtefactVersion()
  version!: string;

  @IsContentHash()
  contentHash!: string;
}

export class RequestSignoffDto extends CommandDto {
  @IsRecordId('Stable id of the sign-off request', 'annual-report-2021-22-signoff')
  signoffId!: string;

  @ApiProperty({ type: ArtefactDto })
  // ValidateNested alone lets a missing object through: require it explicitly.
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ArtefactDto)
  artefact!: ArtefactDto;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 30,
    description: 'Registered partners whose signature is needed',
    example: ['warwickshire-cc', 'warwickshire-police', 'cw-icb'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each of $property must be a lower-case slug (letters, digits, dashes)' })
  requiredPartnerIds!: string[];

  @IsOptionalRecordId('Meeting at which sign-off was sought', 'wseb-2022-09-22')
  meetingId?: string;

  @IsOptionalRecordId('Decision the sign-off follows from', 'wseb-2022-09-22-d3')
  decisionId?: string;

  @AreServedRecords()
  serves?: ServedRecordDto[];
}

export class RequestSignoffCommand extends LedgerCommand<
  CommandData<SignoffCommand, 'request-signoff', keyof RequestSignoffFacts>
> {}

@CommandHandler(RequestSignoffCommand)
export class RequestSignoffHandler implements ICommandHandler<RequestSignoffCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(SERVED_RECORDS) private readonly served: ServedRecordsPort,
  ) {}

  async execute({ data, ctx }: RequestSignoffCommand) {
    // Partners, meeting and decision are other aggregates: read them and hand the facts to the pure decider.
    const registered = await Promise.all(data.requiredPartnerIds.map((id) => this.runner.exists('partner', id)));
    const unregisteredPartnerIds = data.requiredPartnerIds.filter((_, i) => !registered[i]);
    const meetingExists =
      data.meetingId === undefined ? undefined : await this.runner.exists(Meeting.category, data.meetingId);
    const decisionExists =
      data.decisionId === undefined ? undefined : await this.runner.exists(Decision.category, data.decisionId);
    const missingServed = await this.served.missing(data.serves ?? []);
    const facts = { unregisteredPartnerIds, meetingExists, decisionExists, missingServed };
    return this.runner.run(Signoff, data.signoffId, { type: 'request-signoff', data: { ...data, ...facts } }, ctx);
  }
}

@ApiTags('signoffs')
@Controller('signoffs')
export class RequestSignoffController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'signoffs:request', {
    operationId: 'requestSignoff',
    summary: 'Ask partners to sign off one version of an artefact (report, action plan, protocol...)',
  })
  request(@Body() dto: RequestSignoffDto, @Ctx() ctx: CommandContext) {
    const { signoffId, artefact: a, requiredPartnerIds, meetingId, decisionId } = dto;
    const artefact = {
      artefactId: a.artefactId,
      kind: a.kind,
      title: a.title,
      version: a.version,
      contentHash: a.contentHash,
    };
    const serves = toServed(dto.serves);
    return this.commands.execute(
      new RequestSignoffCommand({ signoffId, artefact, requiredPartnerIds, meetingId, decisionId, serves }, ctx),
    );
  }
}
