import type { Meeting } from '../data';
import type { DemoActor } from './demo-client';

/** The partnership's system administrator: registers partners, people, boards and protocols. */
export const admin: DemoActor = { userId: 'ledger-admin', role: 'admin', agency: 'warwickshire-safeguarding' };

/** Warwickshire Safeguarding's business manager records the Warwickshire boards' business. */
const amritaSharma: DemoActor = {
  userId: 'amrita-sharma',
  role: 'business-manager',
  agency: 'warwickshire-safeguarding',
};

/**
 * Worcestershire's minutes are the WSCB business unit's, not Warwickshire's: its business
 * manager (Sue Haddon) records them, so no Warwickshire officer appears in another county's record.
 */
const sueHaddon: DemoActor = {
  userId: 'sue-haddon',
  role: 'business-manager',
  agency: 'worcestershire-scb-business-unit',
};

export function businessManagerFor(boardId: string): DemoActor {
  return boardId === 'worcs-scb' ? sueHaddon : amritaSharma;
}

/**
 * The board's chair, who records what the board agreed collectively ("All agreed to sign off"): the
 * secretariat's chair role acts for every partner, so no partner's signature is put in one person's name.
 */
export function chairOf(boardId: string): DemoActor {
  return boardId === 'worcs-scb'
    ? { userId: 'derek-benson', role: 'chair', agency: 'worcestershire-scb-business-unit' }
    : { userId: 'elaine-coleridge-smith', role: 'chair', agency: 'warwickshire-safeguarding' };
}

/** A partner's own representative, acting for their agency only (signatures, pledges). */
export const representative = (personId: string, partnerId: string): DemoActor => ({
  userId: personId,
  role: 'partner-representative',
  agency: partnerId,
});

/** Attendance statuses in the order a signatory is preferred: the member in the room first. */
const SIGNING_ORDER = ['present', 'also-representing', 'deputising', 'in-attendance', 'to-present'];

/** Who spoke for a partner at a meeting: the first attendee representing it, by SIGNING_ORDER. */
export function representativeAt(meeting: Meeting, partnerId: string): string {
  for (const status of SIGNING_ORDER) {
    const entry = meeting.attendance.find((a) => a.status === status && a.representingPartnerId === partnerId);
    if (entry) return entry.personId;
  }
  throw new Error(`No one represented ${partnerId} at ${meeting.id}: cannot choose a signatory`);
}
