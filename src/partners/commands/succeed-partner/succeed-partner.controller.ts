import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { SucceedPartnerCommand } from './succeed-partner.handler';
import { IsISO8601 } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { IsRecordId } from '../../../http/ids';

export class SucceedPartnerDto extends CommandDto {
  @IsRecordId('The partner that takes over (registered first)', 'cw-icb')
  successorId!: string;

  @ApiProperty({ example: '2022-07-01' })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;
}

@ApiTags('partners')
@Controller('partners')
export class SucceedPartnerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':partnerId/succession')
  @HttpCode(200)
  @Requires('partners:manage')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'succeedPartner',
    summary: 'Record that another partner succeeds this one from a date (e.g. CCG to ICB)',
  })
  succeed(@RecordId('partnerId') partnerId: string, @Body() dto: SucceedPartnerDto, @Ctx() ctx: CommandContext) {
    const { successorId, effectiveFrom } = dto;
    return this.commands.execute(new SucceedPartnerCommand({ partnerId, successorId, effectiveFrom }, ctx));
  }
}
