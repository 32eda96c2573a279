import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/** Every date below is a business date (YYYY-MM-DD): the day it happened, not when it was keyed. */
export interface AuditOpened {
  auditId: string;
  /** What the register calls it, e.g. 'MASH/Front Door audit 2022'. */
  title: string;
  openedOn: string;
  /** The themes the audit tests (the front door audit: those coming out of reviews and the JTAI). */
  themes: string[];
  /** How its templates were designed, as the board agreed them. */
  templates?: string;
  /** Who coordinates it (e.g. a working group of police, LA, health and the front door service manager). */
  workingGroup?: string;
  /** Last round's return rate as reported (0-100), so this year's reads against it ("100% (74% last year)"). */
  previousReturnRate?: number;
  boardId?: string;
}

type Ev<T extends string, D> = DomainEvent<T, { auditId: string } & D>;

export type MultiAgencyAuditEvent =
  | DomainEvent<'audit-opened', AuditOpened>
  | Ev<'audit-returns-requested', { partnerIds: string[]; askedOn: string; dueOn?: string }>
  | Ev<'audit-return-received', { partnerId: string; returnedOn: string }>
  | Ev<'audit-finding-recorded', { findingId: string; text: string; actionIds: string[] }>
  | Ev<'audit-finding-action-linked', { findingId: string; actionId: string }>
  /** outstandingPartnerIds: who had not returned when it closed, with the reason it closed anyway. */
  | Ev<'audit-closed', { closedOn: string; outstandingPartnerIds: string[]; outstandingReason?: string }>;

type Cmd<T extends string, D> = DomainCommand<T, { auditId: string } & D>;

export type MultiAgencyAuditCommand =
  | DomainCommand<'open-audit', AuditOpened & { boardRegistered: boolean }>
  | Cmd<
      'request-audit-returns',
      { partnerIds: string[]; askedOn: string; dueOn?: string; unregisteredPartnerIds: string[] }
    >
  | Cmd<'record-audit-return', { partnerId: string; returnedOn: string }>
  | Cmd<'record-audit-finding', { findingId: string; text: string; actionIds: string[]; missingActionIds: string[] }>
  | Cmd<'link-audit-finding-action', { findingId: string; actionId: string; actionExists: boolean }>
  | Cmd<'close-audit', { closedOn: string; outstandingReason?: string }>;

export interface MultiAgencyAuditState {
  exists: boolean;
  openedOn?: string;
  closed: boolean;
  asked: string[];
  returned: string[];
  /** Action ids answering each finding, by finding id. */
  findings: Record<string, string[]>;
}
