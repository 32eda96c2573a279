import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';
import { PARTNER_KINDS, type PartnerKind, Partner, type PartnerCommand } from '../../domain/partner';
import type { CommandData } from '../../../ledger/aggregate';

export class RegisterPartnerDto extends CommandDto {
  @IsRecordId()
  partnerId!: string;

  @ApiProperty({ example: 'Warwickshire Police', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PARTNER_KINDS, description: 'local-authority, police and health are the statutory partners' })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @ApiPropertyOptional({
    description:
      'Whether this body is one of the three statutory partners; defaults to true for local-authority, police and health. Set false for e.g. an NHS trust.',
  })
  @IsOptional()
  @IsBoolean()
  statutory?: boolean;
}

export class RegisterPartnerCommand extends LedgerCommand<CommandData<PartnerCommand, 'register-partner'>> {}

@CommandHandler(RegisterPartnerCommand)
export class RegisterPartnerHandler extends DeciderHandler(Partner, 'register-partner', (data) => data.partnerId) {}

@ApiTags('partners')
@Controller('partners')
export class RegisterPartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandRoute(201, 'partners:manage', { operationId: 'registerPartner', summary: 'Register a partner agency' })
  register(@Body() dto: RegisterPartnerDto, @Ctx() ctx: CommandContext) {
    const { partnerId, name, kind, statutory } = dto;
    return this.commands.execute(new RegisterPartnerCommand({ partnerId, name, kind, statutory }, ctx));
  }
}
