import type { Actor } from '../ledger/event-envelope';
import { DomainError } from '../ledger/errors';
import { AGENCY_SCOPED, type Permission } from './permissions';

export class NotYourAgencyError extends DomainError {
  readonly code = 'not-your-agency';
  readonly status = 403 as const;
  constructor(agency: string, target: string) {
    super(`A representative of ${agency} cannot act for ${target}`, { agency, target });
  }
}

/** Partner representatives act only for their own agency; secretariat roles act for any. */
export function assertActsFor(actor: Actor, permission: Permission, agency: string): void {
  if (actor.role === 'partner-representative' && AGENCY_SCOPED.includes(permission) && actor.agency !== agency) {
    throw new NotYourAgencyError(actor.agency, agency);
  }
}
