import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { CommandEndpoint } from '../../../http/command-responses';
import { RecordId } from '../../../http/id.pipe';
import { toOwners, type OwnerDto } from '../action-owner.dto';
import { ReassignActionCommand } from './reassign-action.handler';
import { CommandDto } from '../../../http/command.dto';
import { AreOwners, IsText } from '../action-fields';

export class ReassignActionDto extends CommandDto {
  @AreOwners()
  owners!: OwnerDto[];

  @IsText(1000, 'Why the owners change', true)
  reason?: string;
}

@ApiTags('actions')
@Controller('actions')
export class ReassignActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':actionId/reassign')
  @HttpCode(200)
  @Requires('actions:manage')
  @CommandEndpoint()
  @ApiOperation({ operationId: 'reassignAction', summary: 'Give an open action new owners' })
  reassign(@RecordId('actionId') actionId: string, @Body() dto: ReassignActionDto, @Ctx() ctx: CommandContext) {
    return this.commands.execute(
      new ReassignActionCommand({ actionId, owners: toOwners(dto.owners), reason: dto.reason }, ctx),
    );
  }
}
