import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../http/write-routes';
import { DeciderHandler } from '../../../ledger/decider-handler';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandRoute } from '../../../http/command-route';
import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiTags } from '../../../shared/openapi/deferred-swagger';
import { type CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { CommandDto } from '../../../http/command.dto';
import { IsArtefactVersion, IsContentHash } from '../artefact-fields';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class ReviseSignoffArtefactDto extends CommandDto {
  @IsArtefactVersion('The new version label: must differ from the current one')
  version!: string;

  @IsContentHash('SHA-256 of the revised content: must differ from the current one')
  contentHash!: string;
}

export class ReviseSignoffArtefactCommand extends LedgerCommand<
  CommandData<SignoffCommand, 'revise-signoff-artefact'>
> {}

@CommandHandler(ReviseSignoffArtefactCommand)
export class ReviseSignoffArtefactHandler extends DeciderHandler(
  Signoff,
  'revise-signoff-artefact',
  (data) => data.signoffId,
) {}

@ApiTags('signoffs')
@Controller('signoffs')
export class ReviseSignoffArtefactController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':signoffId/revise')
  @CommandRoute(200, 'signoffs:request', {
    operationId: 'reviseSignoffArtefact',
    summary: 'Put a new artefact version up for sign-off: every earlier signature stops counting',
  })
  revise(@RecordId('signoffId') signoffId: string, @Body() dto: ReviseSignoffArtefactDto, @Ctx() ctx: CommandContext) {
    const { version, contentHash } = dto;
    return this.commands.execute(new ReviseSignoffArtefactCommand({ signoffId, version, contentHash }, ctx));
  }
}
