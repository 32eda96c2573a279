import { CommandDto } from '../../../http/command.dto';

/** Closing takes only the business time: after it nothing more is recorded and there is no reopening. */
export class CloseMeetingDto extends CommandDto {}
