import { Module } from '@nestjs/common';
import { ActionOwnership } from './commands/action-ownership';
import { CancelActionController } from './commands/cancel-action/cancel-action.controller';
import { CancelActionHandler } from './commands/cancel-action/cancel-action.handler';
import { CarryActionForwardController } from './commands/carry-action-forward/carry-action-forward.controller';
import { CarryActionForwardHandler } from './commands/carry-action-forward/carry-action-forward.handler';
import { ChangeActionDueDateController } from './commands/change-action-due-date/change-action-due-date.controller';
import { ChangeActionDueDateHandler } from './commands/change-action-due-date/change-action-due-date.handler';
import { CloseActionController } from './commands/close-action/close-action.controller';
import { CloseActionHandler } from './commands/close-action/close-action.handler';
import { CompleteActionController } from './commands/complete-action/complete-action.controller';
import { CompleteActionHandler } from './commands/complete-action/complete-action.handler';
import { NoteActionProgressController } from './commands/note-action-progress/note-action-progress.controller';
import { NoteActionProgressHandler } from './commands/note-action-progress/note-action-progress.handler';
import { RaiseActionController } from './commands/raise-action/raise-action.controller';
import { RaiseActionHandler } from './commands/raise-action/raise-action.handler';
import { ReassignActionController } from './commands/reassign-action/reassign-action.controller';
import { ReassignActionHandler } from './commands/reassign-action/reassign-action.handler';
import { ReopenActionController } from './commands/reopen-action/reopen-action.controller';
import { ReopenActionHandler } from './commands/reopen-action/reopen-action.handler';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RaiseActionController, RaiseActionHandler],
  [NoteActionProgressController, NoteActionProgressHandler],
  [CarryActionForwardController, CarryActionForwardHandler],
  [ReassignActionController, ReassignActionHandler],
  [ChangeActionDueDateController, ChangeActionDueDateHandler],
  [CompleteActionController, CompleteActionHandler],
  [CloseActionController, CloseActionHandler],
  [ReopenActionController, ReopenActionHandler],
  [CancelActionController, CancelActionHandler],
] as const;

/** Actions raised at meetings and chased to completion. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: [ActionOwnership, ...SLICES.map(([, handler]) => handler)],
})
export class ActionsModule {}
