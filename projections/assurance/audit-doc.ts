import type { Citation } from '../citations/citations';
import type { RecordTrail, Stamp } from '../partners/record-history';

/** A partner asked to return the audit, and when its return came in (absent: outstanding). */
export interface AuditPartner {
  partnerId: string;
  askedOn: string;
  dueOn?: string;
  returnedOn?: string;
}

/** Returned of asked, and the rounded percentage (null until someone is asked): "100% (74% last year)". */
export interface ReturnRate {
  asked: number;
  returned: number;
  percent: number | null;
  previousPercent?: number;
}

/** One multi-agency audit as recorded: business dates are YYYY-MM-DD. */
export interface AuditDoc extends RecordTrail {
  auditId: string;
  exists: boolean;
  title: string;
  openedOn?: string;
  themes: string[];
  templates?: string;
  workingGroup?: string;
  boardId?: string;
  partners: AuditPartner[];
  returnRate: ReturnRate;
  /** Each finding with the actions resulting from it. */
  findings: { findingId: string; text: string; actionIds: string[] }[];
  closure?: { closedOn: string; outstandingPartnerIds: string[]; outstandingReason?: string };
  /** What came of it: the actions, decisions and sign-offs citing it or one of its findings (serves). */
  citedBy: Citation[];
  lastChange?: Stamp;
}

export const AUDIT_KEY_PREFIX = 'audit:';
export const auditKey = (auditId: string) => `${AUDIT_KEY_PREFIX}${auditId}`;

export function returnRateOf(partners: AuditPartner[], previousPercent?: number): ReturnRate {
  const asked = partners.length;
  const returned = partners.filter((p) => p.returnedOn !== undefined).length;
  const percent = asked === 0 ? null : Math.round((returned * 100) / asked);
  return { asked, returned, percent, ...(previousPercent !== undefined ? { previousPercent } : {}) };
}
