import { Module } from '@nestjs/common';
import { DEPUTY_AUTHORITY } from '../auth/deputy-authority.port';
import { AddAgendaItemController } from './commands/add-agenda-item/add-agenda-item.controller';
import { AddAgendaItemHandler } from './commands/add-agenda-item/add-agenda-item.handler';
import { ApprovePreviousMinutesController } from './commands/approve-previous-minutes/approve-previous-minutes.controller';
import { ApprovePreviousMinutesHandler } from './commands/approve-previous-minutes/approve-previous-minutes.handler';
import { ChangeMeetingLocationController } from './commands/change-meeting-location/change-meeting-location.controller';
import { ChangeMeetingLocationHandler } from './commands/change-meeting-location/change-meeting-location.handler';
import { CloseMeetingController } from './commands/close-meeting/close-meeting.controller';
import { CloseMeetingHandler } from './commands/close-meeting/close-meeting.handler';
import { CorrectAttendanceController } from './commands/correct-attendance/correct-attendance.controller';
import { CorrectAttendanceHandler } from './commands/correct-attendance/correct-attendance.handler';
import { RecordAttendanceController } from './commands/record-attendance/record-attendance.controller';
import { RecordAttendanceHandler } from './commands/record-attendance/record-attendance.handler';
import { ScheduleMeetingController } from './commands/schedule-meeting/schedule-meeting.controller';
import { ScheduleMeetingHandler } from './commands/schedule-meeting/schedule-meeting.handler';
import { DeputyAuthority } from './deputy-authority';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [ScheduleMeetingController, ScheduleMeetingHandler],
  [RecordAttendanceController, RecordAttendanceHandler],
  [CorrectAttendanceController, CorrectAttendanceHandler],
  [AddAgendaItemController, AddAgendaItemHandler],
  [ApprovePreviousMinutesController, ApprovePreviousMinutesHandler],
  [ChangeMeetingLocationController, ChangeMeetingLocationHandler],
  [CloseMeetingController, CloseMeetingHandler],
] as const;

/** Boards' meetings: scheduling, attendance, agenda, approval of the previous minutes, location, close. */
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
