import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { Partner } from '../../domain/partner';
import { Person, type PersonCommand } from '../../domain/person';
import type { CommandData } from '../../../ledger/aggregate';

export class RegisterPersonDto extends CommandDto {
  @IsRecordId('Stable name slug, never initials (minutes reuse initials for different people)', 'jackie-channell')
  personId!: string;

  @ApiProperty({ example: 'Jackie Channell', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsRecordId('The partner the person represents (registered first)', 'coventry-warwickshire-ccg')
  partnerId!: string;

  @ApiPropertyOptional({ example: 'Designated Nurse, Safeguarding Children', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;
}

export class RegisterPersonCommand extends LedgerCommand<
  CommandData<PersonCommand, 'register-person', 'partnerExists'>
> {}

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RegisterPersonCommand) {
    // The partner is another aggregate: read it and hand the fact to the pure decider.
    const partner = await this.runner.load(Partner, data.partnerId);
    return this.runner.run(
      Person,
      data.personId,
      { type: 'register-person', data: { ...data, partnerExists: partner.state.exists } },
      ctx,
    );
  }
}

@ApiTags('people')
@Controller('people')
export class RegisterPersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'partners:manage', {
    operationId: 'registerPerson',
    summary: 'Register a person and the partner they represent (keyed by a name slug, never initials)',
  })
  register(@Body() dto: RegisterPersonDto, @Ctx() ctx: CommandContext) {
    const { personId, name, partnerId, title } = dto;
    return this.commands.execute(new RegisterPersonCommand({ personId, name, partnerId, title }, ctx));
  }
}
