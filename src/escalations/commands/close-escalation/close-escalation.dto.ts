import { CommandDto } from '../../../http/command.dto';

/** Closing carries nothing but its business time: the outcome was recorded when it was resolved. */
export class CloseEscalationDto extends CommandDto {}
