import type { Actor } from '../ledger/event-envelope';
import type { Role } from './permissions';

/**
 * Who may see the personal values an escalation names (a child's name and date of birth, personal
 * notes): the one table of it, applied alike to lists, one-record documents and live streams. The
 * access table (permissions.ts) says who may read the trail at all; this says to whom its personal
 * values are shown in clear. Everyone else is shown the withheld marker.
 *
 * - The secretariat (chair, business manager) runs every escalation, and the data protection officer
 *   answers for the data itself (access, rectification and erasure requests): every escalation.
 * - Partner representatives and members act for their own agency: only escalations it is a party to
 *   (it raised it, or it is the agency concerned).
 * - Auditors and admins read the trail for its process (times, stages, breaches), never for who the
 *   child is; they act for no party, whatever agency their token names.
 */
export const SEES_EVERY_ESCALATIONS_PERSONAL_VALUES: readonly Role[] = [
  'chair',
  'business-manager',
  'data-protection-officer',
];
export const SEES_ITS_OWN_AGENCYS_PERSONAL_VALUES: readonly Role[] = ['partner-representative', 'member'];

/** The two parties to an escalation, as documents, views and list rows all carry them. */
export interface EscalationParties {
  raisedByAgency?: string;
  concerningAgency?: string;
}

/** Whether the viewer may see this escalation's personal values in clear. Pure. */
export function maySeePersonalValues(viewer: Pick<Actor, 'role' | 'agency'>, escalation: EscalationParties): boolean {
  const role = viewer.role as Role;
  if (SEES_EVERY_ESCALATIONS_PERSONAL_VALUES.includes(role)) return true;
  if (!SEES_ITS_OWN_AGENCYS_PERSONAL_VALUES.includes(role)) return false;
  return viewer.agency === escalation.raisedByAgency || viewer.agency === escalation.concerningAgency;
}
