import { CommandDto } from '../../../http/command.dto';
import { IsArtefactVersion, IsContentHash } from '../artefact-fields';

export class ReviseSignoffArtefactDto extends CommandDto {
  @IsArtefactVersion('The new version label: must differ from the current one')
  version!: string;

  @IsContentHash('SHA-256 of the revised content: must differ from the current one')
  contentHash!: string;
}
