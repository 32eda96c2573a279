import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags, ApiProperty } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { RevokePackAccessCommand } from './revoke-pack-access.handler';
import { IsString, Length } from 'class-validator';
import { CommandDto } from '../../../http/command.dto';
import { LongText } from '../../../http/text-hygiene';

export class RevokePackAccessDto extends CommandDto {
  @ApiProperty({ example: 'Inspection fieldwork finished', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  @LongText()
  reason!: string;
}

@ApiTags('evidence-packs')
@Controller('evidence-packs')
export class RevokePackAccessController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':packId/grants/:inspectorUserId/revoke')
  @HttpCode(200)
  @Requires('packs:grant')
  @CommandEndpoint()
  @ApiOperation({
    operationId: 'revokeEvidencePackAccess',
    summary: "End a named inspector's access to a pack now, with a reason",
  })
  revoke(
    @RecordId('packId') packId: string,
    @RecordId('inspectorUserId') inspectorUserId: string,
    @Body() dto: RevokePackAccessDto,
    @Ctx() ctx: CommandContext,
  ) {
    return this.commands.execute(new RevokePackAccessCommand({ packId, inspectorUserId, reason: dto.reason }, ctx));
  }
}
