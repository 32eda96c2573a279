import { RuleViolation } from '../../shared/domain-errors';

/**
 * How a person appears in the minutes' attendance list. One entry per person: "also-representing"
 * means present AND covering another partner's seat (real minutes say "also representing the
 * CCGs for Lisa Levy"), so it is a status of its own rather than a second entry.
 */
export const ATTENDANCE_STATUSES = [
  'present',
  'in-attendance',
  'to-present',
  'apologies',
  'deputising',
  'also-representing',
  'minute-taker',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface AttendanceEntry {
  personId: string;
  status: AttendanceStatus;
  /** The absent member whose seat the person covers: required for 'deputising', allowed for 'also-representing'. */
  deputisingForPersonId?: string;
  /** The partner represented at this meeting (as at its date): required for 'also-representing', allowed for any status. */
  representingPartnerId?: string;
}

/** Attendance by person id. */
export type Attendance = Record<string, AttendanceEntry>;

/** Everyone except those who sent apologies was in the room. */
export const isAttending = (entry: AttendanceEntry | undefined): boolean => !!entry && entry.status !== 'apologies';

export const sameEntry = (a: AttendanceEntry, b: AttendanceEntry): boolean =>
  a.personId === b.personId &&
  a.status === b.status &&
  a.deputisingForPersonId === b.deputisingForPersonId &&
  a.representingPartnerId === b.representingPartnerId;

/** Only the fields an entry's status allows, so stored entries carry no stray details. */
export function normaliseEntry(e: AttendanceEntry): AttendanceEntry {
  const entry: AttendanceEntry = { personId: e.personId, status: e.status };
  if (e.deputisingForPersonId !== undefined) entry.deputisingForPersonId = e.deputisingForPersonId;
  if (e.representingPartnerId !== undefined) entry.representingPartnerId = e.representingPartnerId;
  return entry;
}

const COVERS_A_SEAT: readonly AttendanceStatus[] = ['deputising', 'also-representing'];

/** Rules on one entry on its own: the details its status needs, and no stray seat cover. */
export function checkEntryShape(e: AttendanceEntry): void {
  // Not 'status': problem details would overwrite the HTTP status with it.
  const details = { personId: e.personId, attendanceStatus: e.status };
  if (e.status === 'deputising' && !e.deputisingForPersonId)
    throw new RuleViolation('deputised-person-required', `${e.personId} is deputising: say for whom`, details);
  if (e.status === 'also-representing' && !e.representingPartnerId)
    throw new RuleViolation(
      'represented-partner-required',
      `${e.personId} is also representing: say which partner`,
      details,
    );
  if (e.deputisingForPersonId === undefined) return;
  if (!COVERS_A_SEAT.includes(e.status)) {
    throw new RuleViolation(
      'attendance-detail-mismatch',
      `deputisingForPersonId only applies to 'deputising' or 'also-representing' (${e.personId} is '${e.status}')`,
      details,
    );
  }
  if (e.deputisingForPersonId === e.personId)
    throw new RuleViolation('deputising-for-self', `${e.personId} cannot deputise for themselves`, details);
}

/**
 * Rules between entries: a deputy stands in for someone who is absent, so nobody may deputise
 * for a person recorded in the room, and a person with a deputy cannot also be in the room.
 */
export function checkAgainst(attendance: Attendance, e: AttendanceEntry): void {
  if (e.deputisingForPersonId !== undefined && isAttending(attendance[e.deputisingForPersonId])) {
    throw new RuleViolation(
      'deputy-for-attendee',
      `${e.personId} cannot deputise for ${e.deputisingForPersonId}, who is recorded as attending`,
      { personId: e.personId, deputisingForPersonId: e.deputisingForPersonId },
    );
  }
  if (isAttending(e)) {
    const deputy = Object.values(attendance).find(
      (a) => a.deputisingForPersonId === e.personId && a.personId !== e.personId,
    );
    if (deputy) {
      throw new RuleViolation(
        'deputy-for-attendee',
        `${deputy.personId} is recorded as deputising for ${e.personId}, so ${e.personId} cannot be attending`,
        { personId: e.personId, deputyPersonId: deputy.personId },
      );
    }
  }
}

/** Facts the handler reads from other aggregates: which referenced people and partners are registered. */
export interface RegisteredFacts {
  knownPersonIds: string[];
  knownPartnerIds: string[];
}

function checkRegistered(entry: AttendanceEntry, facts: RegisteredFacts): void {
  for (const personId of [entry.personId, entry.deputisingForPersonId]) {
    if (personId !== undefined && !facts.knownPersonIds.includes(personId))
      throw new RuleViolation('person-not-registered', `Person ${personId} is not registered`, { personId });
  }
  const partnerId = entry.representingPartnerId;
  if (partnerId !== undefined && !facts.knownPartnerIds.includes(partnerId))
    throw new RuleViolation('partner-not-registered', `Partner ${partnerId} is not registered`, { partnerId });
}

/** The lines of an attendance list not yet recorded, each checked against those recorded and those before it. */
export function entriesToAdd(
  attendance: Attendance,
  entries: AttendanceEntry[],
  facts: RegisteredFacts,
): AttendanceEntry[] {
  const working: Attendance = { ...attendance };
  const added: AttendanceEntry[] = [];
  for (const raw of entries) {
    const entry = normaliseEntry(raw);
    const recorded = working[entry.personId];
    if (recorded && sameEntry(recorded, entry)) continue; // the same line twice (or re-sent) says nothing new
    if (recorded) {
      throw new RuleViolation(
        'conflicting-attendance',
        `${entry.personId} is already recorded as '${recorded.status}', not '${entry.status}': correct the entry instead`,
        { personId: entry.personId, recorded: recorded.status, requested: entry.status },
      );
    }
    checkEntryShape(entry);
    checkRegistered(entry, facts);
    checkAgainst(working, entry);
    working[entry.personId] = entry;
    added.push(entry);
  }
  return added;
}

/** A person's corrected line and the line it replaces, checked against everyone else's. */
export function correctEntry(
  attendance: Attendance,
  corrected: AttendanceEntry,
  facts: RegisteredFacts,
): { entry: AttendanceEntry; previous: AttendanceEntry } {
  const entry = normaliseEntry(corrected);
  const previous = attendance[entry.personId];
  if (!previous)
    throw new RuleViolation('attendance-not-recorded', `${entry.personId} has no attendance entry to correct`, {
      personId: entry.personId,
    });
  if (sameEntry(previous, entry))
    throw new RuleViolation('attendance-unchanged', `${entry.personId} is already recorded that way`, {
      personId: entry.personId,
    });
  checkEntryShape(entry);
  checkRegistered(entry, facts);
  const { [entry.personId]: _replaced, ...others } = attendance;
  checkAgainst(others, entry);
  return { entry, previous };
}
