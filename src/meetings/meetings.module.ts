import { Module } from '@nestjs/common';
import { DEPUTY_AUTHORITY } from '../auth/deputy-authority.port';
import { AddAgendaItemController, AddAgendaItemHandler } from './commands/add-agenda-item/add-agenda-item';
import {
  ApprovePreviousMinutesController,
  ApprovePreviousMinutesHandler,
} from './commands/approve-previous-minutes/approve-previous-minutes';
import { CancelMeetingController, CancelMeetingHandler } from './commands/cancel-meeting/cancel-meeting';
import {
  ChangeMeetingLocationController,
  ChangeMeetingLocationHandler,
} from './commands/change-meeting-location/change-meeting-location';
import { CloseMeetingController, CloseMeetingHandler } from './commands/close-meeting/close-meeting';
import {
  CorrectAttendanceController,
  CorrectAttendanceHandler,
} from './commands/correct-attendance/correct-attendance';
import { RecordAttendanceController, RecordAttendanceHandler } from './commands/record-attendance/record-attendance';
import {
  RecordContributionController,
  RecordContributionHandler,
} from './commands/record-contribution/record-contribution';
import { ScheduleMeetingController, ScheduleMeetingHandler } from './commands/schedule-meeting/schedule-meeting';
import { DeputyAuthority } from './deputy-authority';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [ScheduleMeetingController, ScheduleMeetingHandler],
  [RecordAttendanceController, RecordAttendanceHandler],
  [CorrectAttendanceController, CorrectAttendanceHandler],
  [AddAgendaItemController, AddAgendaItemHandler],
  [RecordContributionController, RecordContributionHandler],
  [ApprovePreviousMinutesController, ApprovePreviousMinutesHandler],
  [ChangeMeetingLocationController, ChangeMeetingLocationHandler],
  [CancelMeetingController, CancelMeetingHandler],
  [CloseMeetingController, CloseMeetingHandler],
] as const;

/** Boards' meetings: scheduling, attendance, agenda, contributions, approval of the previous minutes, location, cancel, close. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: [
    ...SLICES.map(([, handler]) => handler),
    // The auth guard's port: who may act as a deputised member (read from attendance).
    { provide: DEPUTY_AUTHORITY, useClass: DeputyAuthority },
  ],
  exports: [DEPUTY_AUTHORITY],
})
export class MeetingsModule {}
