/** The partner's commands, events and state: what its decider (partner.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

export const PARTNER_KINDS = [
  'local-authority',
  'police',
  'health',
  'education',
  'probation',
  'voluntary',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
/** Working Together: the local authority, police and health (ICB) are the statutory safeguarding partners. */
export const STATUTORY_KINDS: readonly PartnerKind[] = ['local-authority', 'police', 'health'];

export type PartnerEvent =
  | DomainEvent<'partner-registered', { partnerId: string; name: string; kind: PartnerKind; statutory: boolean }>
  | DomainEvent<'partner-renamed', { partnerId: string; name: string; effectiveFrom: string; reason?: string }>
  | DomainEvent<'partner-succeeded', { partnerId: string; successorId: string; effectiveFrom: string }>;

export type PartnerCommand =
  | DomainCommand<'register-partner', { partnerId: string; name: string; kind: PartnerKind; statutory?: boolean }>
  | DomainCommand<'rename-partner', { partnerId: string; name: string; effectiveFrom: string; reason?: string }>
  | DomainCommand<
      'succeed-partner',
      { partnerId: string; successorId: string; effectiveFrom: string; successorExists: boolean }
    >;

export interface PartnerState {
  exists: boolean;
  /** Names over time: history keeps the old name for earlier events. */
  names: { name: string; from: string | null }[];
  kind?: PartnerKind;
  succeededBy?: { partnerId: string; effectiveFrom: string };
}
