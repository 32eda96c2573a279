import type { Actor } from '../ledger/event-envelope';
import { DomainError } from '../shared/domain-errors';
import { mayActFor, namedAgencies, type CheckedCommand } from './agency-rules';

export class NotYourAgencyError extends DomainError {
  readonly code = 'not-your-agency';
  readonly status = 403 as const;
  constructor(role: string, agency: string, targets: readonly string[]) {
    const target = targets.length > 0 ? targets.join(', ') : 'the partnership (no agency owns it)';
    super(`A ${role} of ${agency} cannot act for ${target}`, { agency, target, targets: [...targets] });
  }
}

/**
 * The one place the agency rule table is enforced. Handlers call it after loading what they need
 * and before deciding, so a refusal writes nothing. `owningAgencies` undefined means the record
 * does not exist: the decider refuses that with its own code (404/422), not with 403.
 */
export function assertMayActFor(
  actor: Actor,
  command: CheckedCommand,
  owningAgencies: readonly string[] | undefined,
): void {
  if (owningAgencies === undefined) return;
  if (!mayActFor(actor, command, owningAgencies))
    throw new NotYourAgencyError(actor.role, actor.agency, owningAgencies);
}

/** For commands that name the agency they act for in their data (a `body` rule). */
export function assertActsForNamed(actor: Actor, command: CheckedCommand, data: object): void {
  assertMayActFor(actor, command, namedAgencies(command, data));
}
