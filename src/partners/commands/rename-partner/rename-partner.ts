import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags, ApiProperty, ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';
import { Partner, type PartnerCommand } from '../../domain/partner';
import type { CommandData } from '../../../ledger/aggregate';

export class RenamePartnerDto extends CommandDto {
  @ApiProperty({ example: 'Coventry and Warwickshire Integrated Care Board', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    description: 'Date the new name takes effect; earlier events keep the old name',
    example: '2022-07-01',
  })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @LongText()
  reason?: string;
}

export class RenamePartnerCommand extends LedgerCommand<CommandData<PartnerCommand, 'rename-partner'>> {}

@CommandHandler(RenamePartnerCommand)
export class RenamePartnerHandler extends DeciderHandler(Partner, 'rename-partner', (data) => data.partnerId) {}

@ApiTags('partners')
@Controller('partners')
export class RenamePartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partnerId/rename')
  @CommandRoute(200, 'partners:manage', {
    operationId: 'renamePartner',
    summary: 'Rename a partner from a date (history keeps the old name before it)',
  })
  rename(@RecordId('partnerId') partnerId: string, @Body() dto: RenamePartnerDto, @Ctx() ctx: CommandContext) {
    const { name, effectiveFrom, reason } = dto;
    return this.commands.execute(new RenamePartnerCommand({ partnerId, name, effectiveFrom, reason }, ctx));
  }
}
