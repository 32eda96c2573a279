/**
 * The meetings context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export {
  ATTENDANCE_STATUSES,
  Meeting,
  MINUTES_OUTCOMES,
  type AttendanceEntry,
  type AttendanceStatus,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  type MinutesOutcome,
} from './domain/meeting';
