/** The person's commands, events and state: what its decider (person.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/**
 * A person named in the records. The id is a stable name slug chosen by the client, never
 * initials: minutes reuse initials for different people ("JC" and "JCol", two "NP"s).
 */
export type PersonEvent =
  | DomainEvent<'person-registered', { personId: string; name: string; partnerId: string; title?: string }>
  | DomainEvent<'person-updated', { personId: string; effectiveFrom: string; partnerId?: string; title?: string }>;

export type PersonCommand =
  | DomainCommand<
      'register-person',
      { personId: string; name: string; partnerId: string; title?: string; partnerExists: boolean }
    >
  | DomainCommand<
      'update-person',
      { personId: string; effectiveFrom: string; partnerId?: string; title?: string; partnerExists?: boolean }
    >;

/** Which partner a person represents, and with what title, from a date (null: from registration). */
export interface PersonRole {
  partnerId: string;
  title?: string;
  from: string | null;
}

export interface PersonState {
  exists: boolean;
  name?: string;
  /** Oldest first; earlier records keep the role in force on their date. */
  roles: PersonRole[];
}
