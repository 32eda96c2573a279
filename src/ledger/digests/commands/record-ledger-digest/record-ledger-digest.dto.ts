import { CommandDto } from '../../../../http/command.dto';

/**
 * No fields of its own: the digest is computed from the log, never taken from the body. occurredAt
 * (from CommandDto) may only be now: a backdated digest is refused (digest-backdated).
 */
export class RecordLedgerDigestDto extends CommandDto {}
