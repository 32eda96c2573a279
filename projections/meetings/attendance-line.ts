import type { AttendanceStatus } from '../../src/meetings';

/** One person's line in the minutes' attendance list, as it stands after any correction. */
export interface AttendanceLine {
  personId: string;
  status: AttendanceStatus;
  /** The absent member whose seat the person covered (deputising, or also representing). */
  deputisingForPersonId?: string;
  representingPartnerId?: string;
}
