import { applyDecorators, Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional, ApiSchema } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsOptionalRecordId } from '../../../http/optional-record-id';
import { ID_PATTERN, IsRecordId } from '../../../http/ids';
import { MAX_SCOPE_IDS, MAX_THEME_LENGTH, MAX_THEMES, RECORD_KINDS, type RecordKind } from '../../domain/pack-scope';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import type { CommandData } from '../../../ledger/aggregate';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An optional list of record ids a pack is narrowed to (boards, partners); in stacked-decorator order (bottom up). */
const AreScopeIds = (description: string, example: string) =>
  applyDecorators(
    Matches(ID_PATTERN, {
      each: true,
      message: 'each of $property must be a lower-case slug (letters, digits, dashes)',
    }),
    MaxLength(80, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(MAX_SCOPE_IDS),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ type: [String], maxItems: MAX_SCOPE_IDS, example: [example], description }),
  );

/** The period is business time, whole days, inclusive; from <= to is the domain's rule (422). */
export class PackScopeDto {
  @ApiProperty({ example: '2022-04-01', description: 'First day, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2023-03-31', description: 'Last day, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' })
  to!: string;

  @AreScopeIds('Boards; empty or absent: every board', 'wseb')
  boardIds?: string[];

  @AreScopeIds('Partners; empty or absent: every partner', 'warwickshire-police')
  partnerIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_THEMES,
    example: ['exploitation'],
    description: `Themes matched against record text, at most ${MAX_THEMES} of at most ${MAX_THEME_LENGTH} characters`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_THEMES)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_THEME_LENGTH, { each: true })
  themes?: string[];

  @ApiPropertyOptional({
    enum: RECORD_KINDS,
    isArray: true,
    example: ['decisions', 'actions', 'escalations', 'funding'],
    description: "Kinds of record; required unless caseReviewId is given (then absent or ['case-reviews'])",
  })
  @ValidateIf((o: PackScopeDto) => o.caseReviewId === undefined || o.records !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(RECORD_KINDS.length)
  @ArrayUnique()
  @IsIn(RECORD_KINDS, { each: true })
  records?: RecordKind[];

  @IsOptionalRecordId(
    "One case review's chain and nothing else: the review, its linked sign-offs, and the actions, decisions and sign-offs that serve it (no board, partner or theme filter)",
    'wsp-cspr-2022-02',
  )
  caseReviewId?: string;
}

export class RequestEvidencePackDto extends CommandDto {
  @IsRecordId('Stable id for the pack, chosen by the requester', 'jtai-2022-exploitation')
  packId!: string;

  @ApiProperty({ type: PackScopeDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PackScopeDto)
  scope!: PackScopeDto;
}

/** What a pack request answers: the pack is queued; poll GET /evidence-packs/{packId}. */
@ApiSchema({ name: 'EvidencePackQueued' })
export class EvidencePackQueuedSchema {
  @ApiProperty() packId!: string;
  @ApiProperty({ enum: ['queued'] }) status!: 'queued';
  @ApiProperty({ type: 'integer', description: 'The pack stream revision: send it as If-Match' }) revision!: number;
}

export class RequestEvidencePackCommand extends LedgerCommand<
  CommandData<EvidencePackCommand, 'request-evidence-pack'>
> {}

/** Records the request only: the job runner sees the event in the log and builds the pack. */
@CommandHandler(RequestEvidencePackCommand)
export class RequestEvidencePackHandler extends DeciderHandler(
  EvidencePack,
  'request-evidence-pack',
  (data) => data.packId,
) {}

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class RequestEvidencePackController {
  constructor(private readonly commands: CommandBus) {}

  /** 202, not 201: the request is recorded now, the pack is built by a job; poll GET /evidence-packs/:packId. */
  @Post()
  @CommandRoute(
    202,
    'packs:request',
    {
      operationId: 'requestEvidencePack',
      summary:
        'Request an evidence pack for a period, boards, partners, themes and kinds of record; it is built in the background',
    },
    EvidencePackQueuedSchema,
  )
  async request(@Body() dto: RequestEvidencePackDto, @Ctx() ctx: CommandContext): Promise<EvidencePackQueuedSchema> {
    const { packId, scope: s } = dto;
    const scope = {
      from: s.from,
      to: s.to,
      boardIds: s.boardIds ?? [],
      partnerIds: s.partnerIds ?? [],
      themes: s.themes ?? [],
      // Validation lets records be absent only with a case review: its pack is of that one kind.
      records: s.records ?? ['case-reviews' as const],
      ...(s.caseReviewId ? { caseReviewId: s.caseReviewId } : {}),
    };
    const result = await this.commands.execute(new RequestEvidencePackCommand({ packId, scope }, ctx));
    return { packId, status: 'queued' as const, revision: result.revision };
  }
}
