/** Small constructors that keep the meeting files short. Pure helpers; no data here. */
import type { ActionOwner, AgendaItem, AttendanceEntry, AttendanceStatus, PartnerId, PersonId } from './types';

/** An agenda item with empty record lists unless given. */
export const item = (number: string, title: string, rest: Partial<AgendaItem> = {}): AgendaItem => ({
  number,
  title,
  decisions: [],
  signOffs: [],
  actions: [],
  escalations: [],
  ...rest,
});

export const byPerson = (personId: PersonId): ActionOwner => ({ kind: 'person', personId });
export const byPartner = (partnerId: PartnerId): ActionOwner => ({ kind: 'partner', partnerId });
export const byTeam = (name: string): ActionOwner => ({ kind: 'team', name });

/** An attendance entry; `representingPartnerId` is the partner as at the meeting date. */
export const attend = (
  status: AttendanceStatus,
  personId: PersonId,
  representingPartnerId?: PartnerId,
  extra: Partial<AttendanceEntry> = {},
): AttendanceEntry => ({
  personId,
  status,
  ...(representingPartnerId ? { representingPartnerId } : {}),
  ...extra,
});
