import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Ctx } from '../../../http/command-context.decorator';
import { plainDataSubjects } from '../../../http/plain-data-subjects';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../../partners';
import {
  CaseReview,
  OPENING_TYPES,
  SUBJECT_RELATIONS,
  type CaseReviewCommand,
  type OpeningType,
  type SubjectRelation,
} from '../../domain/case-review';
import { IsBusinessDate, IsOneOf, IsText } from '../case-review-fields';

/** A child or family member the review is about: name and date of birth are sealed under the subject's key. */
export class CaseReviewSubjectDto {
  @IsRecordId('Pseudonymous id of the person (never their name): erasure addresses it', 'cr-2022-01-child-1')
  subjectId!: string;

  @ApiProperty({ enum: SUBJECT_RELATIONS, example: 'child' })
  @IsIn(SUBJECT_RELATIONS)
  relation!: SubjectRelation;

  @ApiProperty({
    description: 'Personal: encrypted per data subject before it is stored, erasable',
    maxLength: 200,
    example: 'Robin Example',
  })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'Personal: encrypted like the name', example: '2014-11-23' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateOfBirth?: string;
}

export class OpenCaseReviewDto extends CommandDto {
  @IsRecordId('Stable id of the case review', 'wsp-rr-2022-03')
  caseReviewId!: string;

  @IsOneOf(OPENING_TYPES, 'A rapid review (a CSPR is commissioned from one), a SAR, or a legacy serious case review')
  type!: OpeningType;

  @IsText(200, "What the register calls it (e.g. 'Child J'): never a child's or family's name", false, false)
  title!: string;

  @IsBusinessDate('The day the local authority became aware of the serious incident: the statutory clocks start here')
  awareOn!: string;

  @ApiPropertyOptional({ description: 'The board that oversees it (registered first)', example: 'wseb' })
  @IsOptional()
  @IsRecordId()
  boardId?: string;

  @ApiPropertyOptional({ type: [CaseReviewSubjectDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CaseReviewSubjectDto)
  dataSubjects?: CaseReviewSubjectDto[];
}

export class OpenCaseReviewCommand extends LedgerCommand<
  CommandData<CaseReviewCommand, 'open-case-review', 'boardRegistered'>
> {}

@CommandHandler(OpenCaseReviewCommand)
export class OpenCaseReviewHandler implements ICommandHandler<OpenCaseReviewCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: OpenCaseReviewCommand) {
    const boardRegistered = data.boardId === undefined || (await this.runner.exists(Board.category, data.boardId));
    return this.runner.run(
      CaseReview,
      data.caseReviewId,
      { type: 'open-case-review', data: { ...data, boardRegistered } },
      ctx,
    );
  }
}

@ApiTags('case-reviews')
@Controller('case-reviews')
export class OpenCaseReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'case-reviews:manage', {
    operationId: 'openCaseReview',
    summary: 'Open a case review in the register (a rapid review, SAR or legacy serious case review)',
  })
  open(@Body() dto: OpenCaseReviewDto, @Ctx() ctx: CommandContext) {
    const { caseReviewId, type, title, awareOn, boardId } = dto;
    const dataSubjects = plainDataSubjects(dto.dataSubjects);
    return this.commands.execute(
      new OpenCaseReviewCommand(
        {
          caseReviewId,
          type,
          title,
          awareOn,
          ...(boardId ? { boardId } : {}),
          ...(dataSubjects?.length ? { dataSubjects } : {}),
        },
        ctx,
      ),
    );
  }
}
