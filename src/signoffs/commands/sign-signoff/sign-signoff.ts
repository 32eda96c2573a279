import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsOptionalRecordId } from '../../../http/optional-record-id';
import { IsRecordId } from '../../../http/ids';
import { LongText } from '../../../http/text-hygiene';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Person } from '../../../partners';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class SignSignoffDto extends CommandDto {
  @IsRecordId(
    'The partner signing: one of the required partners (representatives: their own agency)',
    'warwickshire-police',
  )
  partnerId!: string;

  @IsOptionalRecordId('The person who signed for the partner', 'chief-constable-warwickshire')
  signedByPersonId?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'Conditions the signature is subject to',
    example: ['Subject to correcting the data on page 12'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  @LongText()
  conditions?: string[];
}

export class SignSignoffCommand extends LedgerCommand<CommandData<SignoffCommand, 'sign-signoff', 'signerRoles'>> {}

@CommandHandler(SignSignoffCommand)
export class SignSignoffHandler implements ICommandHandler<SignSignoffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SignSignoffCommand) {
    // A partner representative signs for their own agency only (403 not-your-agency otherwise).
    assertActsForNamed(ctx.actor, 'signSignoff', data);
    // A named signer is another aggregate: hand their partner roles to the decider, which knows the business date.
    const signerRoles =
      data.signedByPersonId === undefined
        ? undefined
        : (await this.runner.load(Person, data.signedByPersonId)).state.roles;
    return this.runner.run(Signoff, data.signoffId, { type: 'sign-signoff', data: { ...data, signerRoles } }, ctx);
  }
}

@ApiTags('signoffs')
@Controller('signoffs')
export class SignSignoffController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':signoffId/sign')
  @CommandRoute(200, 'signoffs:sign', {
    operationId: 'signSignoff',
    summary: 'Sign the current artefact version for a partner; the last required signature completes the sign-off',
  })
  sign(@RecordId('signoffId') signoffId: string, @Body() dto: SignSignoffDto, @Ctx() ctx: CommandContext) {
    const { partnerId, signedByPersonId, conditions } = dto;
    return this.commands.execute(new SignSignoffCommand({ signoffId, partnerId, signedByPersonId, conditions }, ctx));
  }
}
