import { Module } from '@nestjs/common';
import { DEPUTY_AUTHORITY } from '../auth/deputy-authority.port';
import { AddAgendaItemController } from './commands/add-agenda-item/add-agenda-item.controller';
import { AddAgendaItemHandler } from './commands/add-agenda-item/add-agenda-item.handler';
import { ApprovePreviousMinutesController } from './commands/approve-previous-minutes/approve-previous-minutes.controller';
import { ApprovePreviousMinutesHandler } from './commands/approve-previous-minutes/approve-previous-minutes.handler';
import { CloseMeetingController } from './commands/close-meeting/close-meeting.controller';
import { CloseMeetingHandler } from './commands/close-meeting/close-meeting.handler';
import { CorrectAttendanceController } from './commands/correct-attendance/correct-attendance.controller';
import { CorrectAttendanceHandler } from './commands/correct-attendance/correct-attendance.handler';
import { RecordAttendanceController } from './commands/record-attendance/record-attendance.controller';
import { RecordAttendanceHandler } from './commands/record-attendance/record-attendance.handler';
import { ScheduleMeetingController } from './commands/schedule-meeting/schedule-meeting.controller';
import { ScheduleMeetingHandler } from './commands/schedule-meeting/schedule-meeting.handler';
import { DeputyAuthority } from './deputy-authority';

/** Boards' meetings: scheduling, attendance, agenda, approval of the previous minutes, close. */
@Module({
  controllers: [
    ScheduleMeetingController,
    RecordAttendanceController,
    CorrectAttendanceController,
    AddAgendaItemController,
    ApprovePreviousMinutesController,
    CloseMeetingController,
  ],
  providers: [
    ScheduleMeetingHandler,
    RecordAttendanceHandler,
    CorrectAttendanceHandler,
    AddAgendaItemHandler,
    ApprovePreviousMinutesHandler,
    CloseMeetingHandler,
    // The auth guard's port: who may act as a deputised member (read from attendance).
    { provide: DEPUTY_AUTHORITY, useClass: DeputyAuthority },
  ],
  exports: [DEPUTY_AUTHORITY],
})
export class MeetingsModule {}
