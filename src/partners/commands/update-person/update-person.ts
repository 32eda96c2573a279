import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { Partner } from '../../domain/partner';
import { Person, type PersonCommand } from '../../domain/person';
import type { CommandData } from '../../../ledger/aggregate';

/** Give a new partner, a new title or both; the earlier ones stay on record for earlier dates. */
export class UpdatePersonDto extends CommandDto {
  @ApiProperty({
    description: 'Date the change takes effect; earlier records keep the previous partner and title',
    example: '2022-07-01',
  })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiPropertyOptional() // IsRecordId documents the field as required: this marks it optional
  @IsOptional()
  @IsRecordId('The partner the person represents from effectiveFrom (registered first)', 'coventry-warwickshire-icb')
  partnerId?: string;

  @ApiPropertyOptional({ example: 'Escalation lead for health', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;
}

export class UpdatePersonCommand extends LedgerCommand<CommandData<PersonCommand, 'update-person', 'partnerExists'>> {}

@CommandHandler(UpdatePersonCommand)
export class UpdatePersonHandler implements ICommandHandler<UpdatePersonCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: UpdatePersonCommand) {
    // A new partner must be registered: read it and hand the fact to the pure decider.
    const partnerExists =
      data.partnerId === undefined ? undefined : (await this.runner.load(Partner, data.partnerId)).state.exists;
    return this.runner.run(Person, data.personId, { type: 'update-person', data: { ...data, partnerExists } }, ctx);
  }
}

@ApiTags('people')
@Controller('people')
export class UpdatePersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':personId/update')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'updatePerson',
    summary: "Change a person's title or the partner they represent from a date (history kept)",
  })
  update(@RecordId('personId') personId: string, @Body() dto: UpdatePersonDto, @Ctx() ctx: CommandContext) {
    const { effectiveFrom, partnerId, title } = dto;
    return this.commands.execute(new UpdatePersonCommand({ personId, effectiveFrom, partnerId, title }, ctx));
  }
}
